import {
  Authorized,
  Body,
  CurrentUser,
  Get,
  HttpCode,
  JsonController,
  NotFoundError,
  Param,
  Post,
  QueryParam,
} from 'routing-controllers';
import { Service } from 'typedi';
import { IsInt, IsISO8601, IsString, Min, MaxLength } from 'class-validator';
import type { Claims } from '../auth/checkers';
import { InvoiceService } from '../services/InvoiceService';

export class CreateInvoiceDto {
  @IsString()
  @MaxLength(120)
  customerId!: string;

  @IsInt()
  @Min(1)
  amountCents!: number;

  @IsISO8601()
  dueDate!: string;
}

export class RefundDto {
  @IsInt()
  @Min(1)
  amountCents!: number;

  @IsString()
  @MaxLength(500)
  reason!: string;
}

@Service()
@JsonController('/invoices')
@Authorized()
export class InvoiceController {
  constructor(private readonly invoices: InvoiceService) {}

  @Get('/')
  list(
    @CurrentUser({ required: true }) user: Claims,
    @QueryParam('status') status?: string,
    @QueryParam('includeVoided') includeVoided?: boolean,
    @QueryParam('limit') limit?: number,
  ) {
    return this.invoices.listForAccount(user.accountId, { status, includeVoided, limit });
  }

  @Get('/:id')
  async get(@CurrentUser({ required: true }) user: Claims, @Param('id') id: string) {
    const invoice = await this.invoices.find(user.accountId, id);
    if (!invoice) {
      throw new NotFoundError(`invoice ${id} not found`);
    }
    return invoice;
  }

  @Post('/')
  @HttpCode(201)
  create(@CurrentUser({ required: true }) user: Claims, @Body() body: CreateInvoiceDto) {
    return this.invoices.create(user, body);
  }

  @Post('/:id/refund')
  @Authorized('billing')
  refund(@Param('id') id: string, @Body() body: RefundDto) {
    return this.invoices.refund(id, body.amountCents, body.reason);
  }
}
