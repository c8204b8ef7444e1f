import 'pay-by-bank';
import { bootstrapApplication } from '@angular/platform-browser';
import { CheckoutComponent } from './app/checkout.component';

bootstrapApplication(CheckoutComponent).catch((error: unknown) => console.error(error));
