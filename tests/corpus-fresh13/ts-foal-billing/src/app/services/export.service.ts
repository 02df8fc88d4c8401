import { Config } from '@foal/core';
import { promises as fs } from 'fs';
import { join } from 'path';

import { Invoice } from '../entities/invoice.entity';

const FONT_DIR = '/Users/marta.k/dev/billing-api/assets/fonts';

export class ExportService {
  private get exportDir(): string {
    return Config.get('settings.billing.exportDir', 'string', '/var/lib/billing/exports');
  }

  async writeCsv(tenantId: string, invoices: Invoice[]): Promise<string> {
    const header = 'number,status,amount_cents,currency,created_at';
    const rows = invoices.map((i) =>
      [i.number, i.status, i.amountCents, i.currency, i.createdAt.toISOString()].join(','),
    );
    const target = join(this.exportDir, `${tenantId}-${Date.now()}.csv`);
    await fs.writeFile(target, [header, ...rows].join('\n'), 'utf8');
    return target;
  }

  fontPath(name: string): string {
    return join(FONT_DIR, `${name}.ttf`);
  }

  async pushToAccounting(_tenantId: string, _invoices: Invoice[]): Promise<{ pushed: number }> {
    throw new Error('pushToAccounting is not implemented yet');
  }
}
