export { aiiaPay, AIIA_LINK_LIFETIME_MS } from './adapter.js';
export type { AiiaPayOptions } from './options.js';
export { AIIA_STATUSES } from './status.js';
export { signAiiaWebhook } from './webhook-signature.js';
