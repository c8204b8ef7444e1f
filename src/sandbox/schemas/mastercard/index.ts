export { createPaymentRequest, createPaymentResponse } from './create-payment.js';
export { errorResponse, paymentResponse, providersResponse } from './payment.js';
