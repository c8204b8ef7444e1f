import { useEffect, useRef, useState } from 'react';
import type {} from 'pay-by-bank/types/react';
import type { PayByBank } from 'pay-by-bank';

/**
 * The checkout for a server-rendered page. React 19 does not attach `onpay-by-bank-*` listeners to a
 * custom element while hydrating server markup (facebook/react#35446), so this page listens from an
 * effect, which hydration does run.
 */
export function ServerRenderedApp() {
  const [paid, setPaid] = useState<string>();
  const element = useRef<PayByBank>(null);
  useEffect(() => {
    const current = element.current;
    const onSuccess = (event: HTMLElementEventMap['pay-by-bank-success']) =>
      setPaid(event.detail.reference);
    current?.addEventListener('pay-by-bank-success', onSuccess);
    return () => current?.removeEventListener('pay-by-bank-success', onSuccess);
  }, []);
  return (
    <main>
      <h1>Checkout</h1>
      <pay-by-bank
        ref={element}
        endpoint="/api/pay-by-bank"
        checkout="order-1"
        amount="42.00"
        currency="EUR"
        flow="redirect"
      />
      <p role="status">{paid ? `Paid: ${paid}` : ''}</p>
    </main>
  );
}
