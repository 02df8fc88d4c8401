import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { APP_HOST, APP_SCHEME } from './config';
import { currentSession, type Role } from './session-state';

export class IpcDenied extends Error {
  constructor(readonly channel: string, reason: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcDenied';
  }
}

type Handler<A extends unknown[], R> = (event: IpcMainInvokeEvent, ...args: A) => Promise<R> | R;

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    // An unparsable frame URL is never one of ours.
    return false;
  }
}

export function trustedOnly<A extends unknown[], R>(channel: string, handler: Handler<A, R>): void {
  ipcMain.handle(channel, (event, ...args) => {
    if (!isTrustedSender(event)) {
      throw new IpcDenied(channel, 'untrusted sender');
    }
    return handler(event, ...(args as A));
  });
}

export function guarded<A extends unknown[], R>(
  channel: string,
  handler: Handler<A, R>,
  options: { role?: Role } = {},
): void {
  trustedOnly<A, R>(channel, (event, ...args) => {
    const session = currentSession();
    if (!session) {
      throw new IpcDenied(channel, 'not signed in');
    }
    if (options.role && !session.roles.includes(options.role)) {
      throw new IpcDenied(channel, `requires role ${options.role}`);
    }
    return handler(event, ...args);
  });
}
