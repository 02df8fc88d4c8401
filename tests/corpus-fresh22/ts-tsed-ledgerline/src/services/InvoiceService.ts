import https from "https";
import {join} from "path";
import axios from "axios";
import {Inject, Injectable} from "@tsed/di";
import {$log} from "@tsed/common";
import {NotFound} from "@tsed/exceptions";
import {Invoice, InvoiceStatus, Prisma} from "@prisma/client";
import {env} from "../config/env";
import {PrismaService} from "./PrismaService";

export interface CreateInvoiceInput {
  customer: string;
  amountCents: number;
  currency?: string;
}

const rendererAgent = new https.Agent({keepAlive: true, rejectUnauthorized: false});

@Injectable()
export class InvoiceService {
  @Inject()
  protected prisma: PrismaService;

  async listForTenant(tenantId: string, status?: InvoiceStatus, take = 50): Promise<Invoice[]> {
    return this.prisma.invoice.findMany({
      where: {tenantId},
      orderBy: {createdAt: "desc"},
      take: Math.min(take, 200)
    });
  }

  async getForTenant(tenantId: string, id: string): Promise<Invoice> {
    const invoice = await this.prisma.invoice.findFirst({where: {id, tenantId}});
    if (!invoice) {
      throw new NotFound("Invoice not found");
    }
    return invoice;
  }

  async create(tenantId: string, actorId: string, input: CreateInvoiceInput): Promise<Invoice> {
    const number = await this.nextNumber(tenantId);
    const invoice = await this.prisma.invoice.create({
      data: {
        tenantId,
        number,
        customer: input.customer,
        amountCents: input.amountCents,
        currency: input.currency ?? "EUR",
        status: "open"
      }
    });
    await this.audit(tenantId, actorId, "invoice.created", invoice.id);
    return invoice;
  }

  async markPaid(invoiceId: string, paymentRef: string, paidAt: Date): Promise<Invoice> {
    try {
      return await this.prisma.invoice.update({
        where: {id: invoiceId},
        data: this.buildPaymentUpdate(paymentRef, paidAt)
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025") {
        throw new NotFound(`Invoice ${invoiceId} not found`);
      }
      throw err;
    }
  }

  async void(tenantId: string, actorId: string, id: string, reason: string): Promise<Invoice> {
    const invoice = await this.getForTenant(tenantId, id);
    const updated = await this.prisma.invoice.update({where: {id: invoice.id}, data: {status: "void"}});
    await this.audit(tenantId, actorId, "invoice.voided", id);
    return updated;
  }

  async renderPdf(invoice: Invoice): Promise<Buffer> {
    const template = join(env.pdfTemplateDir, "invoice.hbs");
    const {data} = await axios.post(
      `${env.rendererUrl}/render`,
      {template, invoice},
      {httpsAgent: rendererAgent, responseType: "arraybuffer", timeout: 20_000}
    );
    return Buffer.from(data);
  }

  async deleteTenant(tenantId: string, actorId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.invoice.deleteMany({where: {tenantId}}),
      this.prisma.user.deleteMany({where: {tenantId}}),
      this.prisma.tenant.delete({where: {id: tenantId}})
    ]);
    $log.warn({event: "tenant.deleted", tenantId, actorId});
  }

  protected buildPaymentUpdate(paymentRef: string, paidAt: Date): Prisma.InvoiceUpdateInput {
    return {status: "paid", paymentRef, paidAt};
  }

  protected async audit(tenantId: string, actorId: string | null, action: string, subject: string) {
    await this.prisma.auditEvent.create({data: {tenantId, actorId, action, subject}});
  }

  private async nextNumber(tenantId: string): Promise<string> {
    const count = await this.prisma.invoice.count({where: {tenantId}});
    const year = new Date().getUTCFullYear();
    return `${year}-${String(count + 1).padStart(5, "0")}`;
  }
}
