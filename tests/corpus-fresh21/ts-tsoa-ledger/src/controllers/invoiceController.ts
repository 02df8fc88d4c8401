import type { Request as ExpressRequest } from "express";
import {
  Body,
  Controller,
  Delete,
  Get,
  Path,
  Post,
  Query,
  Request,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from "tsoa";
import type { AuthUser } from "../authentication";
import type { InvoiceStatus } from "../models";
import { CreateInvoiceInput, InvoiceDto, InvoiceService, toDto } from "../services/invoiceService";
import { sendInvoice } from "../services/mailer";

type AuthedRequest = ExpressRequest & { user: AuthUser };

interface PayInvoiceBody {
  reference: string;
}

interface SendInvoiceBody {
  recipients: string[];
}

@Route("invoices")
@Tags("Invoices")
export class InvoiceController extends Controller {
  private readonly service = new InvoiceService();

  @Get()
  @Security("jwt", ["invoices:read"])
  public async list(
    @Request() req: AuthedRequest,
    @Query() status?: InvoiceStatus,
    @Query() limit = 50,
  ): Promise<InvoiceDto[]> {
    return this.service.listInvoices(req.user.orgId, status, limit);
  }

  @Get("{invoiceId}")
  @Security("jwt", ["invoices:read"])
  public async get(@Path() invoiceId: string, @Request() req: AuthedRequest): Promise<InvoiceDto> {
    return toDto(await this.service.getInvoice(req.user.orgId, invoiceId));
  }

  @Post()
  @Security("jwt", ["invoices:write"])
  @SuccessResponse(201, "Created")
  public async create(@Body() body: CreateInvoiceInput, @Request() req: AuthedRequest): Promise<InvoiceDto> {
    const created = await this.service.createInvoice(req.user.orgId, body);
    this.setStatus(201);
    this.setHeader("Location", `/invoices/${created.id}`);
    return created;
  }

  @Post("{invoiceId}/pay")
  @Security("jwt", ["invoices:write"])
  public async pay(
    @Path() invoiceId: string,
    @Body() body: PayInvoiceBody,
    @Request() req: AuthedRequest,
  ): Promise<InvoiceDto> {
    return this.service.markPaid(req.user.orgId, invoiceId, req.user.id, body.reference);
  }

  @Post("{invoiceId}/send")
  @Security("jwt", ["invoices:write"])
  public async send(
    @Path() invoiceId: string,
    @Body() body: SendInvoiceBody,
    @Request() req: AuthedRequest,
  ): Promise<{ messageId: string }> {
    const invoice = toDto(await this.service.getInvoice(req.user.orgId, invoiceId));
    const messageId = await sendInvoice(invoice, body.recipients);
    return { messageId };
  }

  @Delete("{invoiceId}")
  @SuccessResponse(204, "Deleted")
  public async remove(@Path() invoiceId: string): Promise<void> {
    await this.service.deleteInvoice(invoiceId);
    this.setStatus(204);
  }
}
