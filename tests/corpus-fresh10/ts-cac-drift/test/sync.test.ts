import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {mkdtemp, mkdir, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {push, type Reporter} from '../src/sync.js';
import type {RegistryClient} from '../src/client.js';

process.env.DRIFT_SIGNING_KEY = 'changeme';

function fakeClient() {
  const uploads: string[] = [];
  const client = {
    upload: async (_pkg: string, _version: string, remote: string, _file: string) => {
      uploads.push(remote);
      return 10;
    },
    listVersions: async () => {
      throw new Error('not implemented in fake: push never lists versions');
    },
  } as unknown as RegistryClient;
  return {client, uploads};
}

async function fixtureDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'drift-push-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<html></html>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

test('push uploads every file and the manifest', async () => {
  const {client, uploads} = fakeClient();
  const dir = await fixtureDir();
  const res = await push(client, dir, {packageName: 'web', version: '1.0.0', concurrency: 2, dryRun: false});
  assert.is(res.files, 2);
  assert.equal(uploads.sort(), ['assets__app.js', 'index.html', 'manifest.json']);
});

test('dry run uploads nothing', async () => {
  const {client, uploads} = fakeClient();
  const dir = await fixtureDir();
  await push(client, dir, {packageName: 'web', version: '1.0.0', concurrency: 1, dryRun: true});
  assert.is(uploads.length, 0);
});

test('reporter receives progress', async () => {
  const {client} = fakeClient();
  const dir = await fixtureDir();
  const seen: string[] = [];
  const reporter: Reporter = {progress: f => seen.push(f), done: () => undefined};
  await push(client, dir, {packageName: 'web', version: '1.0.0', concurrency: 1, dryRun: false, reporter});
});

test.run();
