import {
  Context, Get, HttpResponseNotFound, HttpResponseOK, Post, UserRequired,
  ValidatePathParam, ValidateQueryParam, ValidateBody, dependency,
} from '@foal/core';
import { JWTRequired } from '@foal/jwt';

import { ExportService } from '../services/export.service';
import { InvoiceService } from '../services/invoice.service';

interface JwtUser { sub: string; tenantId: string }

@JWTRequired()
export class InvoicesController {
  @dependency
  invoices: InvoiceService;

  @dependency
  exporter: ExportService;

  @Get('/')
  @ValidateQueryParam('page', { type: 'integer', minimum: 1 }, { required: false })
  @ValidateQueryParam('includeVoided', { type: 'boolean' }, { required: false })
  async list(ctx: Context<JwtUser>) {
    const items = await this.invoices.list(ctx.user.tenantId, {
      page: ctx.request.query.page,
      includeVoided: ctx.request.query.includeVoided,
    });
    return new HttpResponseOK({ items });
  }

  @Post('/:id/pay')
  @ValidatePathParam('id', { type: 'string', format: 'uuid' })
  @ValidateBody({
    type: 'object',
    properties: { customerId: { type: 'string', minLength: 3 } },
    required: ['customerId'],
    additionalProperties: false,
  })
  async pay(ctx: Context<JwtUser>, { id }: { id: string }, body: { customerId: string }) {
    const paid = await this.invoices.pay(ctx.user.tenantId, id, body.customerId, ctx.user.sub);
    if (!paid) {
      return new HttpResponseNotFound();
    }
    return new HttpResponseOK(paid);
  }

  @Post('/sync-accounting')
  async syncAccounting(ctx: Context<JwtUser>) {
    const items = await this.invoices.list(ctx.user.tenantId, { pageSize: 100 });
    const result = await this.exporter.pushToAccounting(ctx.user.tenantId, items);
    return new HttpResponseOK(result);
  }
}
