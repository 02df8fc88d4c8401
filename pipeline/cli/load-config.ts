// Find, parse and validate scrum.config.yaml; a bad key names its path and what was expected (exit 2).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { Config } from "../core/config";
import { ConfigError } from "../core/errors";

export const CONFIG_NAME = "scrum.config.yaml";
/** The scrum install root (where prompts/ and the shipped default config live). */
export const INSTALL_ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..", "..");

export interface LoadedConfig {
  config: Config;
  path: string;
}

/** Order: --config FILE, then the working directory, then the swept repository root, then the shipped default. */
export function findConfig(opts: { explicit?: string; cwd: string; repo?: string }): string {
  if (opts.explicit) {
    const p = resolve(opts.cwd, opts.explicit);
    if (!existsSync(p)) throw new ConfigError(`config file not found: ${opts.explicit}`);
    return p;
  }
  for (const dir of [opts.cwd, opts.repo].filter(Boolean) as string[]) {
    const p = join(resolve(dir), CONFIG_NAME);
    if (existsSync(p)) return p;
  }
  return join(INSTALL_ROOT, CONFIG_NAME);
}

export function formatZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.join(".") : "(top level)";
  return `${path}: ${issue.message}`;
}

export function parseConfigText(text: string, path: string): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new ConfigError(`${path}: not valid YAML: ${msg}`);
  }
  const r = Config.safeParse(raw ?? {});
  if (!r.success) {
    const issues = r.error.issues;
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
    throw new ConfigError(`${path}: ${formatZodIssue(issues[0]!)}${more}`, "see docs/CONFIGURATION.md");
  }
  return r.data;
}

export function loadConfig(opts: { explicit?: string; cwd: string; repo?: string }): LoadedConfig {
  const path = findConfig(opts);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(`cannot read config ${path}: ${(e as Error).message}`);
  }
  return { config: parseConfigText(text, path), path };
}
