import { ServiceBroker } from 'moleculer';
import ApiService from '../../src/services/api.service';

process.env.SUPPLIER_WEBHOOK_SECRET ??= 'changeme';
process.env.INTERNAL_SERVICE_TOKEN ??= 'test-internal-token';

describe('api gateway', () => {
  const broker = new ServiceBroker({ logger: false });
  const api = broker.createService({ ...ApiService, settings: { ...ApiService.settings, port: 0 } });

  beforeAll(() => broker.start());
  afterAll(() => broker.stop());

  it('accepts the internal service token', () => {
    const ok = (api as any).isInternalToken('test-internal-token');
    expect(ok).toBe(true);
  });

  it('rejects a token of a different length', () => {
    expect((api as any).isInternalToken('short')).toBe(false);
  });

  it('throws UnAuthorizedError without a bearer token', async () => {
    const req = { headers: {}, $action: {} };
    await expect((api as any).authenticate({ meta: {} }, {}, req)).rejects.toMatchObject({ code: 401 });
  });
});
