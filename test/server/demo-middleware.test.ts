import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createDemoMiddleware } from '../../demo/dev-server-plugin.js';
import { SUPPORTED_LOCALES } from '../../src/locales/index.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import { createBody, createPayment, getStatus } from './support/merchant-client.js';

describe('createDemoMiddleware', () => {
  let origin = '';
  let close: () => Promise<void> = async () => {};

  before(async () => {
    const demo = createDemoMiddleware({ provider: 'aiia-pay' });
    const server = createServer((req, res) => demo(req, res, () => res.writeHead(200).end('vite')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  });
  after(() => close());

  it('leaves other paths to the next middleware', async () => {
    assert.equal(await (await fetch(`${origin}/index.html`)).text(), 'vite');
  });

  it('names the locales the element speaks, for the language menu', async () => {
    const response = await fetch(`${origin}/demo-locales`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { locales: [...SUPPORTED_LOCALES] });
    assert.ok(SUPPORTED_LOCALES.length >= 36);
  });

  for (const provider of ['aiia-pay', 'mastercard-open-finance'] as const) {
    it(`pays through ${provider}, with bank links on the same origin`, async () => {
      const switched = await fetch(
        `${origin}/api/pay-by-bank/banks?country=DE&provider=${provider}`,
      );
      assert.equal(switched.status, 200);
      assert.match(
        switched.headers.get('set-cookie') ?? '',
        new RegExp(`pay_by_bank_provider=${provider}`),
      );
      const endpoint = `${origin}/api/pay-by-bank`;
      const created = await createPaymentWithCookie(endpoint, provider);
      const sandboxPath = provider === 'aiia-pay' ? '/sandbox/aiia/' : '/sandbox/mastercard/';
      assert.ok(
        created.authorizationUrl?.startsWith(`${origin}${sandboxPath}`),
        created.authorizationUrl,
      );
      const back = await followReturn(
        await decideAtBank(created.authorizationUrl ?? '', 'approve'),
      );
      assert.equal(back.status, 303);
      assert.equal(new URL(back.location ?? '').origin, origin);
      assert.equal((await getStatus(endpoint, created.paymentId)).status, 'completed');
    });
  }

  async function createPaymentWithCookie(endpoint: string, provider: string) {
    const body = createBody({ returnUrl: `${origin}/?order=1` });
    const response = await fetch(`${endpoint}/payments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        cookie: `pay_by_bank_provider=${provider}`,
      },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as Awaited<ReturnType<typeof createPayment>>;
  }
});
