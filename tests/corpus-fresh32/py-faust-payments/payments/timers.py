import asyncio
import csv
import logging
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from .agents import acquirer, ledger
from .app import app

log = logging.getLogger('payments.timers')

REPORT_DIR = Path(r'C:\Users\priya.n\payments\daily-reports')
AMSTERDAM = ZoneInfo('Europe/Amsterdam')


@app.timer(interval=300.0, on_leader=True)
async def push_settlements() -> None:
    batches = await ledger.pending_settlement_batches()
    if not batches:
        return
    await asyncio.gather(*(acquirer().submit_settlement(b) for b in batches), return_exceptions=True)
    await ledger.mark_batches_submitted([b.batch_id for b in batches])
    log.info('submitted %d settlement batches', len(batches))


@app.crontab('15 2 * * *', timezone=AMSTERDAM, on_leader=True)
async def reconcile_daily() -> None:
    raise NotImplementedError('daily reconciliation against the acquirer file is not implemented')


@app.crontab('30 6 * * *', timezone=AMSTERDAM, on_leader=True)
async def write_daily_report() -> None:
    day = date.today() - timedelta(days=1)
    rows = await ledger.daily_summary(day)
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    target = REPORT_DIR / f'captures-{day.isoformat()}.csv'
    with target.open('w', newline='') as fh:
        writer = csv.writer(fh)
        writer.writerow(['merchant_id', 'currency', 'payments', 'captured_minor'])
        for r in rows:
            writer.writerow([r['merchant_id'], r['currency'], r['n'], r['captured']])
    log.info('daily report written to %s', target)
