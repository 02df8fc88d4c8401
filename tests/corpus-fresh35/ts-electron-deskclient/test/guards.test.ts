import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameEvent } from './fakes';

const handlers = vi.hoisted(() => new Map<string, (event: unknown, ...args: unknown[]) => unknown>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      handlers.set(channel, fn);
    }),
    on: vi.fn(),
  },
  app: { isPackaged: true, getVersion: () => '3.8.2' },
}));

import { guarded, IpcDenied, trustedOnly } from '../src/main/guards';
import { setSession } from '../src/main/session-state';

const shell = frameEvent('deskapp://shell/index.html');
const foreign = frameEvent('https://attacker.example/embed.html');

async function invoke(channel: string, event: unknown, ...args: unknown[]) {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}

async function expectDenied(channel: string, event: unknown, reason: RegExp) {
  const call = invoke(channel, event);
  await expect(call).rejects.toBeInstanceOf(IpcDenied);
  await expect(call).rejects.toThrow(reason);
}

describe('ipc guards', () => {
  const listAgents = vi.fn(async () => [{ id: 'a1', email: 'lee@northwind.test', roles: ['admin'] }]);

  beforeEach(() => {
    handlers.clear();
    listAgents.mockClear();
    setSession(undefined);
    trustedOnly('app:get-version', () => '3.8.2');
    guarded('tickets:list', () => []);
    guarded('admin:list-agents', listAgents, { role: 'admin' });
  });

  it('rejects frames outside the app shell', async () => {
    await expectDenied('app:get-version', foreign, /untrusted sender/);
  });

  it('rejects guarded channels when signed out', async () => {
    await expect(invoke('tickets:list', shell)).rejects.toThrow(/not signed in/);
  });

  it('enforces roles on admin channels', async () => {
    setSession({
      agentId: 'a2',
      email: 'sam@northwind.test',
      roles: ['agent'],
      accessToken: 'x',
      expiresAt: Date.now() + 60_000,
    });
    await expectDenied('admin:list-agents', shell, /requires role admin/);
    expect(listAgents).not.toHaveBeenCalled();
  });

  it('lets admins through', async () => {
    setSession({
      agentId: 'a1',
      email: 'lee@northwind.test',
      roles: ['agent', 'admin'],
      accessToken: 'x',
      expiresAt: Date.now() + 60_000,
    });
    await expect(invoke('admin:list-agents', shell)).resolves.toHaveLength(1);
  });

  it('treats an expired session as signed out', async () => {
    setSession({
      agentId: 'a1',
      email: 'lee@northwind.test',
      roles: ['admin'],
      accessToken: 'x',
      expiresAt: Date.now() - 1,
    });
    await expectDenied('tickets:list', shell, /not signed in/);
  });
});
