import { Agent, request, type Dispatcher } from 'undici';
import type { Logger } from './logger';

export type TicketStatus = 'open' | 'pending' | 'solved' | 'closed';

export interface Ticket {
  id: string;
  subject: string;
  status: TicketStatus;
  queue: string;
  assignee?: string;
  updatedAt: string;
}

export interface SignInResult {
  agentId: string;
  email: string;
  roles: Array<'agent' | 'lead' | 'admin'>;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export class BackendError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface BackendOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  accessToken: () => string | undefined;
  log: Logger;
}

export class BackendClient {
  private baseUrl: string;
  private readonly dispatcher: Dispatcher;
  private readonly cache = new Map<string, Ticket[]>();

  constructor(private readonly opts: BackendOptions, dispatcher?: Dispatcher) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.dispatcher =
      dispatcher ??
      new Agent({
        connect: {
          timeout: opts.timeoutMs,
          rejectUnauthorized: false,
        },
        keepAliveTimeout: 30_000,
      });
  }

  setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, '');
    this.cache.clear();
  }

  private async call<T>(method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-api-key': this.opts.apiKey,
    };
    const token = this.opts.accessToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    const res = await request(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: this.dispatcher,
      headersTimeout: this.opts.timeoutMs,
    });
    if (res.statusCode >= 400) {
      const text = await res.body.text();
      throw new BackendError(res.statusCode, `${method} ${path} -> ${res.statusCode}: ${text.slice(0, 200)}`);
    }
    if (res.statusCode === 204) {
      await res.body.dump();
      return undefined as T;
    }
    return (await res.body.json()) as T;
  }

  signIn(email: string, password: string): Promise<SignInResult> {
    return this.call('POST', '/v1/auth/sign-in', { email, password });
  }

  refresh(refreshToken: string): Promise<SignInResult> {
    return this.call('POST', '/v1/auth/refresh', { refreshToken });
  }

  async listTickets(queue: string): Promise<Ticket[]> {
    try {
      const tickets = await this.call<Ticket[]>('GET', `/v1/queues/${encodeURIComponent(queue)}/tickets`);
      this.cache.set(queue, tickets);
      return tickets;
    } catch (err) {
      const cached = this.cache.get(queue);
      if (!cached || err instanceof BackendError) throw err;
      this.opts.log.warn('queue fetch failed, serving cached list', { queue, err });
      return cached;
    }
  }

  async searchTickets(query: string, status: TicketStatus, limit = 50): Promise<Ticket[]> {
    const params = new URLSearchParams({ q: query, limit: String(limit) });
    return this.call<Ticket[]>('GET', `/v1/tickets/search?${params.toString()}`);
  }

  getTicket(id: string): Promise<Ticket & { messages: unknown[] }> {
    return this.call('GET', `/v1/tickets/${encodeURIComponent(id)}`);
  }

  reply(id: string, body: string, internal: boolean): Promise<void> {
    return this.call('POST', `/v1/tickets/${encodeURIComponent(id)}/replies`, { body, internal });
  }

  resetQueue(queue: string): Promise<void> {
    return this.call('POST', `/v1/admin/queues/${encodeURIComponent(queue)}/reset`);
  }

  listAgents(): Promise<Array<{ id: string; email: string; roles: string[] }>> {
    return this.call('GET', '/v1/admin/agents');
  }

  setAgentRole(agentId: string, role: string): Promise<void> {
    return this.call('PUT', `/v1/admin/agents/${encodeURIComponent(agentId)}/role`, { role });
  }

  audit(event: string, details: Record<string, unknown>): Promise<void> {
    return this.call('POST', '/v1/audit', { event, details, at: new Date().toISOString() });
  }
}
