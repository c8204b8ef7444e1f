import { useState } from 'react';
// React 18 sets only string attributes on custom elements and drops custom event props: the
// wrapper sets properties and maps onSuccess, onFailure, ... to the pay-by-bank-* events.
import { PayByBank } from 'pay-by-bank/react';

export function App() {
  const [paid, setPaid] = useState<string>();
  return (
    <main>
      <h1>Checkout</h1>
      <PayByBank
        endpoint="/api/pay-by-bank"
        checkout="order-1"
        amount="42.00"
        currency="EUR"
        flow="redirect"
        onSuccess={(event) => setPaid(event.detail.reference)}
      />
      <p role="status">{paid ? `Paid: ${paid}` : ''}</p>
    </main>
  );
}
