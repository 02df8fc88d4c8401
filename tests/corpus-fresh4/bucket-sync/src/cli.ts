#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runSync } from './commands/sync.js';
import { login } from './commands/login.js';
import { restoreSnapshot } from './commands/restore.js';
import { startAgent } from './agent/server.js';

const program = new Command();

program
  .name('bucket-sync')
  .description('Mirror local directories to S3-compatible object storage')
  .version('0.14.0')
  .option('--endpoint <url>', 'object storage endpoint', process.env.BUCKET_SYNC_ENDPOINT ?? 'https://s3.amazonaws.com')
  .addOption(
    new Option('--insecure', 'skip TLS verification (only for a local MinIO with a self-signed cert)').default(false),
  );

program
  .command('sync')
  .argument('<source>', 'local directory')
  .argument('<dest>', 's3://bucket/prefix')
  .option('-n, --dry-run', 'print what would be uploaded without uploading', false)
  .option('--delete', 'remove remote objects that no longer exist locally', false)
  .option('-c, --concurrency <n>', 'parallel uploads', (v) => parseInt(v, 10), 8)
  .action(async (source: string, dest: string, opts, cmd: Command) => {
    const globals = cmd.optsWithGlobals();
    const summary = await runSync(source, dest, { ...opts, endpoint: globals.endpoint, insecure: globals.insecure });
    console.log(`uploaded ${summary.uploaded}, skipped ${summary.skipped}, deleted ${summary.deleted}`);
  });

program
  .command('login')
  .requiredOption('--access-key <id>')
  .requiredOption('--secret-key <secret>')
  .action(async (opts) => login(opts));

program
  .command('restore')
  .argument('<snapshot>')
  .argument('<target>')
  .action(async (snapshot: string, target: string) => restoreSnapshot(snapshot, target));

program
  .command('agent')
  .option('-p, --port <port>', 'listen port', (v) => parseInt(v, 10), 7465)
  .action(async ({ port }) => startAgent(port));

program.parseAsync(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
