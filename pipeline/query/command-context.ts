// What every analytics command needs from its flags: the config, the KB directory, number flags.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Io, Values } from "../cli/command";
import { loadConfig } from "../cli/load-config";
import type { Config } from "../core/config";
import { InputError, UsageError } from "../core/errors";
import type { KbDb, KbFile } from "./open-kb";

export interface CommandContext {
  config: Config;
  kbDir: string;
}

/** --config and --kb (default: config `kb`, relative to the working directory). A named KB must exist. */
export function commandContext(values: Values, io: Io): CommandContext {
  const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd });
  const named = values.kb as string | undefined;
  const kbDir = resolve(io.cwd, named ?? config.kb);
  if (named && (!existsSync(kbDir) || !statSync(kbDir).isDirectory())) throw new InputError(`KB directory not found: ${named}`);
  return { config, kbDir };
}

/** A positive integer flag, or undefined when absent. */
export function intFlag(values: Values, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer (got '${String(v)}')`);
  return n;
}

const NOUN: Record<KbFile, string> = { reviews: "review rows", trust: "trust rows", runs: "run rows", audits: "audit rows" };

/** One stderr line per KB file whose views left lines out, so a figure never silently drops rows. */
export async function warnSkipped(db: KbDb, io: Io, files: KbFile[]): Promise<void> {
  for (const s of await db.skipped(files)) {
    if (!s.json && !s.row) continue;
    const why = [s.json ? `${s.json} not valid JSON` : "", s.row ? `${s.row} not valid ${NOUN[s.file]}` : ""].filter(Boolean).join(", ");
    io.err(`scrum: warning: ${s.path}: ${s.json + s.row} line(s) skipped (${why}): torn appends or rows the schema rejects\n`);
  }
}
