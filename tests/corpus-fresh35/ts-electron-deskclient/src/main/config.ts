import { app } from 'electron';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface DeskConfig {
  backendUrl: string;
  backendApiKey: string;
  oauthClientId: string;
  pinnedFingerprints: string[];
  devAllowSelfSigned: boolean;
  requestTimeoutMs: number;
  logLevel: LogLevel;
}

export const APP_SCHEME = 'deskapp';
export const APP_HOST = 'shell';
export const FILE_SCHEME = 'deskfile';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function level(value: string | undefined): LogLevel {
  switch (value) {
    case 'debug':
    case 'warn':
    case 'error':
      return value;
    default:
      return 'info';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DeskConfig {
  return {
    backendUrl: env.DESK_BACKEND_URL ?? 'https://desk-api.northwind-support.com',
    backendApiKey: env.DESK_API_KEY ?? 'dk_live_4Rk9vTq2LmX8wZp1Jh6Nc3YsQe7B',
    // Public PKCE client registered for the desktop app; it carries no secret.
    oauthClientId: env.DESK_OAUTH_CLIENT_ID ?? 'deskclient-desktop',
    pinnedFingerprints: list(env.DESK_PINNED_FINGERPRINTS),
    // DESK_DEV_ALLOW_SELF_SIGNED=1 lets an unpackaged build reach a backend on
    // https://localhost with a self-signed certificate (docs/dev-setup.md).
    // Packaged builds ignore it.
    devAllowSelfSigned: env.DESK_DEV_ALLOW_SELF_SIGNED === '1' && !app.isPackaged,
    requestTimeoutMs: Number(env.DESK_REQUEST_TIMEOUT_MS ?? 15000),
    logLevel: level(env.DESK_LOG_LEVEL),
  };
}
