import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { PayByBankSuccessEvent } from 'pay-by-bank';

@Component({
  selector: 'app-checkout',
  // Lets the template use <pay-by-bank>; Angular binds its attributes and events natively.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Checkout</h1>
      <pay-by-bank
        endpoint="/api/pay-by-bank"
        checkout="order-1"
        amount="42.00"
        currency="EUR"
        flow="redirect"
        (pay-by-bank-success)="onSuccess($event)"
      ></pay-by-bank>
      <p role="status">{{ paid() ? 'Paid: ' + paid() : '' }}</p>
    </main>
  `,
})
export class CheckoutComponent {
  readonly paid = signal<string | undefined>(undefined);

  // Under CUSTOM_ELEMENTS_SCHEMA the template types $event as Event: name the exact event here.
  onSuccess(event: Event): void {
    this.paid.set((event as PayByBankSuccessEvent).detail.reference);
  }
}
