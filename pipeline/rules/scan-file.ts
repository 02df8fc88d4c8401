// One file through the rules: findings in emission order and the cross-file questions, as plain data
// (so a worker thread can scan and the main thread can finish; see floor.ts).
import type { SgNode } from "@ast-grep/napi";
import { ConfigError, ScrumError } from "../core/errors";
import type { StaticFinding } from "../kb/schemas/static-finding";
import type { CheckContext, CheckRule, Deferred } from "./checks/check";
import { type Hit, regionOf } from "./checks/hit";
import { claimOrLead } from "./checks/claim-evidence";
import { conformanceQuestion } from "./checks/conformance-stub";
import { lintAllowsSwallow } from "./checks/lint-allows-swallow";
import { guardedCode, persistsOrAudits } from "./checks/swallowed";
import { type CheckName, CHECKS } from "./checks/index";
import { buildLayers, type Layer, matchLayers } from "./combine-rules";
import type { CompiledRule } from "./compile-rule";
import { type FileContext, fileContext } from "./file-context";
import { matchesAny } from "./glob";
import { languageOf, parseSource } from "./languages";
import { macroArmSources } from "./macro-arms";
import { isVendoredCopy, type Place, placeOfFile } from "./place";
import type { RuleSpec } from "./rule-spec";
import { toFinding } from "./to-finding";

export interface SourceFile {
  path: string;
  content: string;
  /** A place another file decides (test-modules.ts: a Rust module declared under `#[cfg(test)]`); else the path's. */
  place?: Place;
}

/** What scanning one file produced, before suppression, de-duplication and cross-file decisions. */
export interface FileScan {
  path: string;
  findings: StaticFinding[];
  deferred: { ruleId: string; d: Deferred; place: Place }[];
  /** Rules that failed on this file (a check's own fault on input it did not foresee): skipped here, reported. */
  failures: RuleFailure[];
}

/** A built-in check that threw on one file: the rule is skipped for that file and the sweep goes on. */
export interface RuleFailure { ruleId: string; path: string; message: string }

/** A rule's meta-variable on a node it matched; the rule's variables carry its layer tag (combine-rules.ts). */
function capture(node: SgNode, name: unknown, tag: string): SgNode | null {
  return typeof name === "string" ? node.getMatch(`${tag}_${name.replace(/^\$/, "")}`) : null;
}

const layerCache = new WeakMap<readonly CompiledRule[], Map<string, Layer[]>>();

/** The layers for this set of active rules (cached: files share a handful of active sets). */
function layersFor(all: readonly CompiledRule[], active: readonly CompiledRule[]): Layer[] {
  let byKey = layerCache.get(all);
  if (!byKey) layerCache.set(all, (byKey = new Map()));
  const key = active.map((c) => c.spec.id).join("\0");
  let layers = byKey.get(key);
  if (!layers) byKey.set(key, (layers = buildLayers(active)));
  return layers;
}

/** Can the rule report anything in a file of this path place? Rust files may hold test modules. */
function placeApplies(rule: RuleSpec, pathPlace: Place, lang: string): boolean {
  if (!rule.places) return true;
  return rule.places.includes(pathPlace) || (pathPlace === "shipped" && lang === "rust" && rule.places.includes("test"));
}

function runRule(c: CompiledRule, matched: { nodes: SgNode[]; tag: string } | undefined, file: FileContext, defer: (d: Deferred) => void): Hit[] {
  // scanFile runs only the rules of the file's grammar language (text-level checks run in text-level.ts).
  const rule: CheckRule = { ...c.spec, language: file.lang };
  const spec = c.spec;
  const check = spec.check && spec.check.name in CHECKS ? CHECKS[spec.check.name as CheckName] : null;
  const params = spec.check ?? {};
  if (!c.matcher) return check?.text?.(file.path, file.content, params) ?? [];
  const hits: Hit[] = [];
  const { nodes, tag } = matched ?? { nodes: [], tag: "" };
  const state = nodes.length && check?.prepare ? check.prepare(nodes, file, rule) : undefined;
  for (const node of nodes) {
    if (!check?.node) {
      const hit = { region: regionOf((spec.report && capture(node, spec.report, tag)) || node) };
      // A stub in a method its type owes an interface of the repository's own is asked about in finish-scan.
      const question = conformanceQuestion(rule, node, hit, file.path);
      if (question) defer(question);
      else hits.push(hit);
      continue;
    }
    const ctx: CheckContext = { rule, params, node, file, capture: (n) => capture(node, n, tag), defer, state };
    for (const hit of check.node(ctx)) {
      // An error the project's linter was told is dropped on purpose (`//nolint:errcheck`) is a decision, not a swallow,
      // unless what failed persists or audits: there, as for a comment, it can say why the caller goes on, not why the
      // lost write leaves no trace.
      if (rule.class === "swallowed-error" && lintAllowsSwallow(file.lang, file.lines, hit.region.start.line) && !persistsOrAudits(guardedCode(node).text())) continue;
      const judged = claimOrLead(rule, node, hit, file, defer);
      const question = judged ? conformanceQuestion(rule, node, judged, file.path) : null;
      if (question) defer(question);
      else if (judged) hits.push(judged);
    }
  }
  return hits;
}

/**
 * Scan one file with the compiled rules. A rule whose check throws a ScrumError (its file's own mistake) is a
 * ConfigError naming both; any other throw skips that rule for this file and is recorded in `failures`.
 */
export function scanFile(compiled: readonly CompiledRule[], file: SourceFile): FileScan {
  const out: FileScan = { path: file.path, findings: [], deferred: [], failures: [] };
  const lang = languageOf(file.path);
  if (!lang || isVendoredCopy(file.path, file.content)) return out;
  const pathPlace = file.place ?? placeOfFile(file.path, file.content);
  const active = compiled.filter(({ spec: r, prefilter }) =>
    r.language === lang && placeApplies(r, pathPlace, lang) && (!r.files || matchesAny(file.path, r.files)) && !matchesAny(file.path, r.ignores) && (!prefilter || prefilter.test(file.content)));
  if (!active.length) return out;
  const parsed = parseSource(file.path, file.content);
  if (!parsed) return out;
  const lines = file.content.split("\n");
  const ctx = fileContext(file.path, file.content, lang, parsed.root(), lines, pathPlace);
  const inPlace = (rule: RuleSpec, hit: Hit) => !rule.places || rule.places.includes(ctx.placeAt(hit.region.start.line));
  scanWith(ctx);
  // Rust arm macros (`tokio::select!`): blocks the tree keeps as tokens, laid out at their own lines (macro-arms.ts).
  if (lang === "rust") {
    for (const src of macroArmSources(ctx.root, file.content)) {
      const arms = parseSource(file.path, src);
      if (arms) scanWith({ ...fileContext(file.path, src, lang, arms.root(), src.split("\n"), pathPlace), placeAt: ctx.placeAt });
    }
  }
  return out;

  function scanWith(ctx: FileContext): void {
    let matched: Map<string, { nodes: SgNode[]; tag: string }>;
    try {
      matched = matchLayers(ctx.root, layersFor(compiled, active));
    } catch (e) {
      throw new ConfigError(`rules for ${lang} failed on ${file.path}: ${(e as Error).message.split("\n")[0]}`, "fix the rule file; see docs/RULES.md");
    }
    for (const c of active) {
      const rule = c.spec;
      const defer = (d: Deferred) => { if (inPlace(rule, d.hit)) out.deferred.push({ ruleId: rule.id, d, place: ctx.placeAt(d.hit.region.start.line) }); };
      let hits: Hit[];
      try {
        hits = runRule(c, matched.get(c.spec.id), ctx, defer);
      } catch (e) {
        // A rule the user wrote and configured wrongly is theirs to fix; a check failing on code it did not
        // foresee costs that rule's findings in this file, not the night's sweep.
        if (e instanceof ScrumError) throw new ConfigError(`rule ${rule.id} failed on ${file.path}: ${e.message.split("\n")[0]}`, "fix the rule file; see docs/RULES.md");
        out.failures.push({ ruleId: rule.id, path: file.path, message: String(e instanceof Error ? e.message : e).split("\n")[0]! });
        continue;
      }
      for (const hit of hits) if (inPlace(rule, hit)) out.findings.push(toFinding(rule, file.path, lines, hit, ctx.placeAt(hit.region.start.line)));
    }
  }
}
