#!/usr/bin/env node
import { boolean, command, flag, number, option, optional, positional, run, string, subcommands } from 'cmd-ts';
import { makeWorkerUtils, run as runWorker, parseCronItems } from 'graphile-worker';
import pino from 'pino';

import { loadConfig } from './config.js';
import { createMailer } from './mailer.js';
import { assertOperator } from './operator.js';
import { CRONTAB, buildTaskList } from './tasks/index.js';

const log = pino({ name: 'jobs' });

const worker = command({
  name: 'worker',
  description: 'Run the job worker until SIGTERM',
  args: {
    concurrency: option({ type: optional(number), long: 'concurrency', short: 'c' }),
    insecure: flag({ type: boolean, long: 'insecure', description: 'Do not verify the SMTP certificate (local dev only)' }),
  },
  handler: async ({ concurrency, insecure }) => {
    const config = loadConfig();
    if (insecure) log.warn('SMTP certificate verification disabled by --insecure');
    const mailer = createMailer(config, { insecure });
    const runner = await runWorker({
      connectionString: config.connectionString,
      concurrency: concurrency ?? config.concurrency,
      taskList: buildTaskList(config, mailer),
      parsedCronItems: parseCronItems([]),
      crontab: CRONTAB,
      noHandleSignals: false,
    });
    await runner.promise;
  },
});

const enqueue = command({
  name: 'enqueue',
  description: 'Add a job to the queue',
  args: {
    task: positional({ type: string, displayName: 'task' }),
    payload: option({ type: string, long: 'payload', defaultValue: () => '{}' }),
    runAt: option({ type: optional(string), long: 'run-at' }),
  },
  handler: async ({ task, payload, runAt }) => {
    const utils = await makeWorkerUtils({ connectionString: loadConfig().connectionString });
    try {
      const job = await utils.addJob(task, JSON.parse(payload), { runAt: runAt ? new Date(runAt) : undefined });
      log.info({ id: job.id, task }, 'job enqueued');
    } finally {
      await utils.release();
    }
  },
});

const requeue = command({
  name: 'requeue',
  description: 'Reset permanently failed jobs so they run again',
  args: {
    token: option({ type: optional(string), long: 'token', env: 'JOBS_OPERATOR_TOKEN_INPUT' }),
    task: option({ type: string, long: 'task' }),
  },
  handler: async ({ token, task }) => {
    assertOperator(token);
    const utils = await makeWorkerUtils({ connectionString: loadConfig().connectionString });
    try {
      await utils.withPgClient((c) =>
        c.query('UPDATE graphile_worker.jobs SET attempts = 0, last_error = NULL WHERE task_identifier = $1 AND attempts >= max_attempts', [task]),
      );
    } finally {
      await utils.release();
    }
  },
});

const purge = command({
  name: 'purge',
  description: 'Delete all queued and failed jobs for a task',
  args: {
    task: option({ type: string, long: 'task' }),
    dryRun: flag({ type: boolean, long: 'dry-run', description: 'Only print how many jobs would be deleted' }),
  },
  handler: async ({ task }) => {
    const utils = await makeWorkerUtils({ connectionString: loadConfig().connectionString });
    try {
      const res = await utils.withPgClient((c) =>
        c.query('DELETE FROM graphile_worker.jobs WHERE task_identifier = $1', [task]),
      );
      log.warn({ task, deleted: res.rowCount }, 'jobs purged');
    } finally {
      await utils.release();
    }
  },
});

const app = subcommands({
  name: 'jobs',
  description: 'Background job runner',
  cmds: { worker, enqueue, requeue, purge },
});

run(app, process.argv.slice(2)).catch((err) => {
  log.error({ err }, 'command failed');
  process.exitCode = 1;
});
