import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createPayByBankHandler, silentLogger, toNodeListener } from '../../src/server/index.js';
import { resolveTestCheckout, SHOP_ORIGIN } from './support/kit-fixture.js';
import { postPayment, readProblem } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

describe('toNodeListener', () => {
  let sandbox: RunningSandbox;
  let origin = '';
  let close: () => Promise<void> = async () => {};
  const passedOn: string[] = [];

  before(async () => {
    sandbox = await startSandbox();
    const handler = createPayByBankHandler({
      provider: providerFor('aiia-pay', sandbox.url),
      resolveCheckout: resolveTestCheckout,
      publicBaseUrl: 'https://kit.example',
      allowedReturnOrigins: [SHOP_ORIGIN],
      logger: silentLogger(),
    });
    const middleware = toNodeListener(handler);
    // A Connect-style chain: the kit first, then the rest of the app.
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      middleware(req, res, (error?: unknown) => {
        passedOn.push(req.url ?? '');
        res.statusCode = error ? 500 : 200;
        res.end('the rest of the app');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  });
  after(async () => {
    await close();
    await sandbox.close();
  });

  it('passes requests outside its base path to next()', async () => {
    const response = await fetch(`${origin}/products/1`);
    assert.equal(await response.text(), 'the rest of the app');
    assert.deepEqual(passedOn, ['/products/1']);
    const lookalike = await fetch(`${origin}/api/pay-by-bankrupt`);
    assert.equal(lookalike.status, 200);
  });

  it('answers its own routes', async () => {
    const response = await fetch(`${origin}/api/pay-by-bank/banks?country=DK`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { country: string }).country, 'DK');
    assert.equal((await postPayment(`${origin}/api/pay-by-bank`)).status, 201);
  });

  it('refuses a body over 1 MiB with a problem', async () => {
    const response = await fetch(`${origin}/api/pay-by-bank/webhooks`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    assert.equal(response.status, 413);
    assert.equal((await readProblem(response)).code, 'request_too_large');
  });

  it('works under an Express mount, reading originalUrl', async () => {
    const handler = createPayByBankHandler({
      provider: providerFor('aiia-pay', sandbox.url),
      resolveCheckout: resolveTestCheckout,
      basePath: '/shop/pay',
      publicBaseUrl: SHOP_ORIGIN,
      logger: silentLogger(),
    });
    const listener = toNodeListener(handler);
    const server = createServer((req, res) => {
      // What Express does for app.use('/shop', …): strip the mount from url, keep originalUrl.
      const mounted = Object.assign(req, { originalUrl: req.url });
      mounted.url = (req.url ?? '').replace(/^\/shop/, '');
      listener(mounted, res, () => {
        res.statusCode = 418;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      assert.equal((await fetch(`${base}/shop/pay/banks`)).status, 200);
      assert.equal((await fetch(`${base}/shop/other`)).status, 418);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });

  it('answers 500, or hands to next(), when writing an answer throws, and still writes the others', async () => {
    const handler = createPayByBankHandler({
      provider: providerFor('aiia-pay', sandbox.url),
      resolveCheckout: resolveTestCheckout,
      publicBaseUrl: SHOP_ORIGIN,
      logger: silentLogger(),
    });
    const listener = toNodeListener(handler);
    const handedOn: unknown[] = [];
    const server = createServer((req, res) => {
      // The kit's answers are written at the end of the turn (answers-at-end-of-turn.ts): a throw
      // there must reach the app, not the process, and not cost the answers written with it.
      if (req.headers['x-write-throws']) {
        const writeHead = res.writeHead.bind(res);
        res.writeHead = (() => {
          res.writeHead = writeHead;
          throw new Error('the headers could not be written');
        }) as typeof res.writeHead;
      }
      const next = req.headers['x-with-next']
        ? (error?: unknown) => {
            handedOn.push(error);
            res.statusCode = 502;
            res.end('the app saw it');
          }
        : undefined;
      listener(req, res, next);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pay-by-bank`;
      const [throwing, plain, withNext] = await Promise.all([
        fetch(`${base}/banks`, { headers: { 'x-write-throws': '1' } }),
        fetch(`${base}/banks`),
        fetch(`${base}/banks`, { headers: { 'x-write-throws': '1', 'x-with-next': '1' } }),
      ]);
      assert.equal(throwing.status, 500);
      assert.equal(await throwing.text(), '');
      assert.equal(plain.status, 200);
      assert.ok(((await plain.json()) as { banks: unknown[] }).banks.length > 0);
      assert.equal(withNext.status, 502);
      assert.equal(await withNext.text(), 'the app saw it');
      assert.equal((handedOn[0] as Error).message, 'the headers could not be written');
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });
});
