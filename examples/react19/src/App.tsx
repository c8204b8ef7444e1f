import { useState } from 'react';
// Types only: <pay-by-bank> in JSX with its attributes and typed `onpay-by-bank-*` listeners.
import type {} from 'pay-by-bank/types/react';
import type { PayByBankSuccessEvent } from 'pay-by-bank';

export function App() {
  const [paid, setPaid] = useState<string>();
  // React 19 passes `onpay-by-bank-success` to addEventListener('pay-by-bank-success').
  const onSuccess = (event: PayByBankSuccessEvent) => setPaid(event.detail.reference);
  return (
    <main>
      <h1>Checkout</h1>
      <pay-by-bank
        endpoint="/api/pay-by-bank"
        checkout="order-1"
        amount="42.00"
        currency="EUR"
        flow="redirect"
        onpay-by-bank-success={onSuccess}
      />
      <p role="status">{paid ? `Paid: ${paid}` : ''}</p>
    </main>
  );
}
