export {
  createSqlitePaymentStore,
  type SqlitePaymentStoreOptions,
} from './sqlite-payment-store.js';
export { StoreFileError, StoreUnavailableError } from '../../store-errors.js';
