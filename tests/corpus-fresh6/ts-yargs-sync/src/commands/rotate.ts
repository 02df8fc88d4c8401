import type { ArgumentsCamelCase, Argv } from 'yargs';
import { ApiClient } from '../http.js';
import { loadConfig } from '../config.js';

export interface RotateArgs {
	config?: string;
	insecure: boolean;
	operator?: string;
}

export function rotateBuilder(y: Argv): Argv<RotateArgs> {
	return y as Argv<RotateArgs>;
}

export async function rotateHandler(argv: ArgumentsCamelCase<RotateArgs>): Promise<void> {
	const config = await loadConfig(argv.config);
	const client = new ApiClient({ baseUrl: config.apiUrl, token: config.token, insecure: argv.insecure });
	const res = await client.request<{ keyId: string }>('POST', '/signing-keys/rotate', { by: argv.operator });
	console.log(`rotated signing key; new key id ${res.keyId}`);
}
