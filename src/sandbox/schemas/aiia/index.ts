export {
  acceptPaymentResponse,
  acceptRequest,
  acceptResponse,
  acceptWebhook,
  errorResponse,
} from './accept.js';
