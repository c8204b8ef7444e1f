import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createSandbox,
  SANDBOX_DEFAULTS,
  type AiiaWebhookTimestamp,
} from '../../src/sandbox/index.js';
import { createSchemaChecker } from '../../src/sandbox/schemas/check.js';
import { acceptWebhook } from '../../src/sandbox/schemas/aiia/index.js';

const AIIA = {
  authorization: `Basic ${Buffer.from(`${SANDBOX_DEFAULTS.aiia.clientId}:${SANDBOX_DEFAULTS.aiia.clientSecret}`).toString('base64')}`,
  'content-type': 'application/json',
};

async function firstWebhook(format?: AiiaWebhookTimestamp): Promise<Request> {
  const received: Request[] = [];
  const sandbox = createSandbox({
    now: () => new Date('2025-06-02T10:00:00.123Z'),
    ...(format ? { aiia: { webhookTimestamp: format } } : {}),
    webhooks: { deliver: (request) => void received.push(request) },
  });
  const response = await sandbox.handler(
    new Request('http://sandbox.test/sandbox/aiia/v2/payments/accept', {
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
  assert.equal(response.status, 200);
  await sandbox.flushWebhooks();
  const [webhook] = received;
  assert.ok(webhook, 'a PaymentCreated webhook');
  return webhook;
}

describe('the sandbox’s Aiia webhooks', () => {
  it('carry X-Aiia-TimeStamp as Unix seconds, the number the public sample parses, and the documented body', async () => {
    const webhook = await firstWebhook();
    assert.equal(webhook.headers.get('x-aiia-timestamp'), '1748858400');
    const body = (await webhook.json()) as unknown;
    assert.deepEqual(createSchemaChecker().check(acceptWebhook, body), []);
  });

  it('take milliseconds or ISO-8601 instead when asked', async () => {
    assert.equal(
      (await firstWebhook('unix-milliseconds')).headers.get('x-aiia-timestamp'),
      '1748858400123',
    );
    assert.equal(
      (await firstWebhook('iso')).headers.get('x-aiia-timestamp'),
      '2025-06-02T10:00:00.123Z',
    );
  });
});
