// Find, parse and validate scrum.config.yaml; a bad key names its path and what was expected (exit 2).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { Config } from "../core/config";
import { ConfigError } from "../core/errors";

export const CONFIG_NAME = "scrum.config.yaml";
/** The scrum install root (where prompts/ and the shipped default config live). */
export const INSTALL_ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..", "..");

export interface LoadedConfig {
  config: Config;
  path: string;
  /** Where it came from: a swept repository's own config is not trusted with keys and endpoints. */
  source: "explicit" | "cwd" | "repo" | "shipped";
}

export const SHIPPED_CONFIG = join(INSTALL_ROOT, CONFIG_NAME);

/** Objects merge key by key; arrays and scalars replace (a user's ladder replaces the shipped one). */
export function mergeConfig(base: unknown, over: unknown): unknown {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeConfig(base[k], v);
  return out;
}

// Environment variables a repository's own config may name as API keys: the ones scrum documents.
const TRUSTED_KEY_ENVS = /^(OLLAMA_API_KEY|OPENAI_API_KEY|SCRUM_[A-Z0-9_]+)$/;

/**
 * A config found in the swept repository (not the working directory, not --config) was written by
 * whoever controls that repository: it may not read arbitrary secrets from the environment, turn
 * redaction off, or move the KB, prompts or rules. Returns the first offending key, or null.
 */
export function untrustedKey(raw: unknown): string | null {
  const r = (raw ?? {}) as Record<string, any>;
  for (const [name, rungs] of Object.entries(r.ladders ?? {})) {
    if (!Array.isArray(rungs)) continue;
    for (const [i, rung] of rungs.entries()) {
      if (rung?.apiKeyEnv !== undefined && !TRUSTED_KEY_ENVS.test(String(rung.apiKeyEnv))) return `ladders.${name}.${i}.apiKeyEnv (${rung.apiKeyEnv})`;
    }
  }
  if (r.redaction?.remote === false) return "redaction.remote: false";
  for (const k of ["kb", "prompt.dir", "static.rulesDir"]) {
    const [a, b] = k.split(".");
    if ((b ? r[a!]?.[b] : r[a!]) !== undefined) return k;
  }
  return null;
}

/** Order: --config FILE, then the working directory, then the swept repository root, then the shipped default. */
export function findConfig(opts: { explicit?: string; cwd: string; repo?: string }): { path: string; source: LoadedConfig["source"] } {
  if (opts.explicit) {
    const p = resolve(opts.cwd, opts.explicit);
    if (!existsSync(p)) throw new ConfigError(`config file not found: ${opts.explicit}`);
    return { path: p, source: "explicit" };
  }
  const inCwd = join(resolve(opts.cwd), CONFIG_NAME);
  if (existsSync(inCwd)) return { path: inCwd, source: inCwd === SHIPPED_CONFIG ? "shipped" : "cwd" };
  if (opts.repo) {
    const inRepo = join(resolve(opts.repo), CONFIG_NAME);
    if (existsSync(inRepo)) return { path: inRepo, source: inRepo === SHIPPED_CONFIG ? "shipped" : "repo" };
  }
  return { path: SHIPPED_CONFIG, source: "shipped" };
}

export function formatZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.join(".") : "(top level)";
  return `${path}: ${issue.message}`;
}

function readYaml(text: string, path: string): unknown {
  let doc;
  try {
    // logLevel "silent": the parser's warnings (unknown tags, directives) become errors here, never stderr noise.
    doc = parseDocument(text, { logLevel: "silent" });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new ConfigError(`${path}: not valid YAML: ${msg}`);
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new ConfigError(`${path}: not valid YAML: ${problem.message.split("\n")[0]}`);
  try {
    return doc.toJS() ?? {};
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** Validate a config text; with `base`, the text is merged over it first (a user config over the shipped one). */
export function parseConfigText(text: string, path: string, base?: unknown): Config {
  const raw = readYaml(text, path);
  const r = Config.safeParse(base === undefined ? raw : mergeConfig(base, raw));
  if (!r.success) {
    const issues = r.error.issues;
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
    throw new ConfigError(`${path}: ${formatZodIssue(issues[0]!)}${more}`, "see docs/CONFIGURATION.md");
  }
  return r.data;
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(`cannot read config ${path}: ${(e as Error).message}`);
  }
}

/** Find and validate the config; a user's file only states what it changes from the shipped defaults. */
export function loadConfig(opts: { explicit?: string; cwd: string; repo?: string }): LoadedConfig {
  const { path, source } = findConfig(opts);
  const text = readText(path);
  if (source === "repo") {
    const bad = untrustedKey(readYaml(text, path));
    if (bad) throw new ConfigError(`${path}: ${bad} is not trusted from the swept repository's own config`, `pass it with --config ${path} to trust it`);
  }
  const base = source === "shipped" ? undefined : readYaml(readText(SHIPPED_CONFIG), SHIPPED_CONFIG);
  return { config: parseConfigText(text, path, base), path, source };
}
