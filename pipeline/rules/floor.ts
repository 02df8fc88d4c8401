// The deterministic forensic floor: rule files (data) run with ast-grep over TS/JS, Python, Rust and Go.
import type { SgNode } from "@ast-grep/napi";
import { ConfigError } from "../core/errors";
import type { StaticFinding } from "../kb/schemas/static-finding";
import type { CheckContext, Deferred } from "./checks/check";
import { type Hit, regionOf } from "./checks/hit";
import { CHECKS } from "./checks/index";
import { ownerExtended, passedAsValue } from "./checks/passed-as-value";
import { unreferenced } from "./checks/unreferenced";
import { compileRule, type CompiledRule } from "./compile-rule";
import { type FileContext, fileContext } from "./file-context";
import { matchesAny } from "./glob";
import { EXAMPLE_FILE, languageOf, parseSource } from "./languages";
import { loadRules } from "./load-rules";
import { isVendoredCopy, type Place, placeOfPath } from "./place";
import type { RuleSpec } from "./rule-spec";
import { toFinding } from "./to-finding";

export interface SourceFile { path: string; content: string }

export interface Floor {
  rules: RuleSpec[];
  /** All walked files at once (repo-relative posix paths), so cross-file rules see every reference. */
  scan(files: SourceFile[]): Map<string, StaticFinding[]>;
}

/** A finding on this line or the line above carrying `scrum-ignore` is dropped (same idea as eslint-disable-next-line). */
const SUPPRESS = /scrum-ignore\b/;

function capture(node: SgNode, name: unknown): SgNode | null {
  return typeof name === "string" ? node.getMatch(name.replace(/^\$/, "")) : null;
}

/** Can the rule report anything in a file of this path place? Rust files may hold test modules. */
function placeApplies(rule: RuleSpec, pathPlace: Place, lang: string): boolean {
  if (!rule.places) return true;
  return rule.places.includes(pathPlace) || (pathPlace === "shipped" && lang === "rust" && rule.places.includes("test"));
}

function runRule(c: CompiledRule, file: FileContext, defer: (d: Deferred) => void): Hit[] {
  const rule = c.spec;
  const check = rule.check ? CHECKS[rule.check.name] : null;
  const params = rule.check ?? {};
  if (!c.matcher) return check?.text?.(file.path, file.content, params) ?? [];
  const hits: Hit[] = [];
  for (const node of file.root.findAll(c.matcher)) {
    if (!check?.node) {
      hits.push({ region: regionOf((rule.report && capture(node, rule.report)) || node) });
      continue;
    }
    const ctx: CheckContext = { rule, params, node, file, capture: (n) => capture(node, n), defer };
    hits.push(...check.node(ctx));
  }
  return hits;
}

export function createFloor(rules: RuleSpec[]): Floor {
  const compiled = rules.map(compileRule);
  return {
    rules,
    scan(files) {
      const out = new Map<string, StaticFinding[]>();
      const deferred: { rule: RuleSpec; d: Deferred; lines: string[]; place: Place }[] = [];
      const add = (f: StaticFinding, lines: string[]) => {
        if (SUPPRESS.test(lines[f.line - 1] ?? "") || SUPPRESS.test(lines[f.line - 2] ?? "")) return;
        const list = out.get(f.file) ?? [];
        if (list.some((g) => g.class === f.class && g.line === f.line)) return;
        list.push(f);
        out.set(f.file, list);
      };
      for (const file of files) {
        const lang = languageOf(file.path);
        if (!lang || isVendoredCopy(file.path, file.content)) continue;
        const pathPlace = placeOfPath(file.path);
        const active = compiled.filter(({ spec: r, prefilter }) =>
          r.language === lang && placeApplies(r, pathPlace, lang) && (!r.files || matchesAny(file.path, r.files)) && !matchesAny(file.path, r.ignores) && (!prefilter || prefilter.test(file.content)));
        if (!active.length) continue;
        const parsed = parseSource(file.path, file.content);
        if (!parsed) continue;
        const lines = file.content.split("\n");
        const ctx = fileContext(file.path, file.content, lang, parsed.root(), lines);
        const inPlace = (rule: RuleSpec, hit: Hit) => !rule.places || rule.places.includes(ctx.placeAt(hit.region.start.line));
        for (const c of active) {
          const rule = c.spec;
          let hits: Hit[];
          const defer = (d: Deferred) => { if (inPlace(rule, d.hit)) deferred.push({ rule, d, lines, place: ctx.placeAt(d.hit.region.start.line) }); };
          try {
            hits = runRule(c, ctx, defer);
          } catch (e) {
            throw new ConfigError(`rule ${rule.id} failed on ${file.path}: ${(e as Error).message.split("\n")[0]}`, "fix the rule file; see docs/RULES.md");
          }
          for (const hit of hits) if (inPlace(rule, hit)) add(toFinding(rule, file.path, lines, hit, ctx.placeAt(hit.region.start.line)), lines);
        }
      }
      const unwired = new Set(unreferenced(deferred.filter((p) => p.d.keep === "if-unreferenced").map((p) => p.d.candidate), files));
      const passed = passedAsValue(deferred.filter((p) => p.d.keep === "unless-passed-as-value").map((p) => p.d.candidate), files);
      const extended = ownerExtended(deferred.filter((p) => p.d.keep === "unless-owner-extended").map((p) => p.d.candidate), files);
      for (const p of deferred) {
        const keep = p.d.keep === "if-unreferenced" ? unwired.has(p.d.candidate)
          : p.d.keep === "unless-owner-extended" ? !extended.has(p.d.candidate) : !passed.has(p.d.candidate);
        if (keep) add(toFinding(p.rule, p.d.candidate.file, p.lines, p.d.hit, p.place), p.lines);
      }
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
