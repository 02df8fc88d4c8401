import { generateInvoice } from "./functions/invoices.js";
import { paymentFailedDunning, suspendAccount } from "./functions/dunning.js";
import {
  markStaleInvoicesUncollectible,
  monthlyInvoiceFanout,
  processRefund,
  syncTaxRates,
} from "./functions/maintenance.js";

export { inngest } from "./client.js";

export const functions = [
  generateInvoice,
  paymentFailedDunning,
  suspendAccount,
  monthlyInvoiceFanout,
  markStaleInvoicesUncollectible,
  syncTaxRates,
  processRefund,
];
