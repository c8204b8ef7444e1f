// Types only: <pay-by-bank> in templates, with its attributes and typed @pay-by-bank-* listeners.
import type {} from 'pay-by-bank/types/vue';
