import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  createPayByBankHandler,
  silentLogger,
  type PayByBankHandler,
  type PayByBankHandlerOptions,
} from '../../src/server/index.js';
import { decideAtBank } from './support/bank-browser.js';
import { resolveTestCheckout } from './support/kit-fixture.js';
import { createBody } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** A create request as `toNodeListener` builds it: its URL's host is the request's Host header. */
function createRequest(
  host: string,
  returnUrl: string,
  headers: Record<string, string> = {},
): Request {
  return new Request(`http://${host}/api/pay-by-bank/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    body: JSON.stringify(createBody({ returnUrl })),
  });
}

/** Runs `body` with NODE_ENV set to `value` (undefined: unset), then puts it back. */
function withNodeEnv<T>(value: string | undefined, body: () => T): T {
  const previous = process.env.NODE_ENV;
  if (value === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = value;
  try {
    return body();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

describe('the public origin: fail closed on the Host header', () => {
  let sandbox: RunningSandbox;
  const handlers: PayByBankHandler[] = [];
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());
  afterEach(async () => {
    await Promise.all(handlers.splice(0).map((handler) => handler.close()));
  });

  const kit = (options: Partial<PayByBankHandlerOptions>): PayByBankHandler => {
    const handler = createPayByBankHandler({
      provider: providerFor('aiia-pay', sandbox.url),
      resolveCheckout: resolveTestCheckout,
      logger: silentLogger(),
      reconcileIntervalMs: 0,
      ...options,
    });
    handlers.push(handler);
    return handler;
  };

  for (const environment of [undefined, 'production', 'staging']) {
    it(`refuses to start without publicBaseUrl when NODE_ENV is ${environment ?? 'unset'}`, () => {
      withNodeEnv(environment, () => {
        assert.throws(
          () => kit({}),
          (error: Error) => {
            assert.ok(error instanceof TypeError);
            assert.match(error.message, /set `publicBaseUrl`/);
            assert.match(error.message, /trustRequestOrigin: true/);
            return true;
          },
        );
        assert.throws(
          () => kit({ allowedReturnOrigins: ['https://shop.example'] }),
          /publicBaseUrl/,
        );
      });
    });
  }

  for (const environment of ['development', 'test']) {
    it(`starts without publicBaseUrl when NODE_ENV is ${environment}`, () => {
      withNodeEnv(environment, () => assert.equal(typeof kit({}), 'function'));
    });
  }

  it('starts without publicBaseUrl in production when told to trust the request origin', () => {
    withNodeEnv('production', () => {
      assert.equal(typeof kit({ trustRequestOrigin: true }), 'function');
    });
  });

  it('refuses a publicBaseUrl that is not an absolute http(s) URL', () => {
    for (const bad of ['shop.example', 'ftp://shop.example', 'https://shop.example/?a=1']) {
      assert.throws(
        () => kit({ publicBaseUrl: bad }),
        /publicBaseUrl` must be an absolute http\(s\) URL/,
      );
    }
  });

  it('with publicBaseUrl, a forged Host changes neither the allowed return nor the bank redirect', async () => {
    const handler = kit({ publicBaseUrl: 'https://shop.example/', trustProxy: true });
    const attack = await handler(createRequest('evil.example', 'http://evil.example/steal'));
    assert.equal(attack.status, 422);
    assert.equal(((await attack.json()) as { code: string }).code, 'return_url_not_allowed');

    const forwarded = await handler(
      createRequest('evil.example', 'https://evil.example/steal', {
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      }),
    );
    assert.equal(forwarded.status, 422);

    const honest = await handler(
      createRequest('evil.example', 'https://shop.example/done', {
        'x-forwarded-host': 'evil.example',
      }),
    );
    assert.equal(honest.status, 201);
    const { authorizationUrl, paymentId } = (await honest.json()) as {
      authorizationUrl: string;
      paymentId: string;
    };
    const bankRedirect = new URL(await decideAtBank(authorizationUrl, 'approve'));
    assert.equal(bankRedirect.origin, 'https://shop.example');
    assert.equal(bankRedirect.pathname, '/api/pay-by-bank/return');
    assert.equal(bankRedirect.searchParams.get('payment'), paymentId);
  });

  it('trusting the request origin, X-Forwarded-Host counts only with trustProxy', async () => {
    const direct = kit({ trustRequestOrigin: true });
    const spoofed = await direct(
      createRequest('kit.internal:8080', 'https://shop.example/done', {
        'x-forwarded-host': 'shop.example',
        'x-forwarded-proto': 'https',
      }),
    );
    assert.equal(spoofed.status, 422, 'without trustProxy the forwarded host is ignored');
    const own = await direct(createRequest('kit.internal:8080', 'http://kit.internal:8080/done'));
    assert.equal(own.status, 201);

    const proxied = kit({ trustRequestOrigin: true, trustProxy: true });
    const request = () =>
      createRequest('kit.internal:8080', 'https://shop.example/done', {
        'x-forwarded-host': 'shop.example',
        'x-forwarded-proto': 'https',
      });
    const created = await proxied(request());
    assert.equal(created.status, 201);
    const { authorizationUrl } = (await created.json()) as { authorizationUrl: string };
    const bankRedirect = new URL(await decideAtBank(authorizationUrl, 'approve'));
    assert.equal(bankRedirect.origin, 'https://shop.example');

    const internal = await proxied(
      createRequest('kit.internal:8080', 'http://kit.internal:8080/done', {
        'x-forwarded-host': 'shop.example',
        'x-forwarded-proto': 'https',
      }),
    );
    assert.equal(
      internal.status,
      422,
      "behind the proxy, the kit's own Host is not the public one",
    );

    const malformed = await proxied(
      createRequest('kit.internal:8080', 'http://kit.internal:8080/done', {
        'x-forwarded-host': 'evil.example/path@x',
      }),
    );
    assert.equal(malformed.status, 201, 'a forwarded host that is not a host is ignored');
  });
});
