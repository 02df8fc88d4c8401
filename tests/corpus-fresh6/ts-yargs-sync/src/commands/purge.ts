import type { ArgumentsCamelCase, Argv } from 'yargs';
import { ApiClient } from '../http.js';
import { loadConfig } from '../config.js';

export interface PurgeArgs {
	catalog: string;
	config?: string;
	insecure: boolean;
	yes: boolean;
}

export function purgeBuilder(y: Argv): Argv<PurgeArgs> {
	return y
		.positional('catalog', { type: 'string', demandOption: true, describe: 'catalog id to purge' })
		.option('yes', { type: 'boolean', default: false, describe: 'do not prompt' }) as Argv<PurgeArgs>;
}

export async function purgeHandler(argv: ArgumentsCamelCase<PurgeArgs>): Promise<void> {
	if (!argv.yes) {
		throw new Error('purge is irreversible; re-run with --yes');
	}
	const config = await loadConfig(argv.config);
	const client = new ApiClient({ baseUrl: config.apiUrl, token: config.token, insecure: argv.insecure });
	const res = await client.request<{ deleted: number }>('DELETE', `/catalogs/${encodeURIComponent(argv.catalog)}`);
	console.log(`purged ${res.deleted} object(s) from ${argv.catalog}`);
}
