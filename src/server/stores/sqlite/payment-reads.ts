import { deepFreeze } from '../../json-copy.js';
import type { StoredPayment } from '../../payment-store.js';
import { paymentOf, type PaymentRow } from './rows.js';
import type { Statements } from './statements.js';

/** Payments kept parsed per connection; past this many, the longest kept is let go first. */
const MAX_KEPT = 1024;

/**
 * One connection's reads of payments by id, kept parsed while nothing changed them: a status poll reads
 * one payment over and over, and reading its row and parsing the JSON were a quarter of the server's
 * time per poll (docs/architecture.md, "The hot path"). `look` asks the file whether any other connection (another
 * process on the file, another store in this one) committed since the last look: SQLite's
 * `PRAGMA data_version`, which moves on their commits, never on this connection's own. Then everything
 * kept is let go. This connection's own writes are told with `forget`. So a read after a look never
 * answers a payment older than one a commit had stored before the look. What it answers is the kept
 * payment itself, frozen (src/server/payment-snapshot.ts): the store copies it for `get`.
 */
export class PaymentReads {
  readonly #statements: Statements;
  readonly #kept = new Map<string, StoredPayment>();
  #dataVersion: number | undefined;

  constructor(statements: Statements) {
    this.#statements = statements;
  }

  look(): void {
    const { data_version: dataVersion } = this.#statements.dataVersion.get() as {
      data_version: number;
    };
    if (dataVersion === this.#dataVersion) return;
    this.#kept.clear();
    this.#dataVersion = dataVersion;
  }

  snapshot(id: string): StoredPayment | undefined {
    let payment = this.#kept.get(id);
    if (!payment) {
      // Read after the look: a commit in between moves the version, and the next look drops this.
      const row = this.#statements.getPayment.get(id) as PaymentRow | undefined;
      if (!row) return undefined;
      payment = deepFreeze(paymentOf(row));
      this.#keep(id, payment);
    }
    return payment;
  }

  /** A write of this connection changed, or may have changed, this payment. */
  forget(id: string): void {
    this.#kept.delete(id);
  }

  #keep(id: string, payment: StoredPayment): void {
    if (this.#kept.size >= MAX_KEPT) {
      const [oldest] = this.#kept.keys();
      if (oldest !== undefined) this.#kept.delete(oldest);
    }
    this.#kept.set(id, payment);
  }
}
