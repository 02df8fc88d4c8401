import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCli } from '../src/cli';
import { capture, expectExit } from './helpers';

const api = {
  listReleases: vi.fn(),
  createRelease: vi.fn(),
  promote: vi.fn(),
  rollback: vi.fn(),
  recordAudit: vi.fn(),
  uploadArtifact: vi.fn(),
};

vi.mock('../src/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/api')>()),
  ApiClient: vi.fn(() => api),
}));
vi.mock('../src/notify', () => ({ postToSlack: vi.fn().mockResolvedValue(undefined) }));

const session = vi.hoisted(() => ({ readSession: vi.fn() }));
vi.mock('../src/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/session')>()),
  readSession: session.readSession,
}));

describe('release commands', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    session.readSession.mockResolvedValue({ user: 'jdoe', token: 't', roles: ['developer'], expiresAt: '2999-01-01' });
  });

  it('refuses to promote without the release-manager role', async () => {
    const io = capture();
    const code = await buildCli().run(['release', 'promote', 'rel_1', '--env', 'production'], io.context);
    expectExit(code, 2, io);
  });

  it('promotes and records an audit entry', async () => {
    session.readSession.mockResolvedValue({ user: 'jdoe', token: 't', roles: ['release-manager'], expiresAt: '2999-01-01' });
    api.promote.mockResolvedValue({ id: 'rel_1', version: '2.3.0', environment: 'production', status: 'live' });
    const io = capture();
    const code = await buildCli().run(['release', 'promote', 'rel_1', '--env', 'production'], io.context);
    expectExit(code, 0, io);
    expect(api.recordAudit).toHaveBeenCalledWith(expect.objectContaining({ action: 'release.promote', actor: 'jdoe' }));
  });

  it('rolls production back', async () => {
    api.rollback.mockResolvedValue({ id: 'rel_0', version: '2.2.9', environment: 'production', status: 'live' });
    api.recordAudit.mockResolvedValue(undefined);
    const io = capture();
    await buildCli().run(['release', 'rollback', '--env', 'production', '--to', '2.2.9'], io.context);
  });
});
