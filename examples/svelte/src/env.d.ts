// Types only: <pay-by-bank> in markup, with its attributes and typed onpay-by-bank-* attributes.
import type {} from 'pay-by-bank/types/svelte';
