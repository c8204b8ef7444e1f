import { randomBytes } from 'node:crypto';
import { curatedBanks } from './catalogue/curated-banks.js';
import { largeCatalogue } from './catalogue/large-catalogue.js';
import type { SandboxBank } from './catalogue/sandbox-bank.js';
import type { SandboxOptions, SandboxOutcome } from './options.js';
import type { SandboxPayment, SandboxProvider } from './sandbox-payment.js';

export type SandboxStep = 'created' | 'opened' | SandboxOutcome | 'expire';

/** One status a provider shows, in its own words. */
export interface ProviderState {
  status: string;
  terminal: boolean;
  details?: Record<string, unknown>;
}

/** How one provider's redirect payments live: registered by its simulator (`providers/<name>/lifecycle.ts`). */
export interface PaymentLifecycle {
  /** A new payment's id, shaped like the provider's. */
  newId(now: Date): string;
  /** What the provider shows after each step; several states mean several updates (and webhooks). */
  statesAfter(step: SandboxStep): ProviderState[];
  /** Called once a payment was created or moved: the place to send the provider's webhooks. */
  changed?(payment: SandboxPayment, change: 'created' | 'updated'): void;
  /** An unopened payment (still in `status`) expires once it is older than `afterMs`. */
  expiry?: { status: string; afterMs: number };
}

export interface NewSandboxPayment {
  provider: SandboxProvider;
  bankId?: string;
  amount: { value: string; currency: string };
  reference?: string;
  creditorName: string;
  redirectUrl: string;
  request: Record<string, unknown>;
}

/** The simulated providers' shared memory: banks, the clock, and redirect payments. One per sandbox. */
export interface SandboxEngine {
  readonly banks: readonly SandboxBank[];
  bank(id: string): SandboxBank | undefined;
  /** Gives a provider's payments their ids, statuses and webhooks. */
  register(provider: SandboxProvider, lifecycle: PaymentLifecycle): void;
  create(input: NewSandboxPayment): SandboxPayment;
  get(provider: SandboxProvider, id: string): SandboxPayment | undefined;
  byToken(token: string): SandboxPayment | undefined;
  /** Moves a payment on; refused (false) once it is terminal. */
  advance(payment: SandboxPayment, step: SandboxStep): boolean;
  /** Forces a raw status, even backwards: for tests of stale or reordered provider answers. */
  forceStatus(provider: SandboxProvider, id: string, status: string, terminal?: boolean): void;
  now(): Date;
}

export function createEngine(options: SandboxOptions): SandboxEngine {
  const now = options.now ?? (() => new Date());
  const banks = options.largeCatalogue ? largeCatalogue() : curatedBanks();
  const bankById = new Map(banks.map((bank) => [bank.id, bank]));
  const payments = new Map<string, SandboxPayment>();
  const tokens = new Map<string, SandboxPayment>();
  const lifecycles = new Map<SandboxProvider, PaymentLifecycle>();

  const key = (provider: SandboxProvider, id: string) => `${provider}:${id}`;
  const lifecycleOf = (provider: SandboxProvider): PaymentLifecycle => {
    const lifecycle = lifecycles.get(provider);
    if (!lifecycle) throw new Error(`no lifecycle registered for ${provider}`);
    return lifecycle;
  };

  function apply(payment: SandboxPayment, step: SandboxStep): boolean {
    if (payment.terminal) return false;
    const lifecycle = lifecycleOf(payment.provider);
    for (const state of lifecycle.statesAfter(step)) {
      payment.status = state.status;
      payment.terminal = state.terminal;
      if (state.details) payment.details = state.details;
      else delete payment.details;
      payment.updatedAt = now();
      lifecycle.changed?.(payment, 'updated');
    }
    return true;
  }

  function expireIfDue(payment: SandboxPayment): SandboxPayment {
    const expiry = lifecycleOf(payment.provider).expiry;
    if (expiry && payment.status === expiry.status) {
      if (now().getTime() - payment.createdAt.getTime() > expiry.afterMs) apply(payment, 'expire');
    }
    return payment;
  }

  return {
    banks,
    bank: (id) => bankById.get(id),
    now,
    register: (provider, lifecycle) => lifecycles.set(provider, lifecycle),
    create(input) {
      const lifecycle = lifecycleOf(input.provider);
      const id = lifecycle.newId(now());
      const [initial] = lifecycle.statesAfter('created');
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
      lifecycle.changed?.(payment, 'created');
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
