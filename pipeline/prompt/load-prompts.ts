// Load the prompt files (front matter + body) and hash them: the hash is recorded on every row.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../core/errors";

export interface PromptFile {
  name: string;
  version: string;
  body: string;
}

export interface PromptSet {
  name: string;
  /** sha256 over every template that shapes the prompt, so a changed rule of evidence changes the hash. */
  sha256: string;
  preamble: PromptFile;
  answerFormat: PromptFile;
  staticClaims: PromptFile;
  fixwaveCheck: PromptFile;
  /** How the file is fenced as data ({{begin}}/{{end}} are this request's markers). */
  fence: PromptFile;
}

export function parsePromptFile(text: string, path: string): PromptFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new ConfigError(`${path}: prompt file needs front matter (---\\nname: ...\\nversion: ...\\n---)`);
  let meta: Record<string, unknown>;
  try {
    meta = (parseYaml(m[1]!) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${path}: front matter is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (typeof meta.name !== "string" || meta.version === undefined) {
    throw new ConfigError(`${path}: front matter needs name and version`);
  }
  return { name: meta.name, version: String(meta.version), body: m[2]!.trim() };
}

function read(dir: string, file: string): PromptFile {
  const path = join(dir, file);
  if (!existsSync(path)) throw new ConfigError(`prompt file not found: ${path}`);
  return parsePromptFile(readFileSync(path, "utf8"), path);
}

export const PROMPT_NAMES = ["forensic", "soft"] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export function loadPrompts(dir: string, name: string): PromptSet {
  if (!(PROMPT_NAMES as readonly string[]).includes(name)) {
    throw new ConfigError(`unknown prompt '${name}'`, `use one of: ${PROMPT_NAMES.join(", ")}`);
  }
  const preamble = read(dir, `${name}.md`);
  const answerFormat = read(dir, "answer-format.md");
  const staticClaims = read(dir, "static-claims.md");
  const fixwaveCheck = read(dir, "fixwave-check.md");
  const fence = read(dir, "fence.md");
  if (!fence.body.includes("{{begin}}") || !fence.body.includes("{{end}}")) throw new ConfigError(`${join(dir, "fence.md")}: the fence statement must show {{begin}} and {{end}}`);
  const h = createHash("sha256");
  for (const p of [preamble, answerFormat, staticClaims, fixwaveCheck, fence]) h.update(`${p.name}@${p.version}\n${p.body}\n\0`);
  return { name, sha256: h.digest("hex"), preamble, answerFormat, staticClaims, fixwaveCheck, fence };
}
