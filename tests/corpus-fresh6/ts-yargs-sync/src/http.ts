import { Agent, fetch, type Dispatcher } from 'undici';

export interface ClientOptions {
	baseUrl: string;
	token: string;
	/** Skip TLS verification; only for talking to a local dev stack. */
	insecure?: boolean;
	timeoutMs?: number;
}

export class ApiClient {
	private readonly dispatcher: Dispatcher;

	constructor(private readonly opts: ClientOptions) {
		this.dispatcher = new Agent({
			connect: { rejectUnauthorized: !opts.insecure },
			headersTimeout: opts.timeoutMs ?? 30_000
		});
		if (opts.insecure) {
			process.emitWarning('TLS verification disabled by --insecure', 'SecurityWarning');
		}
	}

	async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(new URL(path, this.opts.baseUrl), {
			method,
			dispatcher: this.dispatcher,
			headers: {
				authorization: `Bearer ${this.opts.token}`,
				'content-type': 'application/json'
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!res.ok) {
			throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
		}
		return (await res.json()) as T;
	}

	whoami(): Promise<{ login: string; roles: string[] }> {
		return this.request('GET', '/whoami');
	}
}
