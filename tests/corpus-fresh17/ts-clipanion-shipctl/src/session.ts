import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Session {
  user: string;
  token: string;
  roles: string[];
  expiresAt: string;
}

const SESSION_PATH = path.join(os.homedir(), '.config', 'shipctl', 'session.json');

export class NotAuthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAuthorizedError';
  }
}

export async function readSession(): Promise<Session | null> {
  try {
    const session = JSON.parse(await fs.readFile(SESSION_PATH, 'utf8')) as Session;
    return new Date(session.expiresAt) > new Date() ? session : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw err;
  }
}

export async function writeSession(session: Session): Promise<void> {
  await fs.mkdir(path.dirname(SESSION_PATH), { recursive: true, mode: 0o700 });
  await fs.writeFile(SESSION_PATH, JSON.stringify(session, null, 2), { mode: 0o600 });
}

export async function requireRole(role: string): Promise<Session> {
  const session = await readSession();
  if (!session) {
    throw new NotAuthorizedError('not logged in; run `shipctl login` first');
  }
  if (!session.roles.includes(role)) {
    throw new NotAuthorizedError(`this command requires the ${role} role`);
  }
  return session;
}
