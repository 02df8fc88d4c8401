// What every analytics command needs from its flags: the config, the KB directory, number flags.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Io, Values } from "../cli/command";
import { loadConfig } from "../cli/load-config";
import type { Config } from "../core/config";
import { InputError, UsageError } from "../core/errors";

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
