import { after, describe } from 'node:test';
import { createPostgresPaymentStore } from '../../../src/server/stores/postgres/index.js';
import { runPaymentStoreContract } from './payment-store-contract.js';
import {
  freshDatabase,
  newSchema,
  SKIP_WITHOUT_POSTGRES,
  testServerUrl,
} from './support/postgres.js';

const serverUrl = await testServerUrl();

if (serverUrl === undefined) {
  describe('PaymentStore contract: postgres', { skip: SKIP_WITHOUT_POSTGRES }, () => {});
} else {
  const database = await freshDatabase(serverUrl, 'contract');
  const connectionString = database.url;
  after(database.drop);
  // Each test gets a schema of its own: a new, empty store in one database.
  runPaymentStoreContract('postgres', (options) =>
    createPostgresPaymentStore({ connectionString, schema: newSchema('contract'), ...options }),
  );
}
