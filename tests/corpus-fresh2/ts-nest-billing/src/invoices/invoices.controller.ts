import {
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  NotImplementedException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { InvoiceStatus } from '@prisma/client';
import { Auth } from '../auth/decorators';
import type { AuthedRequest } from '../auth/guards';
import { AuditInterceptor } from '../common/interceptors';
import { InvoicesService, toApiInvoice } from './invoices.service';

export class ListInvoicesQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @IsUUID()
  cursor?: string;

  @IsOptional() @IsEnum(InvoiceStatus)
  status?: InvoiceStatus;
}

@ApiTags('invoices')
@Controller('invoices')
@Auth('billing', 'admin')
@UseInterceptors(AuditInterceptor)
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly config: ConfigService,
  ) {}

  @Get()
  list(@Req() req: AuthedRequest, @Query() q: ListInvoicesQuery) {
    return this.invoices.list(req.user.tenantId, { status: q.status, cursor: q.cursor }, q.limit);
  }

  @Get(':id')
  async findOne(@Req() req: AuthedRequest, @Param('id', ParseUUIDPipe) id: string) {
    const invoice = await this.invoices.findOne(req.user.tenantId, id);
    if (!invoice) throw new NotFoundException();
    return toApiInvoice(invoice);
  }

  @Get(':id/pdf')
  @Header('Content-Type', 'application/pdf')
  async pdf(@Req() req: AuthedRequest, @Param('id', ParseUUIDPipe) id: string) {
    throw new NotImplementedException('invoice PDF rendering is not implemented');
  }

  @Post(':id/send')
  @HttpCode(202)
  async send(@Req() req: AuthedRequest, @Param('id', ParseUUIDPipe) id: string) {
    // E-invoicing (Peppol) is rolled out per deployment. Until the flag is on we
    // deliberately answer 501 so the dashboard can feature-detect and hide the button.
    if (!this.config.get<boolean>('features.peppol')) {
      throw new NotImplementedException('e-invoicing is not enabled on this deployment');
    }
    return this.invoices.sendPeppol(req.user.tenantId, id);
  }
}
