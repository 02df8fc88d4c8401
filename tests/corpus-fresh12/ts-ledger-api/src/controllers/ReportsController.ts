import { Get, JsonController, QueryParam, UseBefore } from 'routing-controllers';
import { Service } from 'typedi';
import { InternalOnly, MinimumApiVersion } from '../middleware/InternalOnly';
import { LedgerRepository } from '../repositories/LedgerRepository';

/** Consumed by the finance data warehouse; not exposed through the public gateway. */
@Service()
@JsonController('/internal/reports')
@UseBefore(InternalOnly, MinimumApiVersion)
export class ReportsController {
  constructor(private readonly ledger: LedgerRepository) {}

  @Get('/daily-totals')
  dailyTotals(@QueryParam('day', { required: true }) day: string) {
    return this.ledger.dailyTotals(day);
  }

  @Get('/open-balances')
  openBalances() {
    return this.ledger.openBalances();
  }
}
