import { app, assert, mock } from 'egg-mock/bootstrap';
import * as https from 'https';
import { AddressInfo } from 'net';
import { readFileSync } from 'fs';
import * as path from 'path';

const fixtures = path.join(__dirname, '..', 'fixtures');

function expectItemShape(item: any) {
  assert(typeof item.id === 'number');
  assert(/^[A-Z0-9-]{4,32}$/.test(item.sku));
  assert(typeof item.quantity === 'number' && item.quantity >= 0);
}

describe('item api', () => {
  let adminToken: string;
  let viewerToken: string;

  before(async () => {
    const ctx = app.mockContext();
    await app.model.sync({ force: true });
    const hash = await ctx.service.session.hashPassword('correct horse battery');
    await app.model.query(
      'INSERT INTO users (email, password_hash, role, disabled) VALUES (?, ?, ?, 0), (?, ?, ?, 0)',
      { replacements: [ 'admin@example.test', hash, 'admin', 'viewer@example.test', hash, 'viewer' ] },
    );
    const admin = { id: 1, email: 'admin@example.test' };
    const viewer = { id: 2, email: 'viewer@example.test' };
    await app.model.Item.create({ sku: 'WID-0001', name: 'Widget', warehouseId: 1, quantity: 12 });
    adminToken = ctx.service.session.issue({ id: admin.id, role: 'admin', email: admin.email });
    viewerToken = ctx.service.session.issue({ id: viewer.id, role: 'viewer', email: viewer.email });
  });

  afterEach(mock.restore);

  it('lists items for a viewer', async () => {
    await app.httpRequest()
      .get('/api/items?page=1&pageSize=10')
      .set('Authorization', `Bearer ${viewerToken}`);
  });

  it('rejects anonymous item creation', async () => {
    await app.httpRequest()
      .post('/api/items')
      .send({ sku: 'WID-0002', name: 'Other', warehouseId: 1, quantity: 1 })
      .expect(401);
  });

  it('returns items in the public shape', async () => {
    const res = await app.httpRequest()
      .get('/api/items')
      .set('Authorization', `Bearer ${adminToken}`);
    expectItemShape(res.body.items[0]);
  });

  it('forbids viewers from adjusting stock', async () => {
    const res = await app.httpRequest()
      .post('/api/items/1/adjust')
      .set('Authorization', `Bearer ${viewerToken}`)
      .send({ delta: -1, reason: 'damage' });
    assert.strictEqual(res.status, 403);
  });

  it('answers 304 for a matching ETag', async () => {
    const first = await app.httpRequest().get('/api/items').set('Authorization', `Bearer ${adminToken}`);
    const second = await app.httpRequest()
      .get('/api/items')
      .set('Authorization', `Bearer ${adminToken}`)
      .set('If-None-Match', first.headers.etag);
    assert.strictEqual(second.status, 304);
  });
});

describe('supplier service', () => {
  let sandbox: https.Server;
  let sandboxUrl: string;

  before(done => {
    sandbox = https.createServer({
      key: readFileSync(path.join(fixtures, 'sandbox.key')),
      cert: readFileSync(path.join(fixtures, 'sandbox.crt')),
    }, (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ items: [{ sku: 'WID-0001', available: 7 }] }));
    });
    sandbox.listen(0, '127.0.0.1', () => {
      sandboxUrl = `https://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
      done();
    });
  });

  after(() => sandbox.close());
  afterEach(mock.restore);

  it('parses stock levels from the supplier payload', async () => {
    app.mockHttpclient(/\/stock\/query$/, 'post', {
      data: { items: [{ sku: 'WID-0001', available: '7' }, { sku: 'WID-0002', available: 0 }] },
    });
    const ctx = app.mockContext();
    const levels = await ctx.service.supplier.fetchStockLevels([ 'WID-0001', 'WID-0002' ]);
    assert.deepStrictEqual(levels, { 'WID-0001': 7, 'WID-0002': 0 });
  });

  it('reaches the local TLS sandbox', async () => {
    const res = await app.curl(`${sandboxUrl}/stock/query`, {
      method: 'POST',
      dataType: 'json',
      rejectUnauthorized: false,
    });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.data.items[0].available, 7);
  });

  it('throws when the supplier answers with an error', async () => {
    app.mockHttpclient(/\/stock\/query$/, 'post', { status: 503, data: { error: 'maintenance' } });
    const ctx = app.mockContext();
    await assert.rejects(() => ctx.service.supplier.fetchStockLevels([ 'WID-0001' ]), /returned 503/);
  });
});
