import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { canAdvance, type PaymentStatus } from '../../../src/core/status.js';
import type { PaymentStore, StoredPayment } from '../../../src/server/index.js';
import { samplePayment, testClock } from './support/payments.js';

export interface ContractStoreOptions {
  now: () => Date;
  idempotencyTtlMs?: number;
}

/** Makes a new, empty store for one test; the contract closes it afterwards. */
export type CreateContractStore = (
  options: ContractStoreOptions,
) => PaymentStore | Promise<PaymentStore>;

/** A change as `applyProviderStatus` makes it: forward only, decided on the current payment. */
function advanceTo(status: PaymentStatus, providerStatus = status.toUpperCase()) {
  return (current: StoredPayment): StoredPayment =>
    canAdvance(current.status, status)
      ? { ...current, status, providerStatus, updatedAt: new Date().toISOString() }
      : current;
}

/**
 * The behaviour every `PaymentStore` promises (docs/architecture.md, "Where payments live"). Each store
 * runs it with its own `createStore`; nothing here knows which store it tests.
 */
export function runPaymentStoreContract(name: string, createStore: CreateContractStore): void {
  describe(`PaymentStore contract: ${name}`, () => {
    const opened: PaymentStore[] = [];
    let clock = testClock();

    async function store(options: Partial<ContractStoreOptions> = {}): Promise<PaymentStore> {
      clock = testClock();
      const created = await createStore({ now: clock.now, ...options });
      opened.push(created);
      return created;
    }

    afterEach(async () => {
      for (const created of opened.splice(0)) await created.close?.();
    });

    describe('payments', () => {
      it('reads back an inserted payment by its id and by the provider’s id', async () => {
        const payments = await store();
        const payment = samplePayment({
          providerReason: 'AC01',
          error: {
            code: 'payment_failed',
            message: 'The bank declined the payment.',
            retryable: true,
          },
          summary: [{ label: 'Order', value: '#1' }],
          providerData: { consent: 'c-1' },
          expiresAt: '2025-06-02T10:15:00.000Z',
        });
        await payments.insert(payment);
        assert.deepEqual(await payments.get(payment.id), payment);
        assert.deepEqual(
          await payments.findByProviderPaymentId(payment.provider, payment.providerPaymentId),
          payment,
        );
        assert.equal(await payments.get('pay_unknownunknownunknownun'), undefined);
        assert.equal(
          await payments.findByProviderPaymentId('another-provider', payment.providerPaymentId),
          undefined,
        );
      });

      it('hands out copies: changing what it answered changes nothing stored', async () => {
        const payments = await store();
        const payment = samplePayment({ providerData: { consent: 'c-1' } });
        await payments.insert(payment);
        payment.status = 'completed';
        const copy = await payments.get(payment.id);
        assert.ok(copy?.providerData);
        copy.status = 'failed';
        copy.amount.value = '999.00';
        copy.providerData.consent = 'changed';
        const stored = await payments.get(payment.id);
        assert.equal(stored?.status, 'awaiting_authorisation');
        assert.equal(stored?.amount.value, '12.50');
        assert.equal(stored?.providerData?.consent, 'c-1');
      });

      it('refuses a second payment with the same id or the same provider id, keeping the first', async () => {
        const payments = await store();
        const first = samplePayment();
        await payments.insert(first);
        await assert.rejects(payments.insert({ ...samplePayment(), id: first.id }));
        const sameProviderId = samplePayment({ providerPaymentId: first.providerPaymentId });
        await assert.rejects(payments.insert(sameProviderId));
        assert.deepEqual(await payments.get(first.id), first);
        assert.equal(await payments.get(sameProviderId.id), undefined);
        assert.equal((await payments.history(first.id)).length, 1);
        assert.deepEqual(await payments.history(sameProviderId.id), []);
      });

      it('applies a change, keeps the id, and answers the stored payment', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        const updated = await payments.update(payment.id, (current) => ({
          ...current,
          id: 'pay_someoneelsesomeoneelse',
          checkedAt: '2025-06-02T10:01:00.000Z',
          providerData: { consent: 'c-2' },
        }));
        assert.equal(updated?.id, payment.id);
        assert.equal(updated?.checkedAt, '2025-06-02T10:01:00.000Z');
        assert.deepEqual(await payments.get(payment.id), updated);
        assert.equal(await payments.get('pay_someoneelsesomeoneelse'), undefined);
      });

      it('leaves the payment as it is when the change answers undefined, or for an unknown id', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        assert.deepEqual(await payments.update(payment.id, () => undefined), payment);
        assert.deepEqual(await payments.get(payment.id), payment);
        let called = false;
        const unknown = await payments.update('pay_unknownunknownunknownun', (current) => {
          called = true;
          return current;
        });
        assert.equal(unknown, undefined);
        assert.equal(called, false);
      });

      it('writes nothing when the change throws', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        await assert.rejects(
          payments.update(payment.id, () => {
            throw new Error('change failed');
          }),
          /change failed/,
        );
        assert.deepEqual(await payments.get(payment.id), payment);
        assert.equal((await payments.history(payment.id)).length, 1);
      });

      it('refuses to move a status back, or out of a terminal status, writing nothing', async () => {
        const payments = await store();
        const payment = samplePayment({ status: 'processing' });
        await payments.insert(payment);
        await assert.rejects(
          payments.update(payment.id, (current) => ({ ...current, status: 'created' })),
          /cannot move from processing to created/,
        );
        await payments.update(payment.id, advanceTo('completed'));
        await assert.rejects(
          payments.update(payment.id, (current) => ({ ...current, status: 'failed' })),
        );
        assert.equal((await payments.get(payment.id))?.status, 'completed');
        assert.deepEqual(
          (await payments.history(payment.id)).map((entry) => entry.status),
          ['processing', 'completed'],
        );
      });

      it('follows a change of the provider’s id', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        await payments.update(payment.id, (current) => ({
          ...current,
          providerPaymentId: 'provider-new',
        }));
        assert.equal(
          (await payments.findByProviderPaymentId(payment.provider, 'provider-new'))?.id,
          payment.id,
        );
        assert.equal(
          await payments.findByProviderPaymentId(payment.provider, payment.providerPaymentId),
          undefined,
        );
      });

      it('never loses a concurrent change: 50 updates each append to one field', async () => {
        const payments = await store();
        const payment = samplePayment({ providerData: { log: '' } });
        await payments.insert(payment);
        await Promise.all(
          Array.from({ length: 50 }, (_, index) =>
            payments.update(payment.id, (current) => ({
              ...current,
              providerData: { log: `${current.providerData?.log ?? ''}[${index}]` },
            })),
          ),
        );
        const log = (await payments.get(payment.id))?.providerData?.log ?? '';
        const seen = log.match(/\[\d+\]/g) ?? [];
        assert.equal(seen.length, 50);
        assert.equal(new Set(seen).size, 50);
      });

      it('records one status change when 50 concurrent updates race to the same status', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        await Promise.all(
          Array.from({ length: 50 }, () => payments.update(payment.id, advanceTo('completed'))),
        );
        const history = await payments.history(payment.id);
        assert.deepEqual(
          history.map((entry) => [entry.previous, entry.status]),
          [
            [null, 'awaiting_authorisation'],
            ['awaiting_authorisation', 'completed'],
          ],
        );
      });
    });

    describe('audit trail', () => {
      it('starts with the status the payment was created with', async () => {
        const payments = await store();
        const payment = samplePayment({ providerReason: 'pending-sca' });
        await payments.insert(payment);
        const [entry, ...rest] = await payments.history(payment.id);
        assert.deepEqual(rest, []);
        assert.deepEqual(entry, {
          eventId: entry?.eventId,
          paymentId: payment.id,
          sequence: 1,
          status: 'awaiting_authorisation',
          previous: null,
          source: 'create',
          providerStatus: 'Initiated',
          providerReason: 'pending-sca',
          at: clock.now().toISOString(),
        });
        assert.equal(typeof entry?.eventId, 'string');
      });

      it('appends each status change in order, with where it came from', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        clock.advance(1000);
        await payments.update(payment.id, advanceTo('authorised', 'AUTH'), { source: 'return' });
        const afterOne = await payments.history(payment.id);
        clock.advance(1000);
        // A refresh that finds nothing new is no change of status: no entry.
        await payments.update(payment.id, (current) => ({
          ...current,
          checkedAt: clock.now().toISOString(),
        }));
        await payments.update(
          payment.id,
          (current) => ({
            ...advanceTo('completed', 'ACSC')(current),
            providerReason: 'settled',
          }),
          { source: 'webhook', webhookEventId: 'evt-77', bodySha256: 'ab'.repeat(32) },
        );
        clock.advance(1000);
        await payments.update(payment.id, advanceTo('completed'), { source: 'reconcile' });

        const history = await payments.history(payment.id);
        assert.deepEqual(history.slice(0, 2), afterOne, 'earlier entries are never rewritten');
        assert.deepEqual(
          history.map(({ sequence, previous, status, source }) => ({
            sequence,
            previous,
            status,
            source,
          })),
          [
            { sequence: 1, previous: null, status: 'awaiting_authorisation', source: 'create' },
            {
              sequence: 2,
              previous: 'awaiting_authorisation',
              status: 'authorised',
              source: 'return',
            },
            { sequence: 3, previous: 'authorised', status: 'completed', source: 'webhook' },
          ],
        );
        const [, second, third] = history;
        assert.equal(second?.providerStatus, 'AUTH');
        assert.equal(second?.at, '2025-06-02T10:00:01.000Z');
        assert.equal(third?.providerStatus, 'ACSC');
        assert.equal(third?.providerReason, 'settled');
        assert.equal(third?.webhookEventId, 'evt-77');
        assert.equal(third?.bodySha256, 'ab'.repeat(32));
        assert.equal(third?.at, '2025-06-02T10:00:02.000Z');
        assert.equal(new Set(history.map((entry) => entry.eventId)).size, 3);
      });

      it('records a change without meta as found by a poll, and keeps payments apart', async () => {
        const payments = await store();
        const one = samplePayment();
        const other = samplePayment();
        await payments.insert(one);
        await payments.insert(other);
        await payments.update(one.id, advanceTo('processing'));
        assert.equal((await payments.history(one.id))[1]?.source, 'poll');
        assert.equal((await payments.history(other.id)).length, 1);
        assert.deepEqual(await payments.history('pay_unknownunknownunknownun'), []);
      });
    });

    describe('reconciler work', () => {
      it('lists unfinished payments checked before a cut-off, least recently checked first', async () => {
        const payments = await store();
        const at = (minute: number) => `2025-06-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
        const late = samplePayment({ checkedAt: at(3) });
        const early = samplePayment({ checkedAt: at(1), status: 'created' });
        const middle = samplePayment({ checkedAt: at(2), status: 'processing' });
        const fresh = samplePayment({ checkedAt: at(9) });
        const done = samplePayment({ checkedAt: at(0), status: 'completed' });
        for (const payment of [late, early, middle, fresh, done]) await payments.insert(payment);
        const failed = samplePayment({ checkedAt: at(0) });
        await payments.insert(failed);
        await payments.update(failed.id, advanceTo('failed'));

        const before = new Date(at(5));
        const ids = async (limit: number) =>
          (await payments.listUnfinished({ limit, before })).map((payment) => payment.id);
        assert.deepEqual(await ids(10), [early.id, middle.id, late.id]);
        assert.deepEqual(await ids(2), [early.id, middle.id]);
        assert.deepEqual(await ids(0), []);
        assert.deepEqual(
          (await payments.listUnfinished({ limit: 10, before: new Date(at(2)) })).map(
            (payment) => payment.id,
          ),
          [early.id],
        );
      });
    });

    describe('reconciler claims (claimUnfinished)', () => {
      async function claimingStore() {
        const payments = await store();
        const claimUnfinished = payments.claimUnfinished?.bind(payments);
        assert.ok(claimUnfinished, 'every store of the kit can claim reconciler work');
        return { payments, claimUnfinished };
      }

      it('answers what listUnfinished answers, but not again while a claim holds it', async () => {
        const { payments, claimUnfinished } = await claimingStore();
        const at = (minute: number) => `2025-06-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
        const late = samplePayment({ checkedAt: at(3) });
        const early = samplePayment({ checkedAt: at(1) });
        const fresh = samplePayment({ checkedAt: at(9) });
        const done = samplePayment({ checkedAt: at(0), status: 'completed' });
        for (const payment of [late, early, fresh, done]) await payments.insert(payment);
        const before = new Date(at(5));
        const claim = async (limit: number, leaseMs = 1000) =>
          (await claimUnfinished({ limit, before, leaseMs })).map((payment) => payment.id);

        assert.deepEqual(await claim(1), [early.id]);
        assert.deepEqual(await claim(10), [late.id], 'the held one is left out');
        assert.deepEqual(await claim(10), []);
        assert.deepEqual(
          (await payments.listUnfinished({ limit: 10, before })).map((payment) => payment.id),
          [early.id, late.id],
          'listing ignores claims',
        );
        clock.advance(999);
        assert.deepEqual(await claim(10), []);
        clock.advance(1);
        assert.deepEqual(await claim(10, 5000), [early.id, late.id], 'leases ran out');
        await payments.update(early.id, advanceTo('completed'));
        clock.advance(5000);
        assert.deepEqual(await claim(10), [late.id]);
        assert.equal(
          (await payments.get(late.id))?.checkedAt,
          late.checkedAt,
          'a claim leaves the payment as it is',
        );
      });

      it('gives each unfinished payment to exactly one of 50 concurrent claims', async () => {
        const { payments, claimUnfinished } = await claimingStore();
        for (let index = 0; index < 5; index += 1) await payments.insert(samplePayment());
        const before = new Date(clock.now().getTime() + 1);
        const claims = await Promise.all(
          Array.from({ length: 50 }, () => claimUnfinished({ limit: 1, before, leaseMs: 10_000 })),
        );
        const ids = claims.flat().map((payment) => payment.id);
        assert.equal(ids.length, 5);
        assert.equal(new Set(ids).size, 5);
      });
    });

    describe('idempotency keys', () => {
      it('claims a key once, remembers its payment, and forgets it after the TTL', async () => {
        const payments = await store({ idempotencyTtlMs: 1000 });
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f1'), { outcome: 'claimed' });
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f2'), {
          outcome: 'existing',
          fingerprint: 'f1',
        });
        await payments.completeIdempotencyKey('k', 'pay_x');
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f1'), {
          outcome: 'existing',
          fingerprint: 'f1',
          paymentId: 'pay_x',
        });
        clock.advance(1001);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f2'), { outcome: 'claimed' });
      });

      it('frees a released key for the next claim', async () => {
        const payments = await store();
        await payments.claimIdempotencyKey('k', 'f1');
        await payments.releaseIdempotencyKey('k');
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f2'), { outcome: 'claimed' });
      });

      it('gives a key to exactly one of 50 concurrent claims', async () => {
        const payments = await store();
        const claims = await Promise.all(
          Array.from({ length: 50 }, () => payments.claimIdempotencyKey('one-key', 'f')),
        );
        assert.equal(claims.filter((claim) => claim.outcome === 'claimed').length, 1);
        assert.equal(claims.filter((claim) => claim.outcome === 'existing').length, 49);
      });

      it('lets a claim with the same fingerprint take over once the holder’s lease ran out', async () => {
        const payments = await store();
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f', { leaseMs: 1000 }), {
          outcome: 'claimed',
        });
        clock.advance(999);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f', { leaseMs: 1000 }), {
          outcome: 'existing',
          fingerprint: 'f',
        });
        clock.advance(1);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'other', { leaseMs: 1000 }), {
          outcome: 'existing',
          fingerprint: 'f',
        });
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f', { leaseMs: 1000 }), {
          outcome: 'claimed',
          takeover: true,
        });
        // The new holder has a lease of its own.
        assert.equal((await payments.claimIdempotencyKey('k', 'f')).outcome, 'existing');
      });

      it('hands a takeover what the dead holder recorded, so it adopts instead of creating again', async () => {
        const payments = await store();
        await payments.claimIdempotencyKey('k', 'f', { leaseMs: 1000 });
        await payments.recordIdempotencyAttempt('k', { paymentId: 'pay_adopted' });
        clock.advance(500);
        await payments.recordIdempotencyAttempt('k', {
          paymentId: 'pay_adopted',
          providerPaymentId: 'provider-1',
        });
        clock.advance(999);
        assert.equal(
          (await payments.claimIdempotencyKey('k', 'f')).outcome,
          'existing',
          'recording renews the lease',
        );
        clock.advance(1);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f'), {
          outcome: 'claimed',
          takeover: true,
          attempt: { paymentId: 'pay_adopted', providerPaymentId: 'provider-1' },
        });
        await payments.completeIdempotencyKey('k', 'pay_adopted');
        clock.advance(5000);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f'), {
          outcome: 'existing',
          fingerprint: 'f',
          paymentId: 'pay_adopted',
        });
      });

      it('hands a takeover the payment the dead holder was about to store, whole', async () => {
        const payments = await store();
        const payment = samplePayment({
          id: 'pay_answered',
          providerData: { consent: 'c-1' },
          summary: [{ label: 'Order', value: '#1' }],
        });
        await payments.claimIdempotencyKey('k', 'f', { leaseMs: 1000 });
        await payments.recordIdempotencyAttempt('k', { paymentId: payment.id });
        await payments.recordIdempotencyAttempt('k', {
          paymentId: payment.id,
          providerPaymentId: payment.providerPaymentId,
          payment,
        });
        // A later record without the payment (the same attempt) keeps it.
        await payments.recordIdempotencyAttempt('k', { paymentId: payment.id });
        clock.advance(1000);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f'), {
          outcome: 'claimed',
          takeover: true,
          attempt: { paymentId: payment.id, providerPaymentId: payment.providerPaymentId, payment },
        });
        // A new attempt under the key drops what the earlier one recorded.
        await payments.recordIdempotencyAttempt('k', { paymentId: 'pay_next' });
        clock.advance(1000);
        assert.deepEqual(await payments.claimIdempotencyKey('k', 'f'), {
          outcome: 'claimed',
          takeover: true,
          attempt: { paymentId: 'pay_next' },
        });
      });

      it('never takes over a claim made without a lease, nor a completed one', async () => {
        const payments = await store();
        await payments.claimIdempotencyKey('held', 'f');
        await payments.claimIdempotencyKey('done', 'f', { leaseMs: 10 });
        await payments.completeIdempotencyKey('done', 'pay_done');
        clock.advance(60 * 60 * 1000);
        assert.deepEqual(await payments.claimIdempotencyKey('held', 'f', { leaseMs: 10 }), {
          outcome: 'existing',
          fingerprint: 'f',
        });
        assert.deepEqual(await payments.claimIdempotencyKey('done', 'f', { leaseMs: 10 }), {
          outcome: 'existing',
          fingerprint: 'f',
          paymentId: 'pay_done',
        });
      });

      it('gives an abandoned key to exactly one of 50 concurrent takeovers', async () => {
        const payments = await store();
        await payments.claimIdempotencyKey('k', 'f', { leaseMs: 1000 });
        clock.advance(1000);
        const claims = await Promise.all(
          Array.from({ length: 50 }, () => payments.claimIdempotencyKey('k', 'f')),
        );
        assert.equal(claims.filter((claim) => claim.outcome === 'claimed').length, 1);
      });
    });

    describe('webhook event memory', () => {
      it('marks an event once within its memory, and again once forgotten or expired', async () => {
        const payments = await store();
        assert.equal(await payments.markWebhookEvent('e', 1000), true);
        assert.equal(await payments.markWebhookEvent('e', 1000), false);
        assert.equal(await payments.markWebhookEvent('other', 1000), true);
        await payments.forgetWebhookEvent('e');
        assert.equal(await payments.markWebhookEvent('e', 1000), true);
        clock.advance(999);
        assert.equal(await payments.markWebhookEvent('e', 1000), false);
        clock.advance(1);
        assert.equal(await payments.markWebhookEvent('e', 1000), true);
      });

      it('gives an event to exactly one of 50 concurrent marks', async () => {
        const payments = await store();
        const marks = await Promise.all(
          Array.from({ length: 50 }, () => payments.markWebhookEvent('e', 1000)),
        );
        assert.equal(marks.filter(Boolean).length, 1);
      });
    });

    describe('completion-hook outbox', () => {
      const lease = { leaseMs: 10_000 };

      it('enqueues each stored status change with a stable event id and the payment as it stood', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        await payments.update(payment.id, (current) => ({
          ...current,
          checkedAt: current.checkedAt,
        }));
        const [created, ...none] = await payments.claimDeliveries({ limit: 10, ...lease });
        assert.deepEqual(none, []);
        assert.ok(created);
        assert.equal(created.eventId, (await payments.history(payment.id))[0]?.eventId);
        assert.deepEqual(
          { ...created, eventId: undefined },
          {
            eventId: undefined,
            paymentId: payment.id,
            sequence: 1,
            status: 'awaiting_authorisation',
            previous: null,
            payment,
            attempts: 1,
            createdAt: clock.now().toISOString(),
          },
        );
        await payments.completeDelivery(created.eventId);
        await payments.update(payment.id, advanceTo('completed', 'ACSC'));
        const [completed] = await payments.claimDeliveries({ limit: 10, ...lease });
        assert.equal(completed?.status, 'completed');
        assert.equal(completed?.previous, 'awaiting_authorisation');
        assert.equal(completed?.payment.status, 'completed');
        assert.equal(completed?.payment.providerStatus, 'ACSC');
        assert.equal(completed?.eventId, (await payments.history(payment.id))[1]?.eventId);
        assert.notEqual(completed?.eventId, created.eventId);
      });

      it('hands out a payment’s changes in order: never a later one while an earlier is undelivered', async () => {
        const payments = await store();
        const payment = samplePayment({ status: 'created' });
        await payments.insert(payment);
        await payments.update(payment.id, advanceTo('awaiting_authorisation'));
        await payments.update(payment.id, advanceTo('authorised'));
        await payments.update(payment.id, advanceTo('completed'));

        const seen: string[] = [];
        for (let round = 0; round < 4; round += 1) {
          const claimed = await payments.claimDeliveries({ limit: 10, ...lease });
          assert.equal(claimed.length, 1, 'one change of a payment at a time');
          assert.deepEqual(await payments.claimDeliveries({ limit: 10, ...lease }), []);
          const [delivery] = claimed;
          assert.ok(delivery);
          seen.push(delivery.status);
          await payments.completeDelivery(delivery.eventId);
        }
        assert.deepEqual(seen, ['created', 'awaiting_authorisation', 'authorised', 'completed']);
        assert.deepEqual(await payments.claimDeliveries({ limit: 10, ...lease }), []);
      });

      it('claims one change per payment across payments, oldest first, up to the limit', async () => {
        const payments = await store();
        const first = samplePayment();
        const second = samplePayment();
        const third = samplePayment();
        await payments.insert(first);
        await payments.update(first.id, advanceTo('completed'));
        await payments.insert(second);
        await payments.insert(third);
        const claimed = await payments.claimDeliveries({ limit: 2, ...lease });
        assert.deepEqual(
          claimed.map((delivery) => [delivery.paymentId, delivery.sequence]),
          [
            [first.id, 1],
            [second.id, 1],
          ],
        );
        const rest = await payments.claimDeliveries({ limit: 10, ...lease });
        assert.deepEqual(
          rest.map((delivery) => [delivery.paymentId, delivery.sequence]),
          [[third.id, 1]],
        );
      });

      it('hands a claimed delivery out again once its lease ran out', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        const [first] = await payments.claimDeliveries({ limit: 1, leaseMs: 1000 });
        clock.advance(999);
        assert.deepEqual(await payments.claimDeliveries({ limit: 1, leaseMs: 1000 }), []);
        clock.advance(1);
        const [again] = await payments.claimDeliveries({ limit: 1, leaseMs: 1000 });
        assert.equal(again?.eventId, first?.eventId);
        assert.equal(again?.attempts, 2);
      });

      it('retries a failed delivery at the time given, with the error kept', async () => {
        const payments = await store();
        const payment = samplePayment();
        await payments.insert(payment);
        await payments.update(payment.id, advanceTo('completed'));
        const [delivery] = await payments.claimDeliveries({ limit: 1, ...lease });
        assert.ok(delivery);
        await payments.failDelivery(
          delivery.eventId,
          new Date(clock.now().getTime() + 5000),
          'hook answered 500',
        );
        assert.deepEqual(await payments.claimDeliveries({ limit: 10, ...lease }), []);
        const later = new Date(clock.now().getTime() + 5000);
        const [retried] = await payments.claimDeliveries({ limit: 10, ...lease, now: later });
        assert.equal(retried?.eventId, delivery.eventId);
        assert.equal(retried?.attempts, 2);
        assert.equal(retried?.lastError, 'hook answered 500');
        await payments.completeDelivery(delivery.eventId);
        await payments.completeDelivery(delivery.eventId);
        const [next] = await payments.claimDeliveries({ limit: 10, ...lease, now: later });
        assert.equal(next?.status, 'completed');
      });

      it('gives each due delivery to exactly one of 50 concurrent claimers', async () => {
        const payments = await store();
        for (let index = 0; index < 5; index += 1) await payments.insert(samplePayment());
        const claims = await Promise.all(
          Array.from({ length: 50 }, () => payments.claimDeliveries({ limit: 1, ...lease })),
        );
        const ids = claims.flat().map((delivery) => delivery.eventId);
        assert.equal(ids.length, 5);
        assert.equal(new Set(ids).size, 5);
      });
    });
  });
}
