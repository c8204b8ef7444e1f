import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  aiiaPay,
  cashfreeBbps,
  signAiiaWebhook,
  signCashfreeWebhook,
  WebhookVerificationError,
  type PaymentProvider,
} from '../../../src/server/index.js';

const SECRET = 'whsec-property';
const NOW = new Date('2025-06-02T10:00:00Z');
const UNUSED = 'http://127.0.0.1:9';

const aiia = aiiaPay({
  baseUrl: UNUSED,
  clientId: 'id',
  clientSecret: 'secret',
  destinationId: 'dest',
  webhookSecret: SECRET,
  now: () => NOW,
});
const cashfree = cashfreeBbps({
  baseUrl: UNUSED,
  clientId: 'id',
  clientSecret: 'secret',
  agentId: 'OU01AI34INT001123456',
  webhookSecret: SECRET,
  now: () => NOW,
});

interface Signed {
  rawBody: string;
  headers: Record<string, string>;
  /** The header carrying the signature; the other headers are signed. */
  signatureHeader: string;
}

const paymentId = fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/);

function aiiaSigned(id: string, eventId: string): Signed {
  const rawBody = JSON.stringify({
    acceptPaymentUpdatedWebhook: { data: { paymentId: id }, event: 'PaymentUpdated' },
  });
  const signed = { timestamp: NOW.toISOString(), eventId, event: 'PaymentUpdated' };
  return {
    rawBody,
    headers: {
      'x-aiia-signature': signAiiaWebhook(SECRET, signed, rawBody),
      'x-aiia-timestamp': signed.timestamp,
      'x-aiia-eventid': signed.eventId,
      'x-aiia-event': signed.event,
    },
    signatureHeader: 'x-aiia-signature',
  };
}

function cashfreeSigned(id: string, status: string): Signed {
  const rawBody = JSON.stringify({
    event: 'BILL_PAYMENT_STATUS_UPDATE',
    data: { transaction_ref_id: id, status },
  });
  const timestamp = String(NOW.getTime());
  return {
    rawBody,
    headers: {
      'x-webhook-signature': signCashfreeWebhook(SECRET, timestamp, rawBody),
      'x-webhook-timestamp': timestamp,
    },
    signatureHeader: 'x-webhook-signature',
  };
}

/** `append` on its own: lenient decoders ignore a tail, so it is where a bug would hide. */
type Edit = 'insert' | 'delete' | 'replace' | 'append';

type Mutation =
  | { part: 'body' | 'header'; at: number; edit: Edit; char: string }
  | { part: 'nibble'; at: number; by: number };

/** Printable ASCII: what a Headers value may hold, so each mutation reaches the parser. */
const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    part: fc.constantFrom('body' as const, 'header' as const),
    at: fc.nat(),
    edit: fc.constantFrom<Edit>('insert', 'delete', 'replace', 'append'),
    char: fc.oneof(printable, fc.stringMatching(/^[0-9a-fA-F=z ]{1,3}$/)),
  }),
  fc.record({
    part: fc.constant('nibble' as const),
    at: fc.nat(),
    by: fc.integer({ min: 1, max: 15 }),
  }),
);

function edited(text: string, at: number, edit: Edit, char: string) {
  if (edit === 'append') return text + char;
  const index = at % (text.length + (edit === 'insert' ? 1 : 0));
  if (edit === 'insert') return text.slice(0, index) + char + text.slice(index);
  if (edit === 'delete') return text.slice(0, index) + text.slice(index + 1);
  return text.slice(0, index) + char + text.slice(index + 1);
}

/** The signed webhook with one change; undefined when the change leaves it the same. */
function mutate(signed: Signed, change: Mutation, headerIndex: number): Signed | undefined {
  if (change.part === 'body') {
    const rawBody = edited(signed.rawBody, change.at, change.edit, change.char);
    return rawBody === signed.rawBody ? undefined : { ...signed, rawBody };
  }
  const names = Object.keys(signed.headers);
  if (change.part === 'nibble') {
    // Another value for one hex digit of the signature: the same length, other bytes.
    const signature = signed.headers[signed.signatureHeader] ?? '';
    const index = change.at % signature.length;
    const digit = (parseInt(signature[index] ?? '0', 16) + change.by) % 16;
    const next = signature.slice(0, index) + digit.toString(16) + signature.slice(index + 1);
    return { ...signed, headers: { ...signed.headers, [signed.signatureHeader]: next } };
  }
  const name = names[headerIndex % names.length] ?? signed.signatureHeader;
  const value = signed.headers[name] ?? '';
  const next = edited(value, change.at, change.edit, change.char).trim();
  // Case is no change to a hex signature; Headers trims, so edges are none either.
  if (next.toLowerCase() === value.toLowerCase()) return undefined;
  return { ...signed, headers: { ...signed.headers, [name]: next } };
}

async function parse(provider: PaymentProvider, signed: Signed) {
  return provider.parseWebhook?.({ rawBody: signed.rawBody, headers: new Headers(signed.headers) });
}

const PARSERS = [
  {
    name: 'Aiia',
    provider: aiia,
    signed: fc.tuple(paymentId, fc.uuid()).map(([id, eventId]) => aiiaSigned(id, eventId)),
  },
  {
    name: 'Cashfree',
    provider: cashfree,
    signed: fc
      .tuple(paymentId, fc.constantFrom('processing', 'success', 'failed'))
      .map(([id, status]) => cashfreeSigned(id, status)),
  },
] as const;

describe('webhook parsers (property)', () => {
  for (const { name, provider, signed } of PARSERS) {
    it(`${name}: takes the webhook as signed`, async () => {
      await fc.assert(
        fc.asyncProperty(signed, async (webhook) => {
          const events = await parse(provider, webhook);
          assert.equal(events?.length, 1);
        }),
      );
    });

    it(`${name}: refuses every mutation of its body, a signed header or the signature`, async () => {
      await fc.assert(
        fc.asyncProperty(signed, mutation, fc.nat(), async (webhook, change, headerIndex) => {
          const mutated = mutate(webhook, change, headerIndex);
          fc.pre(mutated !== undefined);
          if (!mutated) return;
          await assert.rejects(parse(provider, mutated), WebhookVerificationError);
        }),
        { numRuns: 500 },
      );
    });
  }
});
