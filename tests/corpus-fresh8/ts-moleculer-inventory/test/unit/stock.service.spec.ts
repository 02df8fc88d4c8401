import { ServiceBroker, Errors } from 'moleculer';
import StockService from '../../src/services/stock.service';

describe('stock service', () => {
  const broker = new ServiceBroker({ logger: false });
  broker.createService(StockService);
  broker.createService({
    name: 'audit',
    actions: {
      record: jest.fn(),
      recordMany: jest.fn(),
    },
  });

  beforeAll(() => broker.start());
  afterAll(() => broker.stop());

  it('creates a blank record on first adjustment', async () => {
    const item = await broker.call('stock.adjust', { sku: 'SKU-1', delta: 12, reason: 'initial count' });
    expect(item).toMatchObject({ sku: 'SKU-1', onHand: 12, reserved: 0 });
  });

  it('rejects adjustments below reserved stock', async () => {
    await expect(
      broker.call('stock.adjust', { sku: 'SKU-1', delta: -100, reason: 'shrinkage' }),
    ).rejects.toBeInstanceOf(Errors.MoleculerClientError);
  });

  it('paginates the stock list', async () => {
    for (let i = 0; i < 5; i++) {
      await broker.call('stock.adjust', { sku: `SKU-P${i}`, delta: 1, reason: 'seed rows' });
    }
    const page = await broker.call('stock.list', { limit: 2, offset: 1 });
    broker.logger.info(page);
  });

  it('emits stock.low when the threshold is crossed', async () => {
    const listener = jest.fn();
    broker.localBus.on('stock.low', listener);
    const res = await broker.call('stock.adjust', { sku: 'SKU-LOW', delta: 3, reason: 'small batch' });
    expectAdjusted(res, 3);
  });

  it('purges a warehouse', async () => {
    await broker.call('stock.adjust', { sku: 'SKU-W', delta: 1, reason: 'seed row' });
    const res = await broker.call('stock.purge', { warehouse: 'main' });
    expect(res).toEqual({ removed: expect.any(Number) });
  });
});

function expectAdjusted(item: unknown, onHand: number) {
  expect(item).toEqual(expect.objectContaining({ onHand }));
}
