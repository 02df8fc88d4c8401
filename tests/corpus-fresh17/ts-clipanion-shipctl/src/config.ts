import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ShipConfig {
  apiUrl: string;
  registryUrl: string;
  registryToken: string;
  slackToken: string;
  slackChannel: string;
  artifactsDir: string;
  cacheDir: string;
  telemetryKey: string;
}

export const CONFIG_PATH = path.join(os.homedir(), '.config', 'shipctl', 'config.json');

// Project key for the public ingestion endpoint; safe to embed in clients.
const POSTHOG_PROJECT_KEY = 'phc_Zt8yQmR3vKx1LwN5pB7cF2sD9gH4jA6eU0iO3nM8tY1';

export async function loadConfig(file: string = CONFIG_PATH): Promise<ShipConfig> {
  let overrides: Partial<ShipConfig> = {};
  try {
    overrides = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<ShipConfig>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`could not read ${file}: ${(err as Error).message}`);
    }
    // no config file yet: defaults and environment apply
  }

  return {
    apiUrl: process.env.SHIPCTL_API_URL ?? overrides.apiUrl ?? 'https://deploy.acme-corp.io',
    registryUrl: overrides.registryUrl ?? 'https://registry.acme-corp.io/npm/',
    registryToken: process.env.SHIPCTL_REGISTRY_TOKEN ?? overrides.registryToken ?? 'npm_Qx7vT2mB9kLwR4sZp8YcH1nJ6dFa3GeU0iKo',
    slackToken: process.env.SLACK_BOT_TOKEN ?? 'xoxb-4821937465-6019283746512-Hq3ZrT8vLm2PxK9wNc5YbD1s',
    slackChannel: overrides.slackChannel ?? '#releases',
    artifactsDir: process.env.SHIPCTL_ARTIFACTS_DIR ?? overrides.artifactsDir ?? '/home/rgupta/work/shipctl/dist-artifacts',
    cacheDir: path.join(os.tmpdir(), 'shipctl-cache'),
    telemetryKey: POSTHOG_PROJECT_KEY,
  };
}
