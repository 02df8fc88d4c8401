import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval("release expired holds", { minutes: 5 }, internal.bookings.releaseExpiredHolds, {});

crons.monthly(
  "draft monthly invoices",
  { day: 1, hourUTC: 2, minuteUTC: 15 },
  internal.invoices.draftMonthlyInvoices,
  {},
);

crons.daily("sync paid invoices to ledger", { hourUTC: 3, minuteUTC: 30 }, internal.ledger.syncPending, {});

export default crons;
