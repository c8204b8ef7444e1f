export {
  createPayByBankHandler,
  DEFAULT_BASE_PATH,
  DEFAULT_RECONCILE_INTERVAL_MS,
  type PayByBankHandler,
} from './handler.js';
export type { PaymentRecord, StatusChangeEvent } from './payment-record.js';
export type { PayByBankHandlerOptions } from './options.js';
export {
  answerClientErrors,
  toNodeListener,
  type NodeListener,
  type NodeRequest,
  type NodeResponse,
  type NodeServer,
} from './node-listener.js';
export {
  createMemoryPaymentStore,
  type MemoryPaymentStoreOptions,
} from './memory-payment-store.js';
export type {
  PaymentStore,
  StoredPayment,
  IdempotencyClaim,
  IdempotencyClaimOptions,
  IdempotencyAttempt,
  PaymentHistoryEntry,
  StatusChangeDelivery,
  StatusChangeNotice,
  StatusChangeMeta,
  StatusChangeSource,
  ClaimDeliveriesOptions,
  ListUnfinishedOptions,
  ClaimUnfinishedOptions,
} from './payment-store.js';
export { StoreUnavailableError, StoreFileError } from './store-errors.js';
export type {
  PaymentProvider,
  ResolvedCheckout,
  ProviderStatus,
  CreateProviderPaymentInput,
  ProviderPaymentCreated,
  ProviderPaymentRef,
  ProviderWebhookEvent,
  WebhookInput,
} from './provider.js';
export { ProviderError, WebhookVerificationError } from './provider-error.js';
export type { ProblemCode } from './problem.js';
export {
  createMemoryRateLimitStore,
  DEFAULT_RATE_LIMITS,
  type MemoryRateLimitStoreOptions,
  type RateLimitOptions,
  type RateLimits,
  type RateLimitStore,
  type RateWindow,
} from './rate-limit/index.js';
export { consoleLogger, silentLogger, type Logger } from './logger.js';
export type { FetchFunction } from './provider-http.js';
export * from './providers/mastercard-open-finance/index.js';
export * from './providers/aiia-pay/index.js';
export * from './providers/open-banking-connect/index.js';
export * from './providers/cashfree-bbps/index.js';
export type { CheckoutSummaryItem, ProviderData } from './provider.js';
export { ReturnRejectedError, ReturnRepeatedError, PayerInputError } from './provider-error.js';
