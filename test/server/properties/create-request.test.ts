import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ProblemError } from '../../../src/server/problem.js';
import { validateCreateRequest } from '../../../src/server/validate-create-request.js';

/**
 * The create body as `docs/protocol.md` describes it, written out on its own: `bankId`, `returnUrl`
 * and `flow` required, `checkout`, `locale` and `payer` optional (null is absent), nothing else.
 */
function conforms(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  const known = ['bankId', 'checkout', 'returnUrl', 'flow', 'locale', 'payer'];
  if (Object.keys(record).some((key) => !known.includes(key))) return false;
  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value.length > 0 && value.length <= max;
  const absent = (value: unknown) => value === undefined || value === null;
  if (!text(record.bankId, 128) || !text(record.returnUrl, 2048)) return false;
  if (!['redirect', 'popup', 'qr'].includes(record.flow as string)) return false;
  if (
    !absent(record.checkout) &&
    !(typeof record.checkout === 'string' && record.checkout.length <= 1024)
  )
    return false;
  if (
    !absent(record.locale) &&
    !(
      typeof record.locale === 'string' &&
      record.locale.length <= 35 &&
      /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(record.locale)
    )
  )
    return false;
  if (absent(record.payer)) return true;
  const payer = record.payer;
  if (typeof payer !== 'object' || payer === null || Array.isArray(payer)) return false;
  const fields = Object.entries(payer);
  return (
    fields.length <= 10 &&
    fields.every(
      ([name, value]) =>
        /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name) &&
        typeof value === 'string' &&
        value.length <= 256,
    )
  );
}

/** Bodies near the valid ones: each field valid, wrong, or missing, and now and then a stranger. */
const nearlyValid = fc
  .record(
    {
      bankId: fc.oneof(
        fc.stringMatching(/^[A-Za-z_]{1,20}$/),
        fc.jsonValue(),
        fc.string({ maxLength: 130 }),
      ),
      checkout: fc.oneof(fc.constant('order-123'), fc.constant(null), fc.jsonValue()),
      returnUrl: fc.oneof(
        fc.constant('https://shop.example/done'),
        fc.jsonValue(),
        fc.constant(''),
      ),
      flow: fc.oneof(fc.constantFrom('redirect', 'popup', 'qr', 'teleport'), fc.jsonValue()),
      locale: fc.oneof(
        fc.constantFrom('de', 'en-GB', 'de<script>', 'x', 'zh-Hant-TW'),
        fc.jsonValue(),
      ),
      payer: fc.oneof(
        fc.dictionary(
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/),
          fc.string({ maxLength: 8 }),
          {
            maxKeys: 12,
          },
        ),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
        fc.jsonValue(),
      ),
      amount: fc.jsonValue(),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.parse(JSON.stringify(body)) as unknown);

/** Bodies the protocol allows, so that acceptance is tried as often as refusal. */
const valid = fc
  .record(
    {
      bankId: fc.string({ minLength: 1, maxLength: 128 }),
      checkout: fc.option(fc.string({ maxLength: 1024 })),
      returnUrl: fc.string({ minLength: 1, maxLength: 2048 }),
      flow: fc.constantFrom('redirect', 'popup', 'qr'),
      locale: fc.option(fc.stringMatching(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/)),
      payer: fc.option(
        fc.dictionary(
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,39}$/),
          fc.string({ maxLength: 256 }),
          {
            maxKeys: 10,
          },
        ),
      ),
    },
    { requiredKeys: ['bankId', 'returnUrl', 'flow'] },
  )
  .map((body) => JSON.parse(JSON.stringify(body)) as unknown);

const anyBody = fc.oneof(valid, nearlyValid, fc.jsonValue());

describe('create request validation (property)', () => {
  it('never throws anything but a 400 invalid_request problem', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        try {
          validateCreateRequest(body);
        } catch (error) {
          assert.ok(error instanceof ProblemError, String(error));
          assert.equal(error.status, 400);
          assert.equal(error.code, 'invalid_request');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts exactly the bodies the protocol allows, and answers only their known fields', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        let accepted: ReturnType<typeof validateCreateRequest> | undefined;
        try {
          accepted = validateCreateRequest(body);
        } catch {
          accepted = undefined;
        }
        assert.equal(accepted !== undefined, conforms(body), JSON.stringify(body));
        if (!accepted) return;
        const record = body as Record<string, unknown>;
        for (const [key, value] of Object.entries(accepted))
          assert.deepEqual(value, record[key], key);
      }),
      { numRuns: 1000 },
    );
  });
});
