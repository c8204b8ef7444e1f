export { errorResponse, unauthorizedResponse } from './common.js';
export {
  BILL_FETCH_MESSAGES,
  billFetchAcknowledgement,
  billFetchPollRequest,
  billFetchPollResponse,
  billFetchRequest,
} from './bill-fetch.js';
export {
  billPaymentAcknowledgement,
  billPaymentPollRequest,
  billPaymentPollResponse,
  billPaymentRequest,
} from './bill-payment.js';
