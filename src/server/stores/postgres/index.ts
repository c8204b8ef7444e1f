export {
  createPostgresPaymentStore,
  type PostgresPaymentStoreOptions,
} from './postgres-payment-store.js';
export { StoreFileError, StoreUnavailableError } from '../../store-errors.js';
