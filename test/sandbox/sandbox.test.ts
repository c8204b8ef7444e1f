import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createSandbox, SANDBOX_DEFAULTS } from '../../src/sandbox/index.js';
import {
  manualClock,
  startSandbox,
  type RunningSandbox,
} from '../server/support/sandbox-fixture.js';

const MC = {
  'x-client-id': SANDBOX_DEFAULTS.mastercard.clientId,
  'x-client-secret': SANDBOX_DEFAULTS.mastercard.clientSecret,
  'content-type': 'application/json',
};
const AIIA = {
  authorization: `Basic ${Buffer.from(`${SANDBOX_DEFAULTS.aiia.clientId}:${SANDBOX_DEFAULTS.aiia.clientSecret}`).toString('base64')}`,
  'content-type': 'application/json',
};

function mastercardCreate(
  url: string,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = MC,
) {
  return fetch(`${url}/mastercard/v1/payments/create`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      userHash: 'user-1',
      request: {
        destination: { iban: { ibanNumber: 'DK5000400440116243' }, name: 'Shop' },
        amount: { value: '2.00', currency: 'DKK' },
      },
      redirectUrl: 'https://shop.example/back',
      providerId: 'DK_OresundBank',
      ...overrides,
    }),
  });
}

function aiiaAccept(
  url: string,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = AIIA,
) {
  return fetch(`${url}/aiia/v2/payments/accept`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      amount: '100',
      currency: 'DKK',
      reference: 'INV-1',
      destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
      redirectUrl: 'https://shop.example/back?x=1',
      ...overrides,
    }),
  });
}

describe('createSandbox', () => {
  const clock = manualClock();
  let running: RunningSandbox;
  const received: { headers: Headers; body: string }[] = [];

  before(async () => {
    running = await startSandbox({
      now: clock.now,
      webhooks: {
        deliver: async (request) => {
          received.push({ headers: request.headers, body: await request.text() });
          return new Response(null, { status: 200 });
        },
      },
    });
  });
  after(() => running.close());

  describe('credentials', () => {
    it('answers 401 with the Open Finance error envelope for missing Mastercard credentials', async () => {
      const response = await mastercardCreate(
        running.url,
        {},
        { 'content-type': 'application/json' },
      );
      assert.equal(response.status, 401);
      const body = (await response.json()) as { error: string; details: { reason: string } };
      assert.equal(body.error, 'Unauthorized');
      assert.equal(typeof body.details.reason, 'string');
    });

    it('answers 401 for a wrong Aiia secret, and accepts Basic or client headers', async () => {
      const wrong = await aiiaAccept(
        running.url,
        {},
        { ...AIIA, authorization: 'Basic d3Jvbmc6d3Jvbmc=' },
      );
      assert.equal(wrong.status, 401);
      const byHeaders = await aiiaAccept(
        running.url,
        {},
        {
          'x-client-id': SANDBOX_DEFAULTS.aiia.clientId,
          'x-client-secret': SANDBOX_DEFAULTS.aiia.clientSecret,
          'content-type': 'application/json',
        },
      );
      assert.equal(byHeaders.status, 200);
    });
  });

  describe('Mastercard Open Finance API', () => {
    it('creates a payment answering redirectUrl, paymentId and sessionId', async () => {
      const response = await mastercardCreate(running.url);
      assert.equal(response.status, 200);
      const body = (await response.json()) as {
        redirectUrl: string;
        paymentId: string;
        sessionId: string;
      };
      assert.match(body.paymentId, /^\d{8}\.[a-z0-9]{26}$/);
      const start = new URL(body.redirectUrl);
      assert.equal(start.pathname, '/sandbox/mastercard/start/payment');
      assert.equal(start.searchParams.get('paymentId'), body.paymentId);
      assert.ok(start.searchParams.get('startToken'));

      const read = await fetch(`${running.url}/mastercard/v1/payments/${body.paymentId}`, {
        headers: MC,
      });
      const { payment } = (await read.json()) as { payment: { status: Record<string, unknown> } };
      assert.deepEqual(
        { terminal: payment.status.terminal, code: payment.status.code },
        { terminal: false, code: 'Preparing' },
      );
      const refreshed = await fetch(
        `${running.url}/mastercard/v1/payments/${body.paymentId}/refresh-status`,
        {
          method: 'POST',
          headers: MC,
          body: '{}',
        },
      );
      assert.equal(refreshed.status, 200);
    });

    it('answers InvalidInput with validationErrors for a bad request', async () => {
      const response = await mastercardCreate(running.url, {
        request: { destination: {}, amount: { value: 'two', currency: 'dkk' } },
      });
      assert.equal(response.status, 400);
      const body = (await response.json()) as {
        error: string;
        details: { validationErrors: Record<string, string[]> };
      };
      assert.equal(body.error, 'InvalidInput');
      assert.ok(body.details.validationErrors['request.amount.value']);
      assert.ok(body.details.validationErrors['request.destination']);
    });

    it('answers 404 PaymentNotFound for an unknown payment', async () => {
      const response = await fetch(`${running.url}/mastercard/v1/payments/nope`, { headers: MC });
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: string }).error, 'PaymentNotFound');
    });
  });

  describe('Aiia Pay API and webhooks', () => {
    it('accepts a payment, sends signed PaymentCreated/PaymentUpdated webhooks carrying only the id', async () => {
      received.length = 0;
      const response = await aiiaAccept(running.url);
      const { paymentId, authorizationUrl } = (await response.json()) as {
        paymentId: string;
        authorizationUrl: string;
      };
      assert.ok(authorizationUrl.startsWith(`${running.url}/aiia/authorize?token=`));
      const page = await fetch(authorizationUrl);
      assert.equal(page.status, 200);
      await running.sandbox.flushWebhooks();
      assert.deepEqual(
        received.map((hook) => hook.headers.get('x-aiia-event')),
        ['PaymentCreated', 'PaymentUpdated'],
      );
      for (const hook of received) {
        const signed = `${hook.headers.get('x-aiia-timestamp')}|${hook.headers.get('x-aiia-eventid')}|${hook.headers.get('x-aiia-event')}|${hook.body}`;
        const expected = createHmac('sha256', SANDBOX_DEFAULTS.aiia.webhookSecret)
          .update(signed)
          .digest('hex');
        assert.equal(hook.headers.get('x-aiia-signature'), expected);
        const body = JSON.parse(hook.body) as Record<string, { data: Record<string, unknown> }>;
        const envelope = Object.values(body)[0];
        assert.deepEqual(envelope?.data, { paymentId });
      }
      const read = await fetch(`${running.url}/aiia/v2/payments/accept/${paymentId}`, {
        headers: AIIA,
      });
      assert.equal(((await read.json()) as { status: string }).status, 'AwaitingAuthorization');
    });

    it('expires an unopened link after 60 seconds of the injected clock', async () => {
      const { paymentId, authorizationUrl } = (await (await aiiaAccept(running.url)).json()) as {
        paymentId: string;
        authorizationUrl: string;
      };
      clock.advance(60_000);
      assert.equal(running.sandbox.statusOf('aiia', paymentId), 'Initiated');
      clock.advance(1);
      assert.equal(running.sandbox.statusOf('aiia', paymentId), 'Expired');
      const page = await fetch(authorizationUrl);
      assert.equal(page.status, 410);
      assert.match(await page.text(), /expired/i);
    });

    it('refuses an unknown destination', async () => {
      const response = await aiiaAccept(running.url, { destinationId: 'someone-else' });
      assert.equal(response.status, 400);
      assert.equal(
        ((await response.json()) as { errorCode: string }).errorCode,
        'DestinationNotFound',
      );
    });
  });

  describe('bank pages', () => {
    it('serves an accessible SCA page without inline script or style', async () => {
      const { authorizationUrl } = (await (
        await aiiaAccept(running.url, { preselectedCountry: 'FR' })
      ).json()) as {
        authorizationUrl: string;
      };
      const response = await fetch(authorizationUrl);
      const html = await response.text();
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<h1>Confirm your payment<\/h1>/);
      assert.match(html, /Société Lyonnaise de Crédit/);
      // Scripts only from the sandbox's own files (the tour's guide), never inline.
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)|style=|<style| on[a-z]+=/i);
      for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) {
        assert.equal(new URL(src ?? '').origin, new URL(authorizationUrl).origin, src);
      }
      for (const [, id] of html.matchAll(/<input type="radio" id="([^"]+)"/g)) {
        assert.match(html, new RegExp(`<label for="${id}">`), `label for ${id}`);
      }
      assert.match(html, /<fieldset>\s*<legend>Pay from<\/legend>/);
      for (const label of ['Approve payment', 'Reject', 'Cancel payment', 'Leave pending']) {
        assert.match(
          html,
          new RegExp(`<button type="submit" name="decision" value="[a-z]+"[^>]*>${label}</button>`),
        );
      }
      const css = await fetch(`${running.url}/bank/style.css`);
      assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    });

    it('lets the payer choose a bank when none was preselected', async () => {
      const { authorizationUrl } = (await (await aiiaAccept(running.url)).json()) as {
        authorizationUrl: string;
      };
      const html = await (await fetch(authorizationUrl)).text();
      assert.match(html, /<label for="bank">Your bank<\/label>\s*<select id="bank" name="bank">/);
      assert.doesNotMatch(html, /Münchner Privatbank/, 'unavailable banks are not offered');
    });

    it('redirects to the redirectUrl with paymentId after a decision, and refuses a second one', async () => {
      const { paymentId, redirectUrl } = (await (await mastercardCreate(running.url)).json()) as {
        paymentId: string;
        redirectUrl: string;
      };
      const token = new URL(redirectUrl).searchParams.get('startToken') ?? '';
      const post = (decision: string, account = 'acc-savings') =>
        fetch(`${running.url}/bank/authorize`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, decision, account }).toString(),
          redirect: 'manual',
        });
      assert.equal((await post('teleport')).status, 400);
      assert.equal((await post('approve', 'acc-nope')).status, 400);
      const decided = await post('approve');
      assert.equal(decided.status, 303);
      assert.equal(
        decided.headers.get('location'),
        `https://shop.example/back?paymentId=${paymentId}`,
      );
      assert.equal(running.sandbox.statusOf('mastercard', paymentId), 'Succeeded');
      assert.equal((await post('reject')).status, 409);
      assert.equal(running.sandbox.statusOf('mastercard', paymentId), 'Succeeded');
    });

    it('answers 404 for an unknown token', async () => {
      assert.equal((await fetch(`${running.url}/aiia/authorize?token=nope`)).status, 404);
    });
  });

  describe('knobs', () => {
    it('decides at once with an outcome preset', async () => {
      running.sandbox.configure({ outcome: 'reject' });
      try {
        const { paymentId, authorizationUrl } = (await (await aiiaAccept(running.url)).json()) as {
          paymentId: string;
          authorizationUrl: string;
        };
        const response = await fetch(authorizationUrl, { redirect: 'manual' });
        assert.equal(response.status, 303);
        assert.equal(
          new URL(response.headers.get('location') ?? '').searchParams.get('paymentId'),
          paymentId,
        );
        assert.equal(running.sandbox.statusOf('aiia', paymentId), 'Rejected');
      } finally {
        running.sandbox.configure({ outcome: undefined });
      }
    });

    it('fails provider calls at the configured error rate, with the random source injected', async () => {
      const sandbox = createSandbox({
        faults: { errorRate: 0.5, errorStatus: 502 },
        random: sequence([0.4, 0.6]),
      });
      const call = () =>
        sandbox.handler(new Request('http://x/sandbox/mastercard/v1/providers', { headers: MC }));
      assert.equal((await call()).status, 502);
      assert.equal((await call()).status, 200);
    });

    it("targets faults at one provider's one call, for the next `times` calls", async () => {
      const sandbox = createSandbox({
        faults: { errorRate: 1, errorStatus: 503, provider: 'aiia', call: 'create', times: 1 },
      });
      const banks = (path: string, headers: Record<string, string>) =>
        sandbox.handler(new Request(`http://x/sandbox${path}`, { headers }));
      const accept = () =>
        sandbox.handler(
          new Request('http://x/sandbox/aiia/v2/payments/accept', {
            method: 'POST',
            headers: AIIA,
            body: JSON.stringify({
              amount: '100',
              currency: 'DKK',
              reference: 'INV-1',
              destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
              redirectUrl: 'https://shop.example/back',
            }),
          }),
        );
      // Another provider's calls, and Aiia's other calls, are untouched.
      assert.equal((await banks('/mastercard/v1/providers', MC)).status, 200);
      assert.equal((await banks('/aiia/v1/providers', AIIA)).status, 200);
      const failed = await accept();
      assert.equal(failed.status, 503);
      assert.equal(
        ((await failed.json()) as { errorCode: string }).errorCode,
        'InternalServerError',
      );
      // Spent after one: the next create is made.
      const made = await accept();
      assert.equal(made.status, 200);
      const { paymentId } = (await made.json()) as { paymentId: string };
      assert.equal(
        sandbox.succeeded('aiia', 'create'),
        1,
        'one payment made, the fault not counted',
      );
      assert.equal(sandbox.succeeded('aiia', 'banks'), 1);
      assert.equal(sandbox.succeeded('mastercard', 'banks'), 1);
      sandbox.configure({ faults: { errorRate: 1, provider: 'aiia', call: 'status' } });
      assert.equal((await banks(`/aiia/v2/payments/accept/${paymentId}`, AIIA)).status, 500);
      assert.equal((await banks('/aiia/v1/providers', AIIA)).status, 200);
    });

    it('holds a targeted call for delayMs, then gives its real answer', async () => {
      const sandbox = createSandbox({
        faults: { delayMs: 80, provider: 'mastercard', call: 'banks' },
      });
      const call = (path: string, headers: Record<string, string>) => {
        const started = Date.now();
        return sandbox
          .handler(new Request(`http://x/sandbox${path}`, { headers }))
          .then((response) => ({ status: response.status, ms: Date.now() - started }));
      };
      const slow = await call('/mastercard/v1/providers', MC);
      assert.equal(slow.status, 200);
      assert.ok(slow.ms >= 75, `held ${slow.ms} ms`);
      const fast = await call('/aiia/v1/providers', AIIA);
      assert.equal(fast.status, 200);
      assert.ok(fast.ms < 75, `answered in ${fast.ms} ms`);
    });

    it('delays provider answers by the configured latency', async () => {
      const sandbox = createSandbox({ latencyMs: 60 });
      const started = Date.now();
      await sandbox.handler(
        new Request('http://x/sandbox/mastercard/v1/providers', { headers: MC }),
      );
      assert.ok(Date.now() - started >= 55);
    });
  });
});

describe('bank catalogue', () => {
  it('has several countries, popular banks, logos, one degraded and one unavailable', () => {
    const { banks } = createSandbox();
    const countries = new Set(banks.map((bank) => bank.country));
    for (const country of ['DE', 'NL', 'GB', 'FR', 'DK'])
      assert.ok(countries.has(country), country);
    for (const country of countries) {
      const local = banks.filter((bank) => bank.country === country);
      assert.ok(local.length >= 2, `${country} has several banks`);
      assert.ok(
        local.some((bank) => bank.popular),
        `${country} has a popular bank`,
      );
    }
    assert.ok(banks.some((bank) => bank.status === 'degraded'));
    assert.ok(banks.some((bank) => bank.status === 'unavailable'));
    assert.equal(new Set(banks.map((bank) => bank.id)).size, banks.length);
    assert.ok(banks.every((bank) => /^[A-Z]{2}_[A-Za-z0-9]+$/.test(bank.id)));
  });

  it('offers about 3,000 banks with largeCatalogue', async () => {
    const sandbox = createSandbox({ largeCatalogue: true });
    assert.ok(sandbox.banks.length >= 2900 && sandbox.banks.length <= 3100);
    assert.equal(new Set(sandbox.banks.map((bank) => bank.id)).size, sandbox.banks.length);
    const response = await sandbox.handler(
      new Request('http://x/sandbox/aiia/v1/providers', { headers: AIIA }),
    );
    assert.equal(((await response.json()) as unknown[]).length, sandbox.banks.length);
  });

  it('mounts at another base path', async () => {
    const sandbox = createSandbox({ basePath: '/sim' });
    assert.equal(
      (await sandbox.handler(new Request('http://x/sim/mastercard/v1/providers', { headers: MC })))
        .status,
      200,
    );
    assert.equal(
      (
        await sandbox.handler(
          new Request('http://x/sandbox/mastercard/v1/providers', { headers: MC }),
        )
      ).status,
      404,
    );
  });
});

function sequence(values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}
