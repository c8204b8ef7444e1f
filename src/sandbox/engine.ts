import { randomBytes, randomUUID } from 'node:crypto';
import { curatedBanks } from './catalogue/curated-banks.js';
import { largeCatalogue } from './catalogue/large-catalogue.js';
import type { SandboxBank } from './catalogue/sandbox-bank.js';
import type { SandboxOptions } from './options.js';
import type { SandboxPayment, SandboxProvider } from './sandbox-payment.js';
import { statesAfter, type SandboxStep } from './transitions.js';
import type { WebhookOutbox } from './webhook-outbox.js';

export interface NewSandboxPayment {
  provider: SandboxProvider;
  bankId?: string;
  amount: { value: string; currency: string };
  reference?: string;
  creditorName: string;
  redirectUrl: string;
  request: Record<string, unknown>;
}

/** The simulated providers' shared memory: banks and payments. One per sandbox. */
export interface SandboxEngine {
  readonly banks: readonly SandboxBank[];
  bank(id: string): SandboxBank | undefined;
  create(input: NewSandboxPayment): SandboxPayment;
  get(provider: SandboxProvider, id: string): SandboxPayment | undefined;
  byToken(token: string): SandboxPayment | undefined;
  /** Moves a payment on; refused (false) once it is terminal. */
  advance(payment: SandboxPayment, step: SandboxStep): boolean;
  /** Forces a raw status, even backwards: for tests of stale or reordered provider answers. */
  forceStatus(provider: SandboxProvider, id: string, status: string, terminal?: boolean): void;
  now(): Date;
}

export function createEngine(options: SandboxOptions, outbox: WebhookOutbox): SandboxEngine {
  const now = options.now ?? (() => new Date());
  const banks = options.largeCatalogue ? largeCatalogue() : curatedBanks();
  const bankById = new Map(banks.map((bank) => [bank.id, bank]));
  const payments = new Map<string, SandboxPayment>();
  const tokens = new Map<string, SandboxPayment>();
  const linkLifetimeMs = options.aiiaLinkLifetimeMs ?? 60_000;
  const cancelStatus = options.aiia?.cancelStatus ?? 'Cancelled';

  const key = (provider: SandboxProvider, id: string) => `${provider}:${id}`;

  function apply(payment: SandboxPayment, step: SandboxStep): boolean {
    if (payment.terminal) return false;
    for (const state of statesAfter(payment.provider, step, cancelStatus)) {
      payment.status = state.status;
      payment.terminal = state.terminal;
      if (state.details) payment.details = state.details;
      else delete payment.details;
      payment.updatedAt = now();
      if (payment.provider === 'aiia')
        outbox.send({ event: 'PaymentUpdated', paymentId: payment.id });
    }
    return true;
  }

  /** An Aiia link is valid for one minute: an unopened payment expires after that (seed 004). */
  function expireIfDue(payment: SandboxPayment): SandboxPayment {
    if (payment.provider === 'aiia' && payment.status === 'Initiated') {
      if (now().getTime() - payment.createdAt.getTime() > linkLifetimeMs) apply(payment, 'expire');
    }
    return payment;
  }

  return {
    banks,
    bank: (id) => bankById.get(id),
    now,
    create(input) {
      const id = input.provider === 'mastercard' ? mastercardPaymentId(now()) : randomUUID();
      const [initial] = statesAfter(input.provider, 'created', cancelStatus);
      const payment: SandboxPayment = {
        ...input,
        id,
        token: randomBytes(24).toString('base64url'),
        status: initial?.status ?? 'Initiated',
        terminal: false,
        createdAt: now(),
        updatedAt: now(),
      };
      payments.set(key(input.provider, id), payment);
      tokens.set(payment.token, payment);
      if (payment.provider === 'aiia') outbox.send({ event: 'PaymentCreated', paymentId: id });
      return payment;
    },
    get(provider, id) {
      const payment = payments.get(key(provider, id));
      return payment && expireIfDue(payment);
    },
    byToken(token) {
      const payment = tokens.get(token);
      return payment && expireIfDue(payment);
    },
    advance: apply,
    forceStatus(provider, id, status, terminal = false) {
      const payment = payments.get(key(provider, id));
      if (!payment) throw new Error(`no ${provider} payment ${id}`);
      payment.status = status;
      payment.terminal = terminal;
      payment.updatedAt = now();
    },
  };
}

/** Shaped like the public collection's ids: `20240101.6459d4k3xjor9cusbcpcjiatuw`. */
function mastercardPaymentId(date: Date): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = [...randomBytes(26)].map((byte) => (byte % 36).toString(36)).join('');
  return `${day}.${suffix}`;
}
