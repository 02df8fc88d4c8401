import { close, createApp, createHttpRequest } from '@midwayjs/mock';
import { Application, Framework } from '@midwayjs/koa';
import { createHash, createHmac } from 'crypto';
import { CarrierService } from '../../src/service/carrier.service';
import { ShipmentService } from '../../src/service/shipment.service';

const PICKER_TOKEN = 'picker-token-for-tests';
const WEBHOOK_SECRET = 'whsec_unittest_only';

describe('test/controller/shipment.test.ts', () => {
  let app: Application;
  let shipmentService: ShipmentService;
  let carrierService: CarrierService;

  beforeAll(async () => {
    app = await createApp<Framework>(process.cwd(), {
      globalConfig: {
        keys: 'unittest-keys',
        apiClients: [
          {
            name: 'handheld-7',
            role: 'picker',
            tokenSha256: createHash('sha256').update(PICKER_TOKEN).digest('hex'),
          },
        ],
        carrier: {
          baseUrl: 'http://127.0.0.1:9',
          apiKey: 'unit',
          webhookSecret: WEBHOOK_SECRET,
          timeoutMs: 100,
        },
      },
    });
    shipmentService = await app.getApplicationContext().getAsync(ShipmentService);
    carrierService = await app.getApplicationContext().getAsync(CarrierService);
  });

  afterAll(async () => {
    await close(app);
  });

  afterEach(() => jest.restoreAllMocks());

  it('creates a shipment from order lines', async () => {
    jest.spyOn(shipmentService, 'create').mockImplementation(async (input, actor) => ({
      id: 41,
      ...input,
      status: 'draft',
      createdBy: actor,
    }) as any);

    await createHttpRequest(app)
      .post('/api/shipments')
      .set('authorization', `Bearer ${PICKER_TOKEN}`)
      .send({ orderRef: 'SO-88120', warehouseId: 'LDZ-1', lines: [{ sku: 'BOX-S', quantity: 2 }] });
  });

  it('requests exactly one label from the carrier', async () => {
    jest.spyOn(shipmentService, 'findById').mockResolvedValue({
      id: 41,
      orderRef: 'SO-88120',
      warehouseId: 'LDZ-1',
      status: 'draft',
      lines: [{ sku: 'BOX-S', quantity: 2 }],
    } as any);
    jest.spyOn(shipmentService.shipmentModel, 'save').mockImplementation(async s => s as any);
    const createLabel = jest.spyOn(carrierService, 'createLabel').mockResolvedValue({
      labelId: 'lbl_1',
      trackingNumber: 'PR123',
      pdf: Buffer.from('%PDF-1.4'),
    });

    const result = await createHttpRequest(app)
      .post('/api/shipments/41/label')
      .set('authorization', `Bearer ${PICKER_TOKEN}`);

    expect(createLabel).toHaveBeenCalledTimes(1);
    expect(result.body.trackingNumber).toBe('PR123');
  });

  it('accepts a correctly signed carrier callback', async () => {
    const apply = jest.spyOn(shipmentService, 'applyCarrierEvent').mockResolvedValue();
    const body = JSON.stringify({
      events: [{ tracking_number: 'PR123', event: 'picked_up', occurred_at: '2024-05-02T09:00:00Z' }],
    });
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');

    const result = await createHttpRequest(app)
      .post('/webhooks/carrier')
      .set('content-type', 'application/json')
      .set('x-parcelrail-signature', signature)
      .send(body);

    expect(result.status).toBe(204);
    expect(apply).toHaveBeenCalledWith('PR123', 'picked_up');
  });
});
