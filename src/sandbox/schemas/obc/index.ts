export { consentResponse } from './common.js';
export { domesticConsentRequest } from './domestic-consent-request.js';
export { sepaConsentRequest } from './sepa-consent-request.js';
export { transferRequest, transferResponse } from './transfer.js';
export { paymentStatusRequest, paymentStatusResponse } from './payment-status.js';
export { errorResponse } from './error.js';
