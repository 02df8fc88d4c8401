export type Role = 'agent' | 'lead' | 'admin';

export interface AgentSession {
  agentId: string;
  email: string;
  roles: Role[];
  accessToken: string;
  expiresAt: number;
}

let current: AgentSession | undefined;

export function currentSession(now = Date.now()): AgentSession | undefined {
  if (current && current.expiresAt <= now) {
    current = undefined;
  }
  return current;
}

export function setSession(session: AgentSession | undefined): void {
  current = session;
}

export function accessToken(): string | undefined {
  return currentSession()?.accessToken;
}
