#!/usr/bin/env node
import {cac} from 'cac';
import pc from 'picocolors';
import {loadConfig} from './config.js';
import {RegistryClient} from './client.js';
import {requireOperator} from './guard.js';
import {configureProxy} from './net.js';
import {pull, push, prune} from './sync.js';

const cli = cac('drift');

cli
  .option('--config <file>', 'Path to drift.json')
  .option('--insecure', 'Skip TLS verification (self-hosted GitLab with private CA)')
  .option('--proxy <url>', 'HTTPS proxy to use for registry calls');

cli
  .command('push <dir>', 'Upload a directory as a package version')
  .option('--package <name>', 'Package name in the registry')
  .option('--version <semver>', 'Package version')
  .option('--exclude <glob>', 'Glob of files to leave out (repeatable)')
  .option('--concurrency <n>', 'Parallel uploads', {default: 4})
  .option('--dry-run', 'List files without uploading')
  .action(async (dir: string, options) => {
    const {config, client} = await setup(options);
    const result = await push(client, dir, {
      packageName: options.package ?? config.packageName,
      version: options.version,
      concurrency: Number(options.concurrency),
      dryRun: Boolean(options.dryRun),
    });
    console.log(pc.green(`pushed ${result.files} files (${result.bytes} bytes)`));
  });

cli
  .command('pull <version> [dest]', 'Download a package version')
  .option('--package <name>', 'Package name in the registry')
  .action(async (version: string, dest: string | undefined, options) => {
    const {config, client} = await setup(options);
    await pull(client, options.package ?? config.packageName, version, dest ?? '.');
  });

cli
  .command('prune <keep>', 'Delete all but the newest <keep> versions')
  .option('--package <name>', 'Package name in the registry')
  .action(
    requireOperator(async (keep: string, options) => {
      const {config, client} = await setup(options);
      const removed = await prune(client, options.package ?? config.packageName, Number(keep));
      console.log(pc.yellow(`removed ${removed.length} versions`));
    }),
  );

cli
  .command('destroy <package>', 'Delete a package and every version of it')
  .option('--yes', 'Do not ask for confirmation')
  .action(async (pkg: string, options) => {
    if (!options.yes) {
      console.error(pc.red('refusing to destroy without --yes'));
      process.exitCode = 2;
      return;
    }
    const {client} = await setup(options);
    await client.deletePackage(pkg);
    console.log(pc.red(`destroyed ${pkg}`));
  });

async function setup(options: {config?: string; insecure?: boolean; proxy?: string}) {
  const config = await loadConfig(options.config);
  if (options.proxy ?? config.proxy) {
    configureProxy(options.proxy ?? config.proxy!);
  }
  const client = new RegistryClient({
    baseUrl: config.registryUrl,
    projectId: config.projectId,
    insecure: Boolean(options.insecure),
  });
  return {config, client};
}

cli.help();
cli.version('0.9.3');

try {
  cli.parse(process.argv, {run: false});
  await cli.runMatchedCommand();
} catch (err) {
  console.error(pc.red(err instanceof Error ? err.message : String(err)));
  process.exit(1);
}
