import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { backendFor } from '../backends/index.js';
import { loadConfig } from '../config.js';

export interface PullArgs {
	prefix: string;
	config?: string;
	dryRun: boolean;
}

export function pullBuilder(y: Argv): Argv<PullArgs> {
	return y
		.positional('prefix', { type: 'string', default: 'catalog/', describe: 'key prefix to pull' })
		.option('dry-run', {
			type: 'boolean',
			default: false,
			describe: 'list what would be downloaded without writing anything'
		}) as Argv<PullArgs>;
}

export async function pullHandler(argv: ArgumentsCamelCase<PullArgs>): Promise<void> {
	const config = await loadConfig(argv.config);
	const backend = backendFor(config);
	const snapshots = await backend.list(argv.prefix);
	await mkdir(config.cacheDir, { recursive: true });

	for (const snap of snapshots) {
		const dest = join(config.cacheDir, snap.key.replaceAll('/', '__'));
		console.log(`pull ${snap.key} (${snap.size} bytes) -> ${dest}`);
		await backend.download(snap.key, dest);
	}
	console.log(`pulled ${snapshots.length} snapshot(s)`);
}
