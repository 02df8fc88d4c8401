// unwired-auth by a weaker check than the peers make: handlers of one module or type whose peers open with one
// access check (`requireAdmin(context)`) where one that changes state opens with another (`requireUser(context)`).
// Which check asks more is read after the scan from the repository's own definitions: a check whose body makes
// the other first (`function requireAdmin(c) { const user = requireUser(c); if (user.role !== "admin") throw .. }`)
// is that check and more, so the odd peer skips what its peers were built to require.
import type { SgNode } from "@ast-grep/napi";
import { languageOf, parseSource } from "../languages";
import type { RuleLanguage } from "../rule-spec";
import type { SourceFile } from "../scan-file";
import { escapeRegExp } from "../syntax";
import { definedNames } from "../test-helpers";
import type { Candidate } from "./unreferenced";

/** Named definitions of each grammar: functions, methods, and TypeScript's functions bound to a name. */
const DEFINITIONS: Partial<Record<RuleLanguage, { kind: string; has?: object }[]>> = {
  typescript: [{ kind: "function_declaration" }, { kind: "method_definition" }, { kind: "variable_declarator", has: { field: "value", any: [{ kind: "arrow_function" }, { kind: "function_expression" }] } }],
  python: [{ kind: "function_definition" }],
  go: [{ kind: "function_declaration" }, { kind: "method_declaration" }],
  rust: [{ kind: "function_item" }],
};

/** The bodies of every walked definition named `name` in files of `lang`. */
function bodiesOf(name: string, lang: RuleLanguage, files: readonly SourceFile[], cache: Map<string, string[]>, defined: Map<string, Set<string>>): string[] {
  const key = `${lang}:${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: string[] = [];
  const kinds = DEFINITIONS[lang];
  if (!kinds) return out;
  for (const f of files) {
    // Only a file whose text defines the name is parsed (most mention a check only to call it).
    if (languageOf(f.path) !== lang) continue;
    let names = defined.get(f.path);
    if (!names) defined.set(f.path, (names = definedNames(f.content)));
    if (!names.has(name)) continue;
    const root = parseSource(f.path, f.content)?.root();
    if (!root) continue;
    for (const fn of root.findAll({ rule: { any: kinds } } as never) as SgNode[]) {
      if ((fn.field("name" as never) as SgNode | null)?.text() !== name) continue;
      const body = (fn.field("body" as never) ?? fn.field("value" as never)) as SgNode | null;
      if (body) out.push(body.text());
    }
  }
  cache.set(key, out);
  return out;
}

/** Does a body call `name` (`name(..)`, `self.name(..)`, `auth::name(..)?`, `name!(..)`)? */
const calls = (body: string, name: string) => new RegExp(`(?<![\\w$])${escapeRegExp(name)}\\s*(?:::\\s*<[^>]*>\\s*)?[(!]`).test(body);

/**
 * The candidates whose check is weaker than their peers': some walked definition of the peers' check calls the
 * candidate's, and no definition of the candidate's calls the peers' (two checks that call each other say nothing
 * about which asks more). A check with no walked definition (a dependency's) decides nothing.
 */
export function weakerChecks<C extends Candidate & { checks?: { weak: string; strong: string } }>(candidates: readonly C[], files: readonly SourceFile[]): Set<C> {
  const out = new Set<C>();
  const cache = new Map<string, string[]>();
  const defined = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (!c.checks || !c.language) continue;
    const { weak, strong } = c.checks;
    const strongBuilds = bodiesOf(strong, c.language, files, cache, defined).some((b) => calls(b, weak));
    if (strongBuilds && !bodiesOf(weak, c.language, files, cache, defined).some((b) => calls(b, strong))) out.add(c);
  }
  return out;
}
