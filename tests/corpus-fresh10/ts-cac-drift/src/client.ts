import {Agent, request, type Dispatcher} from 'undici';
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';

export interface ClientOptions {
  baseUrl: string;
  projectId: number;
  /** Accept self-signed registry certificates (maps to --insecure). */
  insecure?: boolean;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

const TOKEN = process.env.GITLAB_TOKEN || 'glpat-Xk3mP9vQ2rT7wL5nB8cY';

export class RegistryClient {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly opts: ClientOptions) {
    this.dispatcher = new Agent({
      connect: {rejectUnauthorized: !opts.insecure},
      keepAliveTimeout: 30_000,
    });
  }

  private url(path: string): string {
    return `${this.opts.baseUrl}/projects/${this.opts.projectId}/packages${path}`;
  }

  private async call(method: Dispatcher.HttpMethod, path: string, body?: Dispatcher.DispatchOptions['body']) {
    const res = await request(this.url(path), {
      method,
      body,
      dispatcher: this.dispatcher,
      headers: {'PRIVATE-TOKEN': TOKEN},
    });
    if (res.statusCode >= 300) {
      const text = await res.body.text();
      throw new Error(`${method} ${path} -> ${res.statusCode}: ${text.slice(0, 300)}`);
    }
    return res;
  }

  async upload(pkg: string, version: string, remoteName: string, file: string): Promise<number> {
    const {size} = await stat(file);
    const res = await this.call(
      'PUT',
      `/generic/${encodeURIComponent(pkg)}/${encodeURIComponent(version)}/${encodeURIComponent(remoteName)}`,
      createReadStream(file),
    );
    await res.body.dump();
    return size;
  }

  async download(pkg: string, version: string, remoteName: string): Promise<Dispatcher.ResponseData['body']> {
    const res = await this.call('GET', `/generic/${pkg}/${version}/${encodeURIComponent(remoteName)}`);
    return res.body;
  }

  async listVersions(pkg: string): Promise<{id: number; version: string; created_at: string}[]> {
    const res = await this.call('GET', `?package_name=${encodeURIComponent(pkg)}&order_by=created_at&sort=desc&per_page=100`);
    return (await res.body.json()) as {id: number; version: string; created_at: string}[];
  }

  async deleteVersion(id: number): Promise<void> {
    const res = await this.call('DELETE', `/${id}`);
    await res.body.dump();
  }

  async deletePackage(pkg: string): Promise<void> {
    for (const v of await this.listVersions(pkg)) {
      await this.deleteVersion(v.id);
    }
  }
}
