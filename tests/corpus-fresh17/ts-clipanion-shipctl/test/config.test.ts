import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const tmp: string[] = [];

async function writeConfig(contents: object): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shipctl-test-'));
  tmp.push(dir);
  const file = path.join(dir, 'config.json');
  await fs.writeFile(file, JSON.stringify(contents));
  return file;
}

afterEach(async () => {
  await Promise.all(tmp.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('loadConfig', () => {
  it('falls back to defaults when the file is missing', async () => {
    const cfg = await loadConfig(path.join(os.tmpdir(), 'does-not-exist', 'config.json'));
    expect(cfg.slackChannel).toBe('#releases');
  });

  it('applies file overrides', async () => {
    const cfg = await loadConfig(await writeConfig({ slackChannel: '#deploys', apiUrl: 'https://deploy.staging.acme-corp.io' }));
    expect({ apiUrl: cfg.apiUrl, slackChannel: cfg.slackChannel }).toMatchInlineSnapshot(`
      {
        "apiUrl": "https://deploy.staging.acme-corp.io",
        "slackChannel": "#deploys",
      }
    `);
  });

  it('rejects a malformed file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shipctl-test-'));
    tmp.push(dir);
    await fs.writeFile(path.join(dir, 'config.json'), '{not json');
    await expect(loadConfig(path.join(dir, 'config.json'))).rejects.toThrow(/could not read/);
  });
});
