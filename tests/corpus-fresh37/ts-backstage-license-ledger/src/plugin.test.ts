import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { licenseLedgerPlugin } from './plugin';

const snapshotDir = mkdtempSync(join(tmpdir(), 'license-ledger-'));

const config = {
  licenseLedger: {
    vendor: { baseUrl: 'https://vendor.test', token: 'test-token' },
    webhook: { secret: 'test-webhook-secret' },
    snapshots: { directory: snapshotDir },
  },
};

describe('licenseLedgerPlugin', () => {
  it('serves the health check without credentials', async () => {
    const { server } = await startTestBackend({
      features: [licenseLedgerPlugin, mockServices.rootConfig.factory({ data: config })],
    });
    await request(server).get('/api/license-ledger/health').expect(200, { status: 'ok' });
  });

  it('requires a user for the license list', async () => {
    const { server } = await startTestBackend({
      features: [licenseLedgerPlugin, mockServices.rootConfig.factory({ data: config })],
    });
    await request(server).get('/api/license-ledger/licenses').expect(401);
    await request(server)
      .get('/api/license-ledger/licenses')
      .set('authorization', mockCredentials.user.header())
      .expect(200);
  });

  it('fails to start when the insecure sandbox flag is used for another host', async () => {
    await expect(
      startTestBackend({
        features: [
          licenseLedgerPlugin,
          mockServices.rootConfig.factory({
            data: {
              licenseLedger: {
                ...config.licenseLedger,
                vendor: { baseUrl: 'https://vendor.test', allowInsecureSandboxTls: true },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/only allowed for the vendor sandbox/);
  });
});
