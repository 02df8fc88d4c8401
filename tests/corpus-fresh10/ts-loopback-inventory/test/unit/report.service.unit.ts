import {expect, sinon} from '@loopback/testlab';
import {readFile, rm} from 'fs/promises';
import {tmpdir} from 'os';
import path from 'path';
import {ProductRepository} from '../../src/repositories';
import {ReportService} from '../../src/services/report.service';

describe('ReportService (unit)', () => {
  const outDir = path.join(tmpdir(), 'inventory-report-test');
  let repo: sinon.SinonStubbedInstance<ProductRepository>;

  before(() => {
    process.env.REPORT_OUTPUT_DIR = outDir;
  });

  after(async () => {
    await rm(outDir, {recursive: true, force: true});
  });

  beforeEach(() => {
    repo = sinon.createStubInstance(ProductRepository);
    repo.find.resolves([
      {sku: 'BOLT-M6', name: 'Bolt, M6', onHand: 40, reserved: 2},
      {sku: 'NUT-M6', name: 'Nut M6', onHand: 90, reserved: 0},
    ] as never);
  });

  it('writes one csv row per product', async () => {
    const svc = new ReportService(repo);
    const {file, rows} = await svc.writeStockCsv('ams-1');
    expect(rows).to.equal(2);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[1]).to.equal('BOLT-M6,"Bolt, M6",40,2');
  });

  it('surfaces pdf rendering failures to the caller', async () => {
    const svc = new ReportService(repo);
    await expect(svc.exportStockPdf('ams-1')).to.be.rejected();
  });
});
