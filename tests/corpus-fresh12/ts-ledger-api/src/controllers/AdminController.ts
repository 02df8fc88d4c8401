import { Authorized, Body, Get, JsonController, Param, Post } from 'routing-controllers';
import { Service } from 'typedi';
import { loadConfig } from '../config';
import { logger } from '../logger';
import { InvoiceService } from '../services/InvoiceService';
import { LedgerRepository } from '../repositories/LedgerRepository';

interface SuspendBody {
  reason: string;
}

@Service()
@JsonController('/admin')
export class AdminController {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly invoices: InvoiceService,
  ) {}

  @Authorized('admin')
  @Get('/accounts/:id/balance')
  balance(@Param('id') accountId: string) {
    return this.ledger.balanceFor(accountId);
  }

  @Authorized('admin')
  @Post('/accounts/:id/suspend')
  async suspend(@Param('id') accountId: string, @Body() body: SuspendBody) {
    logger.warn({ accountId, reason: body.reason }, 'suspending account');
    await this.ledger.suspend(accountId, body.reason);
    return { accountId, suspended: true };
  }

  @Post('/ledger/rebuild')
  async rebuild() {
    logger.warn('rebuilding ledger projections from journal');
    const rebuilt = await this.ledger.rebuildProjections();
    return { rebuilt };
  }

  @Authorized('admin')
  @Post('/ledger/export')
  async exportJournal(@Body() body: { day: string }) {
    const file = await this.ledger.exportJournal(body.day, loadConfig().exportDir);
    return { file };
  }

  @Authorized('admin')
  @Get('/invoices/overdue')
  overdue() {
    return this.invoices.overdue(new Date());
  }
}
