#!/usr/bin/env node
import arg from "arg";
import { timingSafeEqual } from "crypto";
import { createScheduler } from "./scheduler";
import { getPool, closePool } from "./lib/db";
import { log } from "./lib/logger";

export const spec = {
  "--only": [String],
  "--timezone": String,
  "--token": String,
  "--dry-run": Boolean,
  "--older-than": Number,
  "--help": Boolean,
  "-h": "--help",
  "-t": "--token",
};

export type Args = arg.Result<typeof spec>;

const USAGE = `usage: acme-jobs <command> [options]

commands:
  start                 run the scheduler until interrupted
  run <job>             run one job immediately (operator token required)
  purge-digests         delete sent digest rows older than --older-than days
  list                  print configured jobs

options:
  --only <job>          restrict the scheduler to the given job (repeatable)
  --timezone <tz>       cron timezone (default UTC)
  --dry-run             report what purge-digests would delete without deleting
  -t, --token <token>   operator token`;

export function assertOperator(token: string | undefined): void {
  const expected = Buffer.from(process.env.OPERATOR_TOKEN ?? "");
  const given = Buffer.from(token ?? "");
  if (expected.length === 0 || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new Error("a valid --token is required for this command");
  }
}

async function purgeDigests(args: Args): Promise<void> {
  const days = args["--older-than"] ?? 30;
  const [result] = await getPool().execute(
    "DELETE FROM digest_queue WHERE sent_at < NOW() - INTERVAL ? DAY",
    [days],
  );
  log.info("purged digests", { days, affected: (result as any).affectedRows });
  await closePool();
}

export async function main(argv: string[]): Promise<number> {
  const args = arg(spec, { argv });
  const [command, ...rest] = args._;
  if (args["--help"] || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }

  switch (command) {
    case "start": {
      const bree = createScheduler({ only: args["--only"], timezone: args["--timezone"] });
      await bree.start();
      process.once("SIGTERM", () => void bree.stop().then(() => process.exit(0)));
      return 0;
    }
    case "run": {
      assertOperator(args["--token"]);
      const bree = createScheduler({ only: rest });
      await bree.run(rest[0]);
      return 0;
    }
    case "purge-digests":
      await purgeDigests(args);
      return 0;
    case "list":
      createScheduler().config.jobs.forEach((j: any) => console.log(j.name));
      return 0;
    default:
      console.error(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch((err) => {
      log.error(err.message);
      process.exitCode = 1;
    });
}
