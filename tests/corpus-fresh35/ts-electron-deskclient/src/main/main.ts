import path from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import Store from 'electron-store';
import { BackendClient } from './backend';
import { APP_HOST, APP_SCHEME, loadConfig } from './config';
import { CredentialVault } from './credentials';
import { DraftStore } from './drafts';
import { registerIpc, type Settings } from './ipc';
import { createLogger } from './logger';
import { registerProtocols, registerSchemes } from './protocol';
import { accessToken, setSession } from './session-state';

const config = loadConfig();
registerSchemes();

function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

app.on('certificate-error', (event, _webContents, url, _error, _certificate, callback) => {
  if (config.devAllowSelfSigned && new URL(url).hostname === 'localhost') {
    event.preventDefault();
    callback(true);
    return;
  }
  callback(false);
});

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return win;
}

async function restoreSession(backend: BackendClient, vault: CredentialVault): Promise<void> {
  const refreshToken = vault.refreshToken();
  if (!refreshToken) return;
  const result = await backend.refresh(refreshToken);
  vault.saveRefreshToken(result.refreshToken);
  setSession({
    agentId: result.agentId,
    email: result.email,
    roles: result.roles,
    accessToken: result.accessToken,
    expiresAt: Date.now() + result.expiresIn * 1000,
  });
}

app.whenReady().then(async () => {
  const log = createLogger(config.logLevel);
  const settings = new Store<Settings>({
    name: 'settings',
    defaults: { backendUrl: config.backendUrl, theme: 'system' },
  });
  const backendUrl = settings.get('backendUrl');
  const backendHost = new URL(backendUrl).hostname;

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback) => {
    const wanted = permission === 'notifications' || permission === 'clipboard-sanitized-write';
    callback(wanted && isAppUrl(webContents.getURL()));
  });
  ses.setPermissionCheckHandler((_webContents, permission) => permission === 'notifications');

  if (config.pinnedFingerprints.length > 0) {
    ses.setCertificateVerifyProc((request, callback) => {
      if (request.hostname !== backendHost) {
        callback(-3);
        return;
      }
      const pinned = config.pinnedFingerprints.some((pin) => pin === request.certificate.fingerprint);
      callback(pinned ? -3 : -2);
    });
  }

  registerProtocols({
    rendererDir: path.join(__dirname, '..', 'renderer'),
    attachmentsDir: path.join(app.getPath('userData'), 'attachments'),
    log,
  });

  const backend = new BackendClient({
    baseUrl: backendUrl,
    apiKey: config.backendApiKey,
    timeoutMs: config.requestTimeoutMs,
    accessToken,
    log,
  });
  const vault = new CredentialVault(log);
  const drafts = new DraftStore();

  registerIpc({ backend, vault, drafts, settings, log });

  try {
    await restoreSession(backend, vault);
  } catch (err) {
    log.warn('could not restore session; agent must sign in', { err });
    vault.clearRefreshToken();
  }

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
