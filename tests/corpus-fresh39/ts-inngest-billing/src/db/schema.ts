import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const accountStatus = pgEnum("account_status", ["active", "past_due", "suspended", "closed"]);
export const invoiceStatus = pgEnum("invoice_status", ["draft", "open", "paid", "void", "uncollectible"]);

export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  billingEmail: text("billing_email").notNull(),
  status: accountStatus("status").notNull().default("active"),
  plan: text("plan").notNull(),
  stripeCustomerId: text("stripe_customer_id"),
  paddleCustomerId: text("paddle_customer_id"),
  creditCents: bigint("credit_cents", { mode: "number" }).notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const invoices = pgTable("invoices", {
  id: uuid("id").primaryKey().defaultRandom(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => accounts.id),
  number: text("number").notNull().unique(),
  status: invoiceStatus("status").notNull().default("draft"),
  currency: text("currency").notNull().default("usd"),
  totalCents: bigint("total_cents", { mode: "number" }).notNull(),
  paymentIntentId: text("payment_intent_id"),
  pdfPath: text("pdf_path"),
  periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
  periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
  finalizedAt: timestamp("finalized_at", { withTimezone: true }),
});

export const usageRecords = pgTable("usage_records", {
  id: uuid("id").primaryKey().defaultRandom(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => accounts.id),
  metric: text("metric").notNull(),
  quantity: integer("quantity").notNull(),
  billed: boolean("billed").notNull().default(false),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});

export const auditEvents = pgTable("audit_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  actor: text("actor").notNull(),
  action: text("action").notNull(),
  subjectId: text("subject_id").notNull(),
  detail: jsonb("detail").$type<Record<string, unknown>>(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});

export type Account = typeof accounts.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
