import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <pay-by-bank> is a custom element, not a Vue component: Vue sets its properties and listens
      // for its events natively.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'pay-by-bank' } },
    }),
  ],
});
