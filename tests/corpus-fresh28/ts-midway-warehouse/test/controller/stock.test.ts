import { close, createApp, createHttpRequest } from '@midwayjs/mock';
import { Application, Framework } from '@midwayjs/koa';
import { createHash } from 'crypto';
import { InsufficientStockError, StockService } from '../../src/service/stock.service';

const READER_TOKEN = 'reader-token-for-tests';
const MANAGER_TOKEN = 'manager-token-for-tests';

const sha = (v: string) => createHash('sha256').update(v).digest('hex');

describe('test/controller/stock.test.ts', () => {
  let app: Application;
  let stockService: StockService;

  beforeAll(async () => {
    app = await createApp<Framework>(process.cwd(), {
      globalConfig: {
        keys: 'unittest-keys',
        apiClients: [
          { name: 'scanner-app', role: 'reader', tokenSha256: sha(READER_TOKEN) },
          { name: 'ops-console', role: 'manager', tokenSha256: sha(MANAGER_TOKEN) },
        ],
        carrier: { baseUrl: 'http://127.0.0.1:9', apiKey: 'unit', timeoutMs: 100 },
      },
    });
    stockService = await app.getApplicationContext().getAsync(StockService);
  });

  afterAll(async () => {
    await close(app);
  });

  afterEach(() => jest.restoreAllMocks());

  it('rejects requests without a token', async () => {
    await createHttpRequest(app).get('/api/stock').expect(401);
  });

  it('lists stock for a reader token', async () => {
    jest.spyOn(stockService, 'list').mockResolvedValue({ items: [], total: 0 });

    const result = await createHttpRequest(app)
      .get('/api/stock?warehouse=LDZ-1')
      .set('authorization', `Bearer ${READER_TOKEN}`);

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ items: [], total: 0 });
    expect(stockService.list).toHaveBeenCalledWith(
      expect.objectContaining({ warehouseId: 'LDZ-1', page: 1 })
    );
  });

  it('does not let a reader create stock records', async () => {
    const create = jest.spyOn(stockService, 'create');

    const result = await createHttpRequest(app)
      .post('/api/stock')
      .set('authorization', `Bearer ${READER_TOKEN}`)
      .send({ sku: 'PAL-100', warehouseId: 'LDZ-1', description: 'Euro pallet', onHand: 4 });

    expect(result.status).toBe(403);
    expect(create).not.toHaveBeenCalled();
  });

  it('renders a stock record', async () => {
    jest.spyOn(stockService, 'get').mockResolvedValue({
      id: 7,
      sku: 'BOX-S',
      warehouseId: 'LDZ-1',
      description: 'Small carton',
      onHand: 120,
      reserved: 20,
      binLocation: 'A-03-2',
      version: 3,
    } as any);

    const result = await createHttpRequest(app)
      .get('/api/stock/LDZ-1/BOX-S')
      .set('authorization', `Bearer ${MANAGER_TOKEN}`);

    expect(result.body).toMatchSnapshot();
  });

  it('refuses to reserve more than is available', async () => {
    jest.spyOn(stockService.stockModel, 'findOne').mockResolvedValue(
      Object.assign(new (class { get available() { return 2; } })(), { sku: 'BOX-S' }) as any
    );

    await expect(stockService.reserve('BOX-S', 5, 'LDZ-1')).rejects.toThrow(InsufficientStockError);
  });
});
