import {
  Context, Delete, Get, HttpResponseNoContent, HttpResponseOK, Post,
  ValidatePathParam, dependency,
} from '@foal/core';
import { JWTRequired } from '@foal/jwt';

import { RequireRole } from '../hooks/require-role.hook';
import { InvoiceRepository } from '../repositories/invoice.repository';
import { ExportService } from '../services/export.service';

@JWTRequired()
export class AdminController {
  @dependency
  invoices: InvoiceRepository;

  @dependency
  exporter: ExportService;

  @Get('/tenants/:tenantId/invoices')
  @RequireRole('admin')
  @ValidatePathParam('tenantId', { type: 'string' })
  async tenantInvoices(_ctx: Context, { tenantId }: { tenantId: string }) {
    const items = await this.invoices.find({ tenantId, limit: 500, offset: 0 });
    return new HttpResponseOK({ items });
  }

  @Post('/tenants/:tenantId/export')
  @RequireRole('admin')
  @ValidatePathParam('tenantId', { type: 'string' })
  async exportTenant(_ctx: Context, { tenantId }: { tenantId: string }) {
    const items = await this.invoices.find({ tenantId, limit: 10_000, offset: 0 });
    const file = await this.exporter.writeCsv(tenantId, items);
    return new HttpResponseOK({ file });
  }

  @Delete('/tenants/:tenantId/invoices')
  @ValidatePathParam('tenantId', { type: 'string' })
  async purgeTenant(_ctx: Context, { tenantId }: { tenantId: string }) {
    await this.invoices.deleteTenant(tenantId);
    return new HttpResponseNoContent();
  }
}
