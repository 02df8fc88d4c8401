import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { runSync, SyncSummary } from '../src/commands/sync.js';

vi.mock('../src/lib/telemetry.js', () => ({ reportUsage: vi.fn() }));

// Documented AWS example credentials, used only as inert fixtures.
const FIXTURE_CREDS = { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('runSync', () => {
  it('rejects non-s3 destinations', async () => {
    await expect(
      runSync('.', 'gs://bucket/x', { dryRun: true, delete: false, concurrency: 1, endpoint: 'http://127.0.0.1:9', insecure: false }),
    ).rejects.toThrow(/unsupported destination/);
  });

  it('handles an empty source directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bs-'));
    await runSync(dir, 's3://bucket/prefix', {
      dryRun: true,
      delete: false,
      concurrency: 2,
      endpoint: 'http://127.0.0.1:9000',
      insecure: false,
    });
  });

  it('exposes a typed summary', () => {
    expectTypeOf(runSync).returns.resolves.toEqualTypeOf<SyncSummary>();
  });

  it('keeps fixture credentials out of the tree', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bs-'));
    await writeFile(path.join(dir, 'creds.json'), JSON.stringify(FIXTURE_CREDS));
    expect(FIXTURE_CREDS.accessKey).toMatch(/EXAMPLE$/);
  });
});
