import { describe, expect, expectTypeOf, it, vi } from 'vitest';

vi.mock('ioredis', () => ({ default: vi.fn(() => ({ ping: vi.fn(async () => 'PONG'), quit: vi.fn() })) }));
vi.mock('../src/storage/uploader', () => ({
  uploadDerivative: vi.fn(async (_local: string, key: string) => `s3://test-bucket/${key}`),
}));
vi.mock('../src/usage', () => ({ recordUsage: vi.fn(async () => undefined) }));
vi.mock('../src/jobs/transcode', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/jobs/transcode')>()),
  transcode: vi.fn(async () => '/tmp/a1-720p.mp4'),
}));

import { signBody, verifyAck } from '../src/callbacks';
import { buildArgs, type Preset } from '../src/jobs/transcode';
import { processor } from '../src/worker';

describe('buildArgs', () => {
  it('produces stable ffmpeg arguments', () => {
    expect(buildArgs('in.mov', 'out.mp4', '720p')).toMatchSnapshot();
  });

  it('only knows the three ladder presets', () => {
    expectTypeOf<Preset>().toEqualTypeOf<'480p' | '720p' | '1080p'>();
  });
});

describe('verifyAck', () => {
  it('accepts its own signature and rejects tampering', () => {
    const body = '{"assetId":"a1"}';
    const sig = signBody(body, 'test-only-secret');
    expect(verifyAck(body, sig, 'test-only-secret')).toBe(true);
    expect(verifyAck(body + ' ', sig, 'test-only-secret')).toBe(false);
  });
});

describe('processor', () => {
  it('handles a transcode job', async () => {
    const job = {
      name: 'transcode',
      data: { assetId: 'a1', tenantId: 't1', source: 's3://in/a1.mov', preset: '720p' },
      updateProgress: vi.fn(),
    };
    await processor(job as never);
  });

  it('rejects unknown job names', async () => {
    await expect(processor({ name: 'nope', data: {} } as never)).rejects.toThrow(/unknown job/);
  });
});
