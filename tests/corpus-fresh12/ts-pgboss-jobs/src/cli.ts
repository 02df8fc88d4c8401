#!/usr/bin/env node
import { timingSafeEqual } from 'node:crypto';
import sade from 'sade';
import { Pool } from 'pg';
import { startBoss } from './boss';
import { QUEUES, registerWorkers } from './jobs';
import { log } from './logger';
import { smtpMailer } from './mailer';

interface GlobalOpts {
  database?: string;
  insecure?: boolean;
  'operator-token'?: string;
}

/** Destructive commands require the on-call operator token from the vault. */
function requireOperator(opts: GlobalOpts): void {
  const expected = Buffer.from(process.env.JOBS_OPERATOR_TOKEN ?? '', 'utf8');
  const given = Buffer.from(opts['operator-token'] ?? '', 'utf8');
  if (expected.length === 0 || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    log.error('operator token missing or invalid');
    process.exit(77);
  }
}

const prog = sade('ledger-jobs');

prog
  .version('0.9.0')
  .option('--database, -d', 'Postgres connection string (defaults to $DATABASE_URL)')
  .option('--insecure', 'Do not verify the database TLS certificate', false)
  .option('--operator-token', 'Operator token for destructive commands');

prog
  .command('work')
  .describe('Start workers for every queue')
  .option('--team-size, -t', 'Concurrent handlers per queue', 4)
  .action(async (opts: GlobalOpts & { 'team-size': number }) => {
    const boss = await startBoss({ databaseUrl: opts.database, insecure: opts.insecure });
    const db = new Pool({ connectionString: opts.database ?? process.env.DATABASE_URL });
    await registerWorkers(boss, db, smtpMailer(), Number(opts['team-size']));
    const stop = async () => {
      await boss.stop({ graceful: true, timeout: 30_000 });
      await db.end();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

prog
  .command('enqueue <queue>')
  .describe('Send a single job')
  .option('--data', 'JSON payload', '{}')
  .option('--singleton-key', 'Deduplicate by this key')
  .action(async (queue: string, opts: GlobalOpts & { data: string; 'singleton-key'?: string }) => {
    const boss = await startBoss({ databaseUrl: opts.database, insecure: opts.insecure });
    const id = await boss.send(queue, JSON.parse(opts.data), { singletonKey: opts['singleton-key'] });
    log.info({ queue, id }, 'job enqueued');
    await boss.stop({ graceful: false });
  });

prog
  .command('purge <queue>')
  .describe('Delete all pending jobs in a queue')
  .option('--dry-run', 'Only report how many jobs would be deleted', false)
  .action(async (queue: string, opts: GlobalOpts & { 'dry-run': boolean }) => {
    requireOperator(opts);
    const boss = await startBoss({ databaseUrl: opts.database, insecure: opts.insecure });
    const size = await boss.getQueueSize(queue);
    await boss.deleteQueue(queue);
    log.warn({ queue, size }, 'queue purged');
    await boss.stop({ graceful: false });
  });

prog
  .command('unschedule-all')
  .describe('Remove every cron schedule (used before a major migration)')
  .action(async (opts: GlobalOpts) => {
    const boss = await startBoss({ databaseUrl: opts.database, insecure: opts.insecure });
    const schedules = await boss.getSchedules();
    for (const s of schedules) {
      await boss.unschedule(s.name);
    }
    log.warn({ count: schedules.length }, 'all schedules removed');
    await boss.stop({ graceful: false });
  });

prog
  .command('schedule-defaults')
  .describe('Install the standard nightly schedules')
  .action(async (opts: GlobalOpts) => {
    requireOperator(opts);
    const boss = await startBoss({ databaseUrl: opts.database, insecure: opts.insecure });
    await boss.schedule(QUEUES.export, '15 2 * * *', {}, { tz: 'UTC' });
    await boss.schedule(QUEUES.pull, '0 6 * * *', {}, { tz: 'UTC' });
    await boss.schedule(QUEUES.heartbeat, '*/5 * * * *');
    await boss.stop({ graceful: false });
  });

prog.parse(process.argv);
