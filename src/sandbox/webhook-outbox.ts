import { createHmac, randomUUID } from 'node:crypto';
import type { AiiaWebhookTimestamp, SandboxWebhookOptions } from './options.js';

export interface WebhookDelivery {
  event: string;
  paymentId: string;
  eventId: string;
  status?: number;
  error?: string;
}

interface PendingEvent {
  event: 'PaymentCreated' | 'PaymentUpdated';
  paymentId: string;
}

/** A webhook another simulated provider signed itself: the outbox only delivers it. */
export interface SignedWebhook {
  event: string;
  paymentId: string;
  eventId: string;
  /** Builds one copy, addressed to `url`. */
  request: (url: string) => Request;
}

export interface WebhookOutbox {
  send(event: PendingEvent): void;
  /** Delivers a ready-signed webhook (duplicated like the others when asked). */
  sendSigned(webhook: SignedWebhook): void;
  /** Delivers what is held back and waits for every delivery under way. */
  flush(): Promise<void>;
  readonly deliveries: WebhookDelivery[];
}

const ENVELOPES = {
  PaymentCreated: 'acceptPaymentCreatedWebhook',
  PaymentUpdated: 'acceptPaymentUpdatedWebhook',
};

/**
 * Aiia-style webhooks: the payload carries only the payment id; `X-Aiia-Signature` is the hex
 * HMAC-SHA256 of `"{timestamp}|{eventId}|{event}|{body}"` (see `docs/protocol.md`).
 */
export function createWebhookOutbox(
  secret: string,
  options: () => SandboxWebhookOptions | undefined,
  now: () => Date,
  timestampFormat: AiiaWebhookTimestamp = 'unix-seconds',
): WebhookOutbox {
  const underway = new Set<Promise<void>>();
  const heldBack = new Map<string, PendingEvent>();
  const deliveries: WebhookDelivery[] = [];

  function deliver(pending: PendingEvent): void {
    const config = options();
    if (!config?.url && !config?.deliver) return;
    const eventId = randomUUID();
    const body = JSON.stringify({
      [ENVELOPES[pending.event]]: { data: { paymentId: pending.paymentId }, event: pending.event },
    });
    const timestamp = formatTimestamp(now(), timestampFormat);
    const signature = createHmac('sha256', secret)
      .update(`${timestamp}|${eventId}|${pending.event}|${body}`)
      .digest('hex');
    dispatch(config, {
      event: pending.event,
      paymentId: pending.paymentId,
      eventId,
      request: (url) =>
        new Request(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-aiia-signature': signature,
            'x-aiia-timestamp': timestamp,
            'x-aiia-eventid': eventId,
            'x-aiia-event': pending.event,
          },
          body,
        }),
    });
  }

  function dispatch(config: SandboxWebhookOptions, webhook: SignedWebhook): void {
    const copies = config.duplicate ? 2 : 1;
    for (let copy = 0; copy < copies; copy += 1) {
      const record: WebhookDelivery = {
        event: webhook.event,
        paymentId: webhook.paymentId,
        eventId: webhook.eventId,
      };
      deliveries.push(record);
      const attempt = late(config.delayMs)
        .then(() => post(config, webhook.request(config.url ?? 'http://sandbox.invalid/webhooks')))
        .then((status) => {
          if (status !== undefined) record.status = status;
        })
        .catch((error: unknown) => {
          record.error = error instanceof Error ? error.message : String(error);
        })
        .finally(() => underway.delete(attempt));
      underway.add(attempt);
    }
  }

  const late = (ms = 0) =>
    ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

  // Copies go one after the other, so a duplicate truly arrives as a second request.
  const chains = new Map<string, Promise<unknown>>();
  async function post(
    config: SandboxWebhookOptions,
    request: Request,
  ): Promise<number | undefined> {
    const key = config.url ?? 'deliver';
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => {})
      .then(async () => {
        if (config.deliver) return (await config.deliver(request))?.status;
        const response = await fetch(request, { signal: AbortSignal.timeout(10_000) });
        await response.body?.cancel();
        return response.status;
      });
    chains.set(key, next);
    return next;
  }

  return {
    deliveries,
    sendSigned(webhook) {
      const config = options();
      if (config?.url || config?.deliver) dispatch(config, webhook);
    },
    send(event) {
      if (!options()?.outOfOrder) {
        deliver(event);
        return;
      }
      const held = heldBack.get(event.paymentId);
      if (held) {
        heldBack.delete(event.paymentId);
        deliver(event);
        deliver(held);
      } else {
        heldBack.set(event.paymentId, event);
      }
    },
    async flush() {
      for (const [paymentId, held] of heldBack) {
        heldBack.delete(paymentId);
        deliver(held);
      }
      while (underway.size > 0) await Promise.all([...underway]);
    },
  };
}

/**
 * `X-Aiia-TimeStamp`: the public sample integration parses it as a whole number (Unix time); whether
 * seconds or milliseconds is not public (see `docs/protocol.md`).
 */
function formatTimestamp(date: Date, format: AiiaWebhookTimestamp): string {
  if (format === 'iso') return date.toISOString();
  const ms = date.getTime();
  return String(format === 'unix-milliseconds' ? ms : Math.floor(ms / 1000));
}
