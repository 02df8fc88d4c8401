// Policy as data, one spec per YAML file: read every *.yml / *.yaml under a directory (sorted, recursive),
// validate each with its zod schema, require id = file name and unique ids. Rules and mutation
// operators both load this way; a bad file is a one-line ConfigError naming it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { ConfigError } from "./errors";

export interface SpecKind<T extends { id: string }> {
  schema: z.ZodType<T>;
  /** "rule", "operator": used in "rule id 'x' is also defined in ...". */
  noun: string;
  /** "rules directory", "no rule files": the messages about the directory. */
  dirNoun: string;
  emptyNoun: string;
  hint: string;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Parse and validate one file's text; throws ConfigError naming the file and the first problem. */
export function parseSpecText<T extends { id: string }>(kind: SpecKind<T>, text: string, path: string): T {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = kind.schema.safeParse(raw ?? {});
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ConfigError(`${path}: ${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`, kind.hint);
  }
  const id = basename(path).replace(/\.ya?ml$/, "");
  if (r.data.id !== id) throw new ConfigError(`${path}: id '${r.data.id}' must equal the file name '${id}'`, kind.hint);
  return r.data;
}

/** Every spec under dir, with the path it came from (relative to the working directory when shorter). */
export function loadSpecFiles<T extends { id: string }>(kind: SpecKind<T>, dir: string): { spec: T; where: string }[] {
  let files: string[];
  try {
    files = yamlFiles(dir);
  } catch (e) {
    throw new ConfigError(`cannot read ${kind.dirNoun} ${dir}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!files.length) throw new ConfigError(`no ${kind.emptyNoun} (*.yml) in ${dir}`);
  const seen = new Map<string, string>();
  return files.map((p) => {
    const where = relative(process.cwd(), p) || p;
    const spec = parseSpecText(kind, readFileSync(p, "utf8"), where);
    const dup = seen.get(spec.id);
    if (dup) throw new ConfigError(`${p}: ${kind.noun} id '${spec.id}' is also defined in ${dup}`);
    seen.set(spec.id, p);
    return { spec, where };
  });
}
