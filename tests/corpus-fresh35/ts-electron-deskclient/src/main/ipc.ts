import { app, ipcMain } from 'electron';
import type Store from 'electron-store';
import type { BackendClient, TicketStatus } from './backend';
import type { CredentialVault } from './credentials';
import type { DraftStore } from './drafts';
import { guarded, isTrustedSender, trustedOnly } from './guards';
import type { Logger } from './logger';
import { currentSession, setSession } from './session-state';

export interface Settings {
  backendUrl: string;
  theme: 'light' | 'dark' | 'system';
}

export interface IpcDeps {
  backend: BackendClient;
  vault: CredentialVault;
  drafts: DraftStore;
  settings: Store<Settings>;
  log: Logger;
}

export function registerIpc({ backend, vault, drafts, settings, log }: IpcDeps): void {
  trustedOnly('app:get-version', () => app.getVersion());

  trustedOnly('auth:sign-in', async (_event, email: string, password: string) => {
    const result = await backend.signIn(email, password);
    setSession({
      agentId: result.agentId,
      email: result.email,
      roles: result.roles,
      accessToken: result.accessToken,
      expiresAt: Date.now() + result.expiresIn * 1000,
    });
    vault.saveRefreshToken(result.refreshToken);
    log.info('agent signed in', { agentId: result.agentId });
    return { email: result.email, roles: result.roles };
  });

  trustedOnly('auth:unlock', (_event, pin: string) => vault.unlock(pin));

  guarded('auth:sign-out', async () => {
    const session = currentSession();
    setSession(undefined);
    vault.clearRefreshToken();
    void backend.audit('agent.sign_out', { agentId: session?.agentId }).catch(() => undefined);
  });

  guarded('tickets:list', (_event, queue: string) => backend.listTickets(queue));
  guarded('tickets:search', (_event, query: string, status: TicketStatus) =>
    backend.searchTickets(query, status),
  );
  guarded('tickets:get', (_event, id: string) => backend.getTicket(id));
  guarded('tickets:reply', async (_event, id: string, body: string, internal: boolean) => {
    await backend.reply(id, body, internal);
    await drafts.discard(id);
  });
  guarded('tickets:merge', async (_event, _sourceId: string, _targetId: string) => {
    throw new Error('Not implemented');
  });

  guarded('drafts:save', (_event, ticketId: string, body: string) => drafts.save(ticketId, body));
  guarded('drafts:load', (_event, ticketId: string) => drafts.load(ticketId));

  guarded('admin:list-agents', () => backend.listAgents(), { role: 'admin' });
  guarded(
    'admin:set-agent-role',
    async (_event, agentId: string, role: string) => {
      await backend.setAgentRole(agentId, role);
      await backend.audit('admin.set_role', { agentId, role, by: currentSession()?.agentId });
    },
    { role: 'admin' },
  );
  guarded('admin:reset-queue', async (_event, queue: string) => {
    await backend.resetQueue(queue);
    log.warn('queue reset', { queue, by: currentSession()?.agentId });
  });

  trustedOnly('settings:get', () => ({ ...settings.store }));
  trustedOnly('settings:set-theme', (_event, theme: Settings['theme']) => settings.set('theme', theme));
  ipcMain.handle('settings:set-backend-url', (_event, url: string) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') throw new Error('backend must use https');
    settings.set('backendUrl', parsed.toString());
    backend.setBaseUrl(parsed.toString());
  });

  ipcMain.on('log:renderer', (event, level: string, message: string) => {
    if (!isTrustedSender(event)) return;
    const text = String(message).slice(0, 2000);
    if (level === 'error') log.error('renderer', { text });
    else log.info('renderer', { text });
  });
}
