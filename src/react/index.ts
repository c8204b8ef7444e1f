/**
 * `pay-by-bank/react`: `<PayByBank>` for React 18 and 19, made by `@lit/react`. React 18 passes
 * everything to custom elements as string attributes and ignores custom event props; this component
 * sets properties (`requestInit`, `flow`, ...) and maps `onSuccess`, `onFailure`, ... to the
 * `pay-by-bank-*` events. React 19 can also use `<pay-by-bank>` directly (docs/frameworks/react.md).
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName, ReactWebComponent } from '@lit/react';
import { PayByBank as PayByBankElement } from '../element/define.js';
import type { PayByBankEventMap } from '../element/framework-types.js';

export type * from '../element/framework-types.js';
export { PayByBankElement };

const events = {
  onReady: 'pay-by-bank-ready' as EventName<PayByBankEventMap['pay-by-bank-ready']>,
  onSelect: 'pay-by-bank-select' as EventName<PayByBankEventMap['pay-by-bank-select']>,
  onRedirect: 'pay-by-bank-redirect' as EventName<PayByBankEventMap['pay-by-bank-redirect']>,
  onStatus: 'pay-by-bank-status' as EventName<PayByBankEventMap['pay-by-bank-status']>,
  onSuccess: 'pay-by-bank-success' as EventName<PayByBankEventMap['pay-by-bank-success']>,
  onFailure: 'pay-by-bank-failure' as EventName<PayByBankEventMap['pay-by-bank-failure']>,
  onCancel: 'pay-by-bank-cancel' as EventName<PayByBankEventMap['pay-by-bank-cancel']>,
  onPending: 'pay-by-bank-pending' as EventName<PayByBankEventMap['pay-by-bank-pending']>,
};

/** `<PayByBank endpoint="/api/pay-by-bank" onSuccess={(event) => ...} />`; a ref is the element. */
export const PayByBank: ReactWebComponent<PayByBankElement, typeof events> = createComponent({
  react: React,
  tagName: 'pay-by-bank',
  elementClass: PayByBankElement,
  events,
  displayName: 'PayByBank',
});

export type PayByBankProps = React.ComponentProps<typeof PayByBank>;
