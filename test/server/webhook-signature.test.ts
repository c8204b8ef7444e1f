import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aiiaPay,
  cashfreeBbps,
  createPayByBankHandler,
  signAiiaWebhook,
  signCashfreeWebhook,
  silentLogger,
  type PayByBankHandler,
  type PaymentProvider,
} from '../../src/server/index.js';
import { resolveTestCheckout } from './support/kit-fixture.js';

const SECRET = 'whsec-test';
/** Nothing is called at this address: a webhook for an unknown payment is acknowledged and dropped. */
const UNUSED_BASE_URL = 'http://127.0.0.1:9';

function handlerFor(provider: PaymentProvider): PayByBankHandler {
  return createPayByBankHandler({
    provider,
    resolveCheckout: resolveTestCheckout,
    publicBaseUrl: 'https://shop.example',
    logger: silentLogger(),
  });
}

function cashfreeHandler(encoding?: 'hex' | 'base64'): PayByBankHandler {
  return handlerFor(
    cashfreeBbps({
      baseUrl: UNUSED_BASE_URL,
      clientId: 'id',
      clientSecret: 'secret',
      agentId: 'OU01AI34INT001123456',
      webhookSecret: SECRET,
      ...(encoding ? { webhookSignatureEncoding: encoding } : {}),
    }),
  );
}

function cashfreeWebhook(body: string, timestamp: string, signature: string): Request {
  return new Request('https://shop.example/api/pay-by-bank/webhooks', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-signature': signature,
      'x-webhook-timestamp': timestamp,
    },
    body,
  });
}

const CASHFREE_BODY = JSON.stringify({
  event: 'BILL_PAYMENT_STATUS_UPDATE',
  data: { transaction_ref_id: 'OU01NOT-OURS', status: 'success' },
});

describe('Cashfree webhook signatures', () => {
  it('refuses a captured webhook replayed with its signature spelled differently', async () => {
    const handler = cashfreeHandler();
    const timestamp = String(Date.now());
    const signature = signCashfreeWebhook(SECRET, timestamp, CASHFREE_BODY);
    const first = await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, signature));
    assert.equal(first.status, 200);
    // Each of these decodes (leniently) to the same bytes, or differs only in case.
    for (const variant of [
      signature.toUpperCase(),
      ` ${signature} `,
      `${signature}0`,
      `${signature}z`,
      `${signature}zz`,
      `${signature}==`,
    ]) {
      const replay = await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, variant));
      assert.notEqual(replay.status, 200, `replayed with ${JSON.stringify(variant)}`);
      assert.ok([401, 409].includes(replay.status), `${variant}: ${replay.status}`);
    }
  });

  it('refuses every signature that is not exactly 64 hex characters, even one that decodes right', async () => {
    const handler = cashfreeHandler();
    const timestamp = String(Date.now());
    const signature = signCashfreeWebhook(SECRET, timestamp, CASHFREE_BODY);
    for (const variant of [
      `${signature}0`,
      `${signature}z`,
      `${signature}g1`,
      signature.slice(1),
    ]) {
      const response = await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, variant));
      assert.equal(response.status, 401, JSON.stringify(variant));
    }
    // The well-formed signature still goes through afterwards: nothing was remembered.
    const good = await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, signature));
    assert.equal(good.status, 200);
  });

  it('keys replays on timestamp and body: the same delivery in upper-case hex is a replay', async () => {
    const handler = cashfreeHandler();
    const timestamp = String(Date.now());
    const signature = signCashfreeWebhook(SECRET, timestamp, CASHFREE_BODY);
    assert.equal((await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, signature))).status, 200);
    const replay = await handler(
      cashfreeWebhook(CASHFREE_BODY, timestamp, signature.toUpperCase()),
    );
    assert.equal(replay.status, 409);
  });

  it('accepts exactly 44 characters of canonical base64 when so configured', async () => {
    const handler = cashfreeHandler('base64');
    const timestamp = String(Date.now());
    const signature = signCashfreeWebhook(SECRET, timestamp, CASHFREE_BODY, 'base64');
    assert.match(signature, /^[A-Za-z0-9+/]{43}=$/);
    for (const variant of [
      `${signature}=`,
      signature.slice(0, -1),
      `${signature}A`,
      `${signature}!`,
    ]) {
      const response = await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, variant));
      assert.equal(response.status, 401, JSON.stringify(variant));
    }
    assert.equal((await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, signature))).status, 200);
    assert.equal((await handler(cashfreeWebhook(CASHFREE_BODY, timestamp, signature))).status, 409);
  });
});

describe('Aiia webhook signatures', () => {
  const handler = handlerFor(
    aiiaPay({
      baseUrl: UNUSED_BASE_URL,
      clientId: 'id',
      clientSecret: 'secret',
      destinationId: 'dest',
      webhookSecret: SECRET,
    }),
  );
  const body = JSON.stringify({
    acceptPaymentUpdatedWebhook: { data: { paymentId: 'not-ours' }, event: 'PaymentUpdated' },
  });

  function aiiaWebhook(eventId: string, signature?: string): Request {
    const signed = { timestamp: new Date().toISOString(), eventId, event: 'PaymentUpdated' };
    return new Request('https://shop.example/api/pay-by-bank/webhooks', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-aiia-signature': signature ?? signAiiaWebhook(SECRET, signed, body),
        'x-aiia-timestamp': signed.timestamp,
        'x-aiia-eventid': signed.eventId,
        'x-aiia-event': signed.event,
      },
      body,
    });
  }

  it('refuses every signature that is not exactly 64 hex characters', async () => {
    const signed = {
      timestamp: new Date().toISOString(),
      eventId: 'evt-1',
      event: 'PaymentUpdated',
    };
    const signature = signAiiaWebhook(SECRET, signed, body);
    for (const variant of [`${signature}0`, `${signature}z`, signature.slice(1)]) {
      const request = new Request('https://shop.example/api/pay-by-bank/webhooks', {
        method: 'POST',
        headers: {
          'x-aiia-signature': variant,
          'x-aiia-timestamp': signed.timestamp,
          'x-aiia-eventid': signed.eventId,
          'x-aiia-event': signed.event,
        },
        body,
      });
      assert.equal((await handler(request)).status, 401, JSON.stringify(variant));
    }
  });

  it('keys replays on the signed event id', async () => {
    assert.equal((await handler(aiiaWebhook('evt-2'))).status, 200);
    assert.equal((await handler(aiiaWebhook('evt-2'))).status, 409);
  });
});
