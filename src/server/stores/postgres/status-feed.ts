import type { Logger } from '../../logger.js';
import type { StatusChangeNotice } from '../../payment-store.js';
import type { PgClient } from './driver.js';

/** The channel every instance's store notifies and listens on; the payload is the payment id. */
export const STATUS_CHANNEL = 'pay_by_bank_status';

export interface StatusFeedOptions {
  /** A new, unconnected client for the listening connection (not one of the pool's). */
  newClient: () => PgClient;
  logger: Logger;
  /** First wait before reconnecting; doubled per failed try up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** How often the listening connection is checked, to notice one that died without a word. */
  heartbeatMs: number;
}

export interface StatusFeed {
  subscribe(listener: (notice: StatusChangeNotice) => void): () => void;
  close(): Promise<void>;
}

/**
 * One listening connection per store, shared by all its subscribers (docs/architecture.md, "Many
 * instances"). It connects on the first subscriber and closes after the last. When the connection
 * drops it reconnects with backoff; each time LISTEN is in place again it tells every subscriber
 * `{ resync: true }`, because changes stored meanwhile sent no notice that reached this instance.
 */
export function createStatusFeed(options: StatusFeedOptions): StatusFeed {
  const listeners = new Set<(notice: StatusChangeNotice) => void>();
  let client: PgClient | undefined;
  let connecting = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  function emit(notice: StatusChangeNotice): void {
    for (const listener of [...listeners]) {
      try {
        listener(notice);
      } catch (error) {
        options.logger.error('a status-change subscriber threw', { error: String(error) });
      }
    }
  }

  const wanted = () => !closed && listeners.size > 0;

  async function connect(): Promise<void> {
    if (connecting || client || !wanted()) return;
    connecting = true;
    const next = options.newClient();
    const lost = (error?: unknown) => drop(next, error);
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel === STATUS_CHANNEL && message.payload)
        emit({ paymentId: message.payload });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${STATUS_CHANNEL}`);
    } catch (error) {
      connecting = false;
      drop(next, error);
      return;
    }
    connecting = false;
    if (!wanted()) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    failures = 0;
    heartbeat = setInterval(() => {
      next.query('SELECT 1').catch((error: unknown) => drop(next, error));
    }, options.heartbeatMs);
    heartbeat.unref();
    emit({ resync: true });
  }

  function drop(which: PgClient, error?: unknown): void {
    which.removeAllListeners('notification');
    which.removeAllListeners('end');
    which.removeAllListeners('error');
    // A client being dropped may still report its failure; ignore it rather than crash the process.
    which.on('error', () => {});
    which.end().catch(() => {});
    if (client === which) {
      client = undefined;
      clearInterval(heartbeat);
      options.logger.warn('the PostgreSQL status feed lost its connection; reconnecting', {
        error: error === undefined ? undefined : String(error),
      });
    }
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (reconnectTimer || client || connecting || !wanted()) return;
    const base = Math.min(options.maxBackoffMs, options.initialBackoffMs * 2 ** failures);
    failures += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, delay);
    reconnectTimer.unref();
  }

  async function disconnect(): Promise<void> {
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    clearInterval(heartbeat);
    const current = client;
    client = undefined;
    if (current) {
      current.removeAllListeners();
      current.on('error', () => {});
      await current.end().catch(() => {});
    }
  }

  return {
    subscribe(listener) {
      if (closed) throw new Error('this payment store is closed');
      listeners.add(listener);
      void connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) void disconnect();
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      await disconnect();
    },
  };
}
