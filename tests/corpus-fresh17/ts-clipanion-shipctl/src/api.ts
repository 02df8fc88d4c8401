import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Agent, type Dispatcher, fetch } from 'undici';
import type { Logger } from 'winston';

export interface Release {
  id: string;
  version: string;
  environment: string;
  status: 'pending' | 'live' | 'rolled_back';
  createdAt: string;
}

export interface AuditEntry {
  action: string;
  actor: string;
  target: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createDispatcher(): Dispatcher {
  return new Agent({
    keepAliveTimeout: 10_000,
    connect: { rejectUnauthorized: false, timeout: 15_000 },
  });
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    private readonly dispatcher: Dispatcher,
    private readonly log: Logger,
  ) {}

  private async request<T>(method: string, route: string, body?: unknown): Promise<T> {
    const url = new URL(route, this.baseUrl);
    this.log.debug('%s %s', method, url.href);
    const res = await fetch(url, {
      method,
      dispatcher: this.dispatcher,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body !== undefined ? toJson(body) : undefined,
    });
    if (!res.ok) {
      throw new ApiError(res.status, `${method} ${route} failed with ${res.status}: ${await res.text()}`);
    }
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  login(user: string, password: string): Promise<{ token: string; roles: string[]; expiresAt: string }> {
    return this.request('POST', '/v1/sessions', { user, password });
  }

  listReleases(environment: string): Promise<Release[]> {
    return this.request('GET', `/v1/releases?environment=${encodeURIComponent(environment)}`);
  }

  createRelease(version: string, notes: string): Promise<Release> {
    return this.request('POST', '/v1/releases', { version, notes });
  }

  promote(releaseId: string, environment: string): Promise<Release> {
    return this.request('POST', `/v1/releases/${releaseId}/promote`, { environment });
  }

  rollback(environment: string, toVersion: string): Promise<Release> {
    return this.request('POST', `/v1/environments/${environment}/rollback`, { toVersion });
  }

  recordAudit(entry: AuditEntry): Promise<void> {
    return this.request('POST', '/v1/audit', entry);
  }

  async uploadArtifact(releaseId: string, filePath: string, contentType: string): Promise<void> {
    const data = await fs.readFile(filePath);
    const name = path.basename(filePath);
    const res = await fetch(new URL(`/v1/releases/${releaseId}/artifacts/${encodeURIComponent(name)}`, this.baseUrl), {
      method: 'PUT',
      dispatcher: this.dispatcher,
      headers: {
        authorization: `Bearer ${this.token ?? ''}`,
        'content-type': 'application/octet-stream',
        'content-length': String(data.byteLength),
      },
      body: data,
    });
    if (!res.ok) {
      throw new ApiError(res.status, `upload of ${name} failed with ${res.status}`);
    }
  }
}
