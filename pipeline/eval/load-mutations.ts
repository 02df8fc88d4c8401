// Read every mutation operator under a directory (prompts/mutations/<lang>/<id>.yml) and compile it for
// ast-grep; a bad file stops with a one-line ConfigError naming it.
import type { NapiConfig } from "@ast-grep/napi";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../core/errors";
import { compileRule } from "../rules/compile-rule";
import { EXAMPLE_FILE, parseSource } from "../rules/languages";
import type { RuleSpec } from "../rules/rule-spec";
import { MutationSpec } from "./mutation-spec";

export interface MutationOperator {
  spec: MutationSpec;
  matcher: NapiConfig;
  prefilter: RegExp | null;
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

/** Parse and validate one operator file's text; the id must equal the file name. */
export function parseMutationText(text: string, path: string): MutationSpec {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = MutationSpec.safeParse(raw ?? {});
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ConfigError(`${path}: ${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`, "see docs/EVAL.md");
  }
  const id = basename(path).replace(/\.ya?ml$/, "");
  if (r.data.id !== id) throw new ConfigError(`${path}: id '${r.data.id}' must equal the file name '${id}'`, "see docs/EVAL.md");
  return r.data;
}

/** Compile one operator; an ast-grep rule that does not compile is a ConfigError. */
/**
 * ast-grep recompiles a rule on every findAll, and Unicode regexes make that costly; the floor's compiler
 * turns them into ASCII mode where it can (compile-rule.ts). Rewriters get the same treatment.
 */
function asciiMatcher(language: MutationSpec["language"], rule: Record<string, unknown>, constraints?: Record<string, unknown>, utils?: Record<string, unknown>): NapiConfig {
  return compileRule({ id: "mutation", language, rule, constraints, utils } as unknown as RuleSpec).matcher!;
}

export function compileOperator(raw: MutationSpec, where = raw.id): MutationOperator {
  const matcher = asciiMatcher(raw.language, raw.rule, raw.constraints, raw.utils);
  const spec: MutationSpec = { ...raw, rewriters: raw.rewriters?.map((rw) => ({ ...rw, rule: asciiMatcher(raw.language, rw.rule).rule as Record<string, unknown> })), utils: matcher.utils as MutationSpec["utils"] };
  try {
    parseSource(EXAMPLE_FILE[spec.language], "")!.root().findAll(matcher);
    for (const rw of spec.rewriters ?? []) parseSource(EXAMPLE_FILE[spec.language], "")!.root().findAll({ rule: rw.rule, utils: spec.utils } as NapiConfig);
  } catch (e) {
    throw new ConfigError(`mutation ${where}: ast-grep cannot compile it: ${(e as Error).message.split("\n")[0]}`, "see docs/EVAL.md");
  }
  let prefilter: RegExp | null = null;
  try {
    prefilter = spec.prefilter ? new RegExp(spec.prefilter, "i") : null;
  } catch (e) {
    throw new ConfigError(`mutation ${where}: prefilter is not a valid regex: ${(e as Error).message}`);
  }
  return { spec, matcher, prefilter };
}

export function loadMutations(dir: string): MutationOperator[] {
  let files: string[];
  try {
    files = yamlFiles(dir);
  } catch (e) {
    throw new ConfigError(`cannot read mutations directory ${dir}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!files.length) throw new ConfigError(`no mutation operators (*.yml) in ${dir}`);
  const seen = new Map<string, string>();
  return files.map((p) => {
    const where = relative(process.cwd(), p) || p;
    const spec = parseMutationText(readFileSync(p, "utf8"), where);
    const dup = seen.get(spec.id);
    if (dup) throw new ConfigError(`${p}: operator id '${spec.id}' is also defined in ${dup}`);
    seen.set(spec.id, p);
    return compileOperator(spec, where);
  });
}
