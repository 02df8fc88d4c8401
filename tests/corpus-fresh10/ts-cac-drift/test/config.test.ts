import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {mkdtemp, writeFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expandHome, loadConfig} from '../src/config.js';

let dir: string;

test.before.each(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'drift-config-'));
  delete process.env.DRIFT_PROJECT_ID;
});

test.after.each(async () => {
  await rm(dir, {recursive: true, force: true});
});

test('explicit config file wins over defaults', async () => {
  const file = path.join(dir, 'drift.json');
  await writeFile(file, JSON.stringify({projectId: 4242, packageName: 'web-dist'}));
  const cfg = await loadConfig(file);
  assert.is(cfg.projectId, 4242);
  assert.is(cfg.packageName, 'web-dist');
});

test('environment overrides the file', async () => {
  const file = path.join(dir, 'drift.json');
  await writeFile(file, JSON.stringify({projectId: 1}));
  process.env.DRIFT_PROJECT_ID = '77';
  const cfg = await loadConfig(file);
  assert.is(cfg.projectId, 77);
});

test('missing project id is an error', async () => {
  try {
    await loadConfig(path.join(dir, 'absent.json'));
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.instance(err, Error);
    assert.match((err as Error).message, /projectId/);
  }
});

test('expandHome leaves absolute paths alone', () => {
  assert.is(expandHome('/home/alice/artifacts'), '/home/alice/artifacts');
});

test('loads a config with a proxy', async () => {
  const file = path.join(dir, 'drift.json');
  await writeFile(file, JSON.stringify({projectId: 9, proxy: 'http://proxy.internal:3128'}));
  await loadConfig(file);
});

test.run();
