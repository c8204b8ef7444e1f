import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createPayByBankHandler,
  createMemoryPaymentStore,
  silentLogger,
  toNodeListener,
  type PayByBankHandler,
  type PayByBankHandlerOptions,
  type PaymentProvider,
  type PaymentStore,
} from '../../../src/server/index.js';

export const SHOP_ORIGIN = 'https://shop.example';
export const RETURN_URL = `${SHOP_ORIGIN}/checkout/done?order=123`;

/** The demo's pricing: `order-<n>` costs 42.00 EUR; anything else is unknown. */
export function resolveTestCheckout(checkout: string | undefined) {
  if (!checkout || !/^order-\d+$/.test(checkout)) return null;
  return { amount: { value: '42.00', currency: 'EUR' }, reference: checkout.toUpperCase() };
}

export interface RunningKit {
  handler: PayByBankHandler;
  store: PaymentStore;
  /** The kit's origin, e.g. `http://127.0.0.1:54322`. */
  origin: string;
  /** `${origin}/api/pay-by-bank`. */
  endpoint: string;
  close(): Promise<void>;
}

/** The server kit on node:http at an ephemeral port, through `toNodeListener` as a merchant would run it. */
export async function startKit(
  provider: PaymentProvider,
  options: Partial<PayByBankHandlerOptions> = {},
): Promise<RunningKit> {
  const store = options.store ?? createMemoryPaymentStore();
  // Listening first: the kit's public base URL is its own address, the bank sends the payer back there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = createPayByBankHandler({
    provider,
    store,
    resolveCheckout: resolveTestCheckout,
    publicBaseUrl: origin,
    allowedReturnOrigins: [SHOP_ORIGIN],
    logger: silentLogger(),
    refreshIntervalMs: 50,
    ...options,
  });
  server.on('request', toNodeListener(handler));
  return {
    handler,
    store,
    origin,
    endpoint: `${origin}${handler.basePath}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await handler.close();
    },
  };
}
