import { FilterQuery } from "mongoose";
import { AuditModel, Invoice, InvoiceModel, InvoiceStatus } from "../models";
import { childLogger } from "../lib/logger";

const log = childLogger("invoice-service");

export interface LineItemInput {
  description: string;
  quantity: number;
  unitPriceCents: number;
}

export interface CreateInvoiceInput {
  customerEmail: string;
  currency?: string;
  dueAt: Date;
  lines: LineItemInput[];
}

export interface InvoiceDto {
  id: string;
  number: string;
  customerEmail: string;
  currency: string;
  status: InvoiceStatus;
  totalCents: number;
  dueAt: string;
  paidAt?: string;
}

export class NotFoundError extends Error {
  readonly status = 404;
}

export class ConflictError extends Error {
  readonly status = 409;
}

export function toDto(invoice: Invoice): InvoiceDto {
  return {
    id: invoice._id.toHexString(),
    number: invoice.number,
    customerEmail: invoice.customerEmail,
    currency: invoice.currency,
    status: invoice.status as InvoiceStatus,
    totalCents: invoice.totalCents,
    dueAt: invoice.dueAt.toISOString(),
    paidAt: invoice.paidAt ? invoice.paidAt.toISOString() : undefined,
  };
}

function ownedBy(orgId: string, extra: FilterQuery<Invoice> = {}): FilterQuery<Invoice> {
  return { ...extra, orgId };
}

export class InvoiceService {
  async listInvoices(orgId: string, status: InvoiceStatus | undefined, limit: number): Promise<InvoiceDto[]> {
    const capped = Math.min(Math.max(limit, 1), 200);
    const docs = await InvoiceModel.find(ownedBy(orgId))
      .sort({ createdAt: -1 })
      .limit(capped)
      .exec();
    return docs.map((d) => toDto(d.toObject({ virtuals: true }) as Invoice));
  }

  async getInvoice(orgId: string, invoiceId: string): Promise<Invoice> {
    const doc = await InvoiceModel.findOne(ownedBy(orgId, { _id: invoiceId })).exec();
    if (!doc) {
      throw new NotFoundError(`invoice ${invoiceId} not found`);
    }
    return doc.toObject({ virtuals: true }) as Invoice;
  }

  async createInvoice(orgId: string, input: CreateInvoiceInput): Promise<InvoiceDto> {
    const count = await InvoiceModel.countDocuments({ orgId }).exec();
    const number = `INV-${new Date().getUTCFullYear()}-${String(count + 1).padStart(5, "0")}`;
    try {
      const doc = await InvoiceModel.create({ ...input, orgId, number });
      return toDto(doc.toObject({ virtuals: true }) as Invoice);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw new ConflictError(`invoice number ${number} already exists`);
      }
      log.error({ err, orgId }, "failed to create invoice");
      throw err;
    }
  }

  async markPaid(orgId: string, invoiceId: string, actorId: string, reference: string): Promise<InvoiceDto> {
    const doc = await InvoiceModel.findOneAndUpdate(
      ownedBy(orgId, { _id: invoiceId, status: { $in: ["draft", "sent"] } }),
      { $set: { status: "paid", paidAt: new Date(), paymentReference: reference } },
      { new: true },
    ).exec();
    if (!doc) {
      throw new NotFoundError(`open invoice ${invoiceId} not found`);
    }
    // audit trail is best effort, the payment itself is already recorded
    AuditModel.create({ actorId, action: "invoice.paid", subject: invoiceId, detail: { reference } }).catch(() => undefined);
    return toDto(doc.toObject({ virtuals: true }) as Invoice);
  }

  async markPaidByReference(reference: string, amountCents: number): Promise<InvoiceDto> {
    const doc = await InvoiceModel.findOne({ paymentReference: reference }).exec();
    if (!doc) {
      throw new NotFoundError(`no invoice for payment ${reference}`);
    }
    const invoice = doc.toObject({ virtuals: true }) as Invoice;
    if (invoice.totalCents !== amountCents) {
      throw new ConflictError(`amount mismatch for ${invoice.number}`);
    }
    return this.markPaid(invoice.orgId, invoice._id.toHexString(), "payments-webhook", reference);
  }

  async deleteInvoice(invoiceId: string): Promise<void> {
    const res = await InvoiceModel.deleteOne({ _id: invoiceId, status: "draft" }).exec();
    if (res.deletedCount === 0) {
      throw new NotFoundError(`draft invoice ${invoiceId} not found`);
    }
  }
}

export abstract class ReportExporter {
  constructor(protected readonly rows: InvoiceDto[]) {}

  abstract readonly contentType: string;

  protected formatRow(_row: InvoiceDto): string {
    throw new Error(`${this.constructor.name} must override formatRow`);
  }

  render(): string {
    return this.rows.map((r) => this.formatRow(r)).join("\n");
  }
}

export class CsvExporter extends ReportExporter {
  readonly contentType = "text/csv";

  protected formatRow(row: InvoiceDto): string {
    return [row.number, row.customerEmail, row.currency, row.totalCents, row.status].join(",");
  }

  render(): string {
    return ["number,customer,currency,total_cents,status", super.render()].join("\n");
  }
}
