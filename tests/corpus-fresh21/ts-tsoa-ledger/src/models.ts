import { Schema, model, InferSchemaType, Types } from "mongoose";

export const INVOICE_STATUSES = ["draft", "sent", "paid", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const lineItemSchema = new Schema(
  {
    description: { type: String, required: true, maxlength: 500 },
    quantity: { type: Number, required: true, min: 0 },
    unitPriceCents: { type: Number, required: true, min: 0 },
  },
  { _id: false },
);

const invoiceSchema = new Schema(
  {
    orgId: { type: String, required: true, index: true },
    number: { type: String, required: true },
    customerEmail: { type: String, required: true, lowercase: true, trim: true },
    currency: { type: String, required: true, default: "EUR", uppercase: true },
    status: { type: String, enum: INVOICE_STATUSES, default: "draft", index: true },
    lines: { type: [lineItemSchema], default: [] },
    dueAt: { type: Date, required: true },
    paidAt: { type: Date },
    paymentReference: { type: String },
  },
  { timestamps: true },
);

invoiceSchema.index({ orgId: 1, number: 1 }, { unique: true });

invoiceSchema.virtual("totalCents").get(function totalCents(this: { lines: { quantity: number; unitPriceCents: number }[] }) {
  return this.lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceCents), 0);
});

export type Invoice = InferSchemaType<typeof invoiceSchema> & { _id: Types.ObjectId; totalCents: number };
export const InvoiceModel = model("Invoice", invoiceSchema);

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    orgId: { type: String, required: true, index: true },
    passwordHash: { type: String, required: true, select: false },
    scopes: { type: [String], default: ["invoices:read"] },
    disabledAt: { type: Date },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model("User", userSchema);

const auditSchema = new Schema(
  {
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    subject: { type: String, required: true },
    detail: { type: Schema.Types.Mixed },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export const AuditModel = model("AuditEntry", auditSchema);
