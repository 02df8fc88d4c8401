import { EventSchemas, Inngest } from "inngest";
import { logger } from "../logger.js";

type Events = {
  "billing/invoice.requested": {
    data: { accountId: string; periodStart: string; periodEnd: string };
  };
  "billing/invoice.finalized": {
    data: { invoiceId: string; accountId: string; totalCents: number };
  };
  "billing/payment.failed": {
    data: { accountId: string; invoiceId: string; attempt: number };
  };
  "billing/payment.succeeded": {
    data: { accountId: string; invoiceId: string };
  };
  "billing/account.suspend": {
    data: { accountId: string; reason: string };
  };
  "billing/refund.requested": {
    data: { invoiceId: string; amountCents: number; reason: string; requestedBy: string };
  };
};

export const inngest = new Inngest({
  id: "billing-jobs",
  schemas: new EventSchemas().fromRecord<Events>(),
  logger,
});
