/**
 * Vue 3 typings for `<pay-by-bank>` in templates (vue-tsc, Volar): attributes, `:requestInit`, and
 * `@pay-by-bank-*` listeners with each event's exact detail. The element itself still needs
 * `compilerOptions.isCustomElement` (see docs/frameworks/vue.md).
 * Opt in once: `import type {} from 'pay-by-bank/types/vue';`.
 */
import type { DefineComponent } from 'vue';
import type { PayByBankAttributes, PayByBankVueListeners } from '../element/framework-types.js';

export type PayByBankVueProps = PayByBankAttributes &
  PayByBankVueListeners & {
    requestInit?: RequestInit;
  };

declare module 'vue' {
  interface GlobalComponents {
    'pay-by-bank': DefineComponent<PayByBankVueProps>;
  }
}
