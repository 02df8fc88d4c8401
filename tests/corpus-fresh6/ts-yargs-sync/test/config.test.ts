import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';

test('file values are used when env is unset', async () => {
	const dir = await mkdtemp('/tmp/syncctl-test-');
	const file = join(dir, 'config.json');
	await writeFile(
		file,
		JSON.stringify({ apiUrl: 'https://api.test', token: 'test-token-not-real', cacheDir: '/tmp/syncctl-cache', bucket: 'b' })
	);
	delete process.env.SYNC_TOKEN;
	delete process.env.SYNC_API_URL;
	delete process.env.SYNC_CACHE_DIR;
	const cfg = await loadConfig(file);
	assert.equal(cfg.apiUrl, 'https://api.test');
	assert.equal(cfg.cacheDir, '/tmp/syncctl-cache');
});

test('a broken config file is reported, not ignored', async () => {
	const dir = await mkdtemp('/tmp/syncctl-test-');
	const file = join(dir, 'config.json');
	await writeFile(file, '{ not json');
	await assert.rejects(loadConfig(file), /cannot read config/);
});
