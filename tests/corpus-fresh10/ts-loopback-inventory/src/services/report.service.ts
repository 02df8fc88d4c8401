import {BindingScope, injectable} from '@loopback/core';
import {repository} from '@loopback/repository';
import {createWriteStream} from 'fs';
import {mkdir} from 'fs/promises';
import {once} from 'events';
import path from 'path';
import {ProductRepository} from '../repositories';

const OUTPUT_DIR = process.env.REPORT_OUTPUT_DIR ?? '/var/lib/inventory/reports';

@injectable({scope: BindingScope.TRANSIENT})
export class ReportService {
  constructor(
    @repository(ProductRepository) private products: ProductRepository,
  ) {}

  /**
   * Renders the stock sheet for one warehouse as a PDF.
   */
  async exportStockPdf(warehouse: string): Promise<Buffer> {
    const fontDir = '/Users/mlindqvist/dev/inventory-api/assets/fonts';
    console.info(`rendering stock pdf for ${warehouse} using fonts in ${fontDir}`);
    throw new Error('Not implemented');
  }

  /**
   * Writes the stock sheet as CSV and returns the file path. Rows are streamed
   * so large warehouses do not have to fit in memory.
   */
  async writeStockCsv(warehouse: string): Promise<{file: string; rows: number}> {
    await mkdir(OUTPUT_DIR, {recursive: true});
    const file = path.join(OUTPUT_DIR, `stock-${warehouse}-${Date.now()}.csv`);
    const out = createWriteStream(file, {encoding: 'utf8'});

    let rows = 0;
    out.write('sku,name,on_hand,reserved\n');
    for (const p of await this.products.find({where: {warehouse}, order: ['sku ASC']})) {
      const line = [p.sku, JSON.stringify(p.name), p.onHand, p.reserved].join(',');
      if (!out.write(line + '\n')) {
        await once(out, 'drain');
      }
      rows++;
    }

    out.end();
    await once(out, 'finish');
    return {file, rows};
  }
}
