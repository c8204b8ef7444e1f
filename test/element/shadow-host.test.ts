import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { payWith, shown } from '../support/element.js';
import '../../src/element/define.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

/** A merchant's own lit component with `<pay-by-bank>` in its shadow root, keeping the outcome in state. */
class CheckoutCard extends LitElement {
  static override properties = { paid: { state: true } };
  declare paid: string | undefined;

  override render() {
    return html`<pay-by-bank
        endpoint="/api/pay-by-bank"
        checkout="order-123"
        flow="redirect"
        @pay-by-bank-success=${(event: CustomEvent<{ reference: string }>) =>
          (this.paid = event.detail.reference)}
      ></pay-by-bank>
      <p role="status">${this.paid ? `Paid: ${this.paid}` : ''}</p>`;
  }
}
customElements.define('checkout-card', CheckoutCard);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-card': CheckoutCard;
  }
}

function inner(card: CheckoutCard): PayByBank {
  const element = card.shadowRoot?.querySelector('pay-by-bank');
  if (!element) throw new Error('no <pay-by-bank> in the host');
  return element;
}

describe("<pay-by-bank> inside another component's shadow root", () => {
  let merchant: FakeMerchant;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ authorizationUrl: null, statuses: ['processing', 'completed'] });
    sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it("lists banks, pays, and the success reaches the host's state and the document", async () => {
    const heardByDocument: Event[] = [];
    const listener = (event: Event) => heardByDocument.push(event);
    document.addEventListener('pay-by-bank-success', listener);
    try {
      const card = await fixture<CheckoutCard>(html`<checkout-card></checkout-card>`);
      const element = inner(card);
      await shown(element, '[role="listbox"]');
      const success = oneEvent(element, 'pay-by-bank-success');
      await payWith(element, 'alpha');
      await success;
      await card.updateComplete;

      expect(card.shadowRoot?.querySelector('[role="status"]')?.textContent).to.equal(
        'Paid: INV-123',
      );
      expect(merchant.creates).to.have.length(1);
      // Composed: the page hears it too, retargeted to the host it came from.
      expect(heardByDocument).to.have.length(1);
      expect(heardByDocument[0]?.target).to.equal(card);
    } finally {
      document.removeEventListener('pay-by-bank-success', listener);
    }
  });

  it('keyboard: the bank list and Pay button are reachable inside the host', async () => {
    const card = await fixture<CheckoutCard>(html`<checkout-card></checkout-card>`);
    const element = inner(card);
    await shown(element, '[role="listbox"]');
    const listbox = element.shadowRoot?.querySelector<HTMLElement>('[role="listbox"]');
    listbox?.focus();
    await waitUntil(() => element.shadowRoot?.activeElement === listbox, 'the listbox takes focus');
    // Focus crosses both shadow roots: the document sees the host, the host sees the element.
    expect(document.activeElement).to.equal(card);
    expect(card.shadowRoot?.activeElement).to.equal(element);
  });
});
