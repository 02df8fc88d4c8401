// The deterministic forensic floor: rule files (data) run with ast-grep over TS/JS, Python, Rust and Go.
import type { SgNode } from "@ast-grep/napi";
import { ConfigError } from "../core/errors";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { secretlintHits } from "./checks/secretlint";
import { type Hit, param, regionOf } from "./checks/hit";
import { type AssertionContext, noAssertion } from "./checks/no-assertion";
import { secretLiteral } from "./checks/secret-literal";
import { type Candidate, unreferenced } from "./checks/unreferenced";
import { unusedParameters } from "./checks/unused-parameter";
import { matchesAny } from "./glob";
import { EXAMPLE_FILE, languageOf, parseSource } from "./languages";
import { loadRules } from "./load-rules";
import { compileRule, type CompiledRule } from "./compile-rule";
import { toFinding } from "./to-finding";
import type { RuleSpec } from "./rule-spec";
import { textLevel } from "./text-level";

export interface SourceFile { path: string; content: string }

export interface Floor {
  rules: RuleSpec[];
  /**
   * All walked files at once (repo-relative posix paths), so cross-file rules see every reference. `texts`
   * (Markdown, YAML, ...) are read by the text-level rules only, never as references.
   */
  scan(files: SourceFile[], texts?: SourceFile[]): Map<string, StaticFinding[]>;
}

/** A finding on this line or the line above carrying `scrum-ignore` is dropped (same idea as eslint-disable-next-line). */
const SUPPRESS = /scrum-ignore\b/;

function capture(node: SgNode, name: unknown): SgNode | null {
  return typeof name === "string" ? node.getMatch(name.replace(/^\$/, "")) : null;
}

interface Pending { rule: RuleSpec; candidate: Candidate; hit: Hit; lines: string[] }

function runRule(compiled: CompiledRule, file: SourceFile, root: SgNode, lines: string[], actx: AssertionContext, pending: Pending[]): Hit[] {
  const rule = compiled.spec;
  const check = rule.check;
  if (check?.name === "secretlint") return secretlintHits(file.path, file.content);
  const hits: Hit[] = [];
  for (const node of root.findAll(compiled.matcher!)) {
    const region = (rule.report && capture(node, rule.report)) || node;
    if (!check) { hits.push({ region: regionOf(region) }); continue; }
    const lang = rule.language;
    if (check.name === "unused-parameter") hits.push(...unusedParameters(node, lang, check));
    else if (check.name === "no-assertion") hits.push(...noAssertion(node, capture(node, check.body) ?? (node.field("body" as never) as SgNode | null), lang, check, actx));
    else if (check.name === "secret-literal") hits.push(...secretLiteral(capture(node, param(check, "capture", "$VAL")), check));
    else if (check.name === "unreferenced") {
      const nameNode = capture(node, param(check, "capture", "$NAME"));
      if (!nameNode) continue;
      const line = nameNode.range().start.line;
      const above = lines.slice(Math.max(0, line - 3), line).join("\n");
      const suppressed = new RegExp(param(check, "suppressions", "(?!)")).test(above);
      pending.push({
        rule, lines,
        candidate: { name: nameNode.text(), file: file.path, line, referenceIgnores: param<string[]>(check, "referenceIgnores", []), language: rule.language },
        hit: { region: regionOf(nameNode), message: `${rule.message}${suppressed ? " (hidden behind a dead-code suppression)" : ""}` },
      });
    }
  }
  return hits;
}

export function createFloor(rules: RuleSpec[]): Floor {
  const text = textLevel(rules);
  const compiled = text.others.map(compileRule);
  return {
    rules,
    scan(files, texts = []) {
      const out = new Map<string, StaticFinding[]>();
      const pending: Pending[] = [];
      const add = (f: StaticFinding, lines: string[]) => {
        if (SUPPRESS.test(lines[f.line - 1] ?? "") || SUPPRESS.test(lines[f.line - 2] ?? "")) return;
        const list = out.get(f.file) ?? [];
        if (list.some((g) => g.class === f.class && g.line === f.line)) return;
        list.push(f);
        out.set(f.file, list);
      };
      // Text-level rules (prompt injection, hidden Unicode): no lines given, so no scrum-ignore: the text
      // under review may not vouch for itself. A code file's parse is shared with the syntax-tree rules.
      const textScan = text.begin([...files, ...texts]);
      for (const file of texts) for (const f of textScan(file)) add(f, []);
      for (const file of files) {
        for (const f of textScan(file)) add(f, []);
        const lang = languageOf(file.path);
        if (!lang) continue;
        const active = compiled.filter(({ spec: r, prefilter }) =>
          r.language === lang && (!r.files || matchesAny(file.path, r.files)) && !matchesAny(file.path, r.ignores) && (!prefilter || prefilter.test(file.content)));
        if (!active.length) continue;
        const parsed = parseSource(file.path, file.content);
        if (!parsed) continue;
        const root = parsed.root();
        const lines = file.content.split("\n");
        const actx: AssertionContext = { root, lines };
        for (const c of active) {
          const rule = c.spec;
          let hits: Hit[];
          try {
            hits = runRule(c, file, root, lines, actx, pending);
          } catch (e) {
            throw new ConfigError(`rule ${rule.id} failed on ${file.path}: ${(e as Error).message.split("\n")[0]}`, "fix the rule file; see docs/RULES.md");
          }
          for (const hit of hits) add(toFinding(rule, file.path, lines, hit), lines);
        }
      }
      const unwired = new Set(unreferenced(pending.map((p) => p.candidate), files));
      for (const p of pending) if (unwired.has(p.candidate)) add(toFinding(p.rule, p.candidate.file, p.lines, p.hit), p.lines);
      for (const list of out.values()) list.sort((a, b) => a.line - b.line || a.rule_id.localeCompare(b.rule_id));
      return out;
    },
  };
}

/** Load and compile every rule under rulesDir (absolute); a bad rule file is a ConfigError naming it. */
export function loadFloor(rulesDir: string): Floor {
  const rules = loadRules(rulesDir);
  for (const rule of rules) {
    if (!rule.rule) continue;
    try {
      if (rule.prefilter) new RegExp(rule.prefilter, "i");
      parseSource(EXAMPLE_FILE[rule.language], "")!.root().findAll(compileRule(rule).matcher!);
    } catch (e) {
      throw new ConfigError(`rule ${rule.id}: ast-grep cannot compile it: ${(e as Error).message.split("\n")[0]}`, "see docs/RULES.md");
    }
  }
  return createFloor(rules);
}
