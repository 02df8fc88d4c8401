// Read every rule file under a directory: YAML → RuleSpec, id equal to the file name, ids unique.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../core/errors";
import { RuleSpec } from "./rule-spec";

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...ruleFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Parse one rule file's text; throws ConfigError naming the file and the first problem. */
export function parseRuleText(text: string, path: string): RuleSpec {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = RuleSpec.safeParse(raw ?? {});
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ConfigError(`${path}: ${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`, "see docs/RULES.md");
  }
  const id = basename(path).replace(/\.ya?ml$/, "");
  if (r.data.id !== id) throw new ConfigError(`${path}: id '${r.data.id}' must equal the file name '${id}'`, "see docs/RULES.md");
  return r.data;
}

export function loadRules(rulesDir: string): RuleSpec[] {
  let files: string[];
  try {
    files = ruleFiles(rulesDir);
  } catch (e) {
    throw new ConfigError(`cannot read rules directory ${rulesDir}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!files.length) throw new ConfigError(`no rule files (*.yml) in ${rulesDir}`);
  const seen = new Map<string, string>();
  return files.map((p) => {
    const rule = parseRuleText(readFileSync(p, "utf8"), relative(process.cwd(), p) || p);
    const dup = seen.get(rule.id);
    if (dup) throw new ConfigError(`${p}: rule id '${rule.id}' is also defined in ${dup}`);
    seen.set(rule.id, p);
    return rule;
  });
}
