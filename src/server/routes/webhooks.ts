import { createHash } from 'node:crypto';
import type { HandlerContext } from '../context.js';
import type { StatusChangeMeta } from '../payment-store.js';
import { jsonResponse } from '../json-response.js';
import { ProblemError } from '../problem.js';
import type { ProviderWebhookEvent } from '../provider.js';
import { readBodyText } from '../request-body.js';
import { applyProviderStatus, providerRefOf } from '../status-updates.js';
import { asFetchRequest, type KitRequest } from '../kit-request.js';
import type { KitAnswer } from '../kit-answer.js';

const BODY_LIMIT = 256 * 1024;
/** Longer than any provider's timestamp window, so a replay is caught by one check or the other. */
const EVENT_MEMORY_MS = 60 * 60 * 1000;

/** `POST webhooks`: verify, drop replays, update; re-read from the provider when only an id came. */
export async function receiveWebhook(
  context: HandlerContext,
  request: KitRequest,
): Promise<KitAnswer> {
  const { provider } = context;
  if (!provider.parseWebhook) {
    throw new ProblemError(
      404,
      'webhooks_not_supported',
      `The ${provider.name} adapter takes no webhooks.`,
    );
  }
  const rawBody = await readBodyText(request, BODY_LIMIT);
  // A `WebhookVerificationError` becomes 401 invalid_signature in the handler.
  const events = await provider.parseWebhook({
    rawBody,
    headers: asFetchRequest(request).headers,
  });

  const fresh: ProviderWebhookEvent[] = [];
  for (const event of events) {
    if (event.eventId === undefined) fresh.push(event);
    else if (
      await context.store.markWebhookEvent(eventKey(context, event.eventId), EVENT_MEMORY_MS)
    )
      fresh.push(event);
  }
  if (events.length > 0 && fresh.length === 0) {
    context.logger.warn('webhook replay rejected', { provider: provider.name });
    throw new ProblemError(409, 'webhook_replayed', 'This webhook event was already received.');
  }

  // Kept with each change in the audit trail, to match it with the provider's own delivery logs.
  const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
  for (const [index, event] of fresh.entries()) {
    try {
      await applyEvent(context, event, {
        source: 'webhook',
        bodySha256,
        ...(event.eventId !== undefined ? { webhookEventId: event.eventId } : {}),
      });
    } catch (error) {
      // Forget what was not applied, so the provider's retry is not taken for a replay.
      for (const left of fresh.slice(index)) {
        if (left.eventId !== undefined)
          await context.store.forgetWebhookEvent(eventKey(context, left.eventId));
      }
      throw error;
    }
  }
  return jsonResponse({ received: true });
}

async function applyEvent(
  context: HandlerContext,
  event: ProviderWebhookEvent,
  meta: StatusChangeMeta,
): Promise<void> {
  const payment = await context.store.findByProviderPaymentId(
    context.provider.name,
    event.providerPaymentId,
  );
  if (!payment) {
    // Payments created elsewhere (another shop on the same account, a pay-by-link) are not ours to track.
    context.logger.info('webhook for an unknown payment ignored', {
      provider: context.provider.name,
    });
    return;
  }
  const status = event.status ?? (await context.provider.readStatus(providerRefOf(payment)));
  await applyProviderStatus(context, payment.id, status, meta);
}

function eventKey(context: HandlerContext, eventId: string): string {
  return `${context.provider.name}:${eventId}`;
}
