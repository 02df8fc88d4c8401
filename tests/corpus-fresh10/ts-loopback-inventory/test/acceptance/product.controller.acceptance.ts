import {Client, expect} from '@loopback/testlab';
import {InventoryApplication} from '../../src/application';
import {ProductRepository} from '../../src/repositories';
import {expectProblem, setupApplication, TEST_API_KEY} from './test-helper';

describe('ProductController', () => {
  let app: InventoryApplication;
  let client: Client;

  before('setupApplication', async () => {
    ({app, client} = await setupApplication());
  });

  after(async () => {
    await app.stop();
  });

  beforeEach(async () => {
    const repo = await app.getRepository(ProductRepository);
    await repo.deleteAll();
    await repo.create({sku: 'BOLT-M6', name: 'Bolt M6', warehouse: 'ams-1', onHand: 40, reserved: 0});
  });

  it('rejects requests without an api key', async () => {
    const res = await client.get('/products').expect(401);
    expectProblem(res.body, 401);
  });

  it('lists products for an authenticated client', async () => {
    const res = await client
      .get('/products')
      .set('x-api-key', TEST_API_KEY)
      .expect(200);
    expect(res.body).to.have.length(1);
    expect(res.body[0]).to.containDeep({sku: 'BOLT-M6'});
  });

  it('adjusts stock', async () => {
    await client
      .patch('/products/1/stock')
      .set('x-api-key', TEST_API_KEY)
      .send({delta: -5, reason: 'picked'});
  });

  it('returns 404 for unknown sku', async () => {
    await client.get('/products/NOPE').set('x-api-key', TEST_API_KEY).expect(404);
  });
});
