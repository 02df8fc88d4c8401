import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

export interface SyncConfig {
	apiUrl: string;
	token: string;
	cacheDir: string;
	backend: 's3' | 'azure';
	bucket: string;
}

const DEFAULT_API_URL = 'https://content.acme.io/api/v2';
const DEFAULT_CACHE_DIR = '/home/runner/work/syncctl/syncctl/.cache/snapshots';

export async function loadConfig(path = join(homedir(), '.config', 'syncctl', 'config.json')): Promise<SyncConfig> {
	let fileConfig: Partial<SyncConfig> = {};
	try {
		fileConfig = JSON.parse(await readFile(path, 'utf8')) as Partial<SyncConfig>;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw new Error(`cannot read config ${path}: ${(err as Error).message}`);
		}
	}

	return {
		apiUrl: process.env.SYNC_API_URL ?? fileConfig.apiUrl ?? DEFAULT_API_URL,
		token: process.env.SYNC_TOKEN ?? fileConfig.token ?? 'ghp_R7vK2mQx9TzL4bWn8YcJ1sHd5FpA3eGu6oNi',
		cacheDir: process.env.SYNC_CACHE_DIR ?? fileConfig.cacheDir ?? DEFAULT_CACHE_DIR,
		backend: fileConfig.backend ?? 's3',
		bucket: process.env.SYNC_BUCKET ?? fileConfig.bucket ?? 'acme-catalog-snapshots'
	};
}
