import type { PaymentStore } from '../src/server/index.js';

/**
 * `PAY_BY_BANK_TEST_HOOK_HOLD_INSERT=1`, a test hook of the demo servers only: the store holds every new
 * payment forever instead of storing it, after saying so on stdout. The restart tests kill the process
 * there, between the provider's answer (already recorded with the Idempotency-Key) and the payment's
 * own write. Refused under NODE_ENV=production; without the variable the store is returned as it is.
 */
export function withTestHooks(
  store: PaymentStore,
  env: NodeJS.ProcessEnv = process.env,
): PaymentStore {
  if (!env.PAY_BY_BANK_TEST_HOOK_HOLD_INSERT) return store;
  if (env.NODE_ENV === 'production')
    throw new Error('PAY_BY_BANK_TEST_HOOK_HOLD_INSERT is a test hook: unset it in production');
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'insert') return Reflect.get(target, property, receiver) as unknown;
      return (payment: { id: string }) => {
        console.log(`test hook: holding payment ${payment.id} before storing it`);
        return new Promise<never>(() => {});
      };
    },
  });
}
