// ast-grep's rewrite, done in TypeScript (the napi binding matches but does not apply `fix`): expand a
// fix template with the match's meta-variables and transforms, and widen the range per expandStart/End.
import type { SgNode } from "@ast-grep/napi";
import type { MutationOperator } from "./compile-operator";
import type { FixSpec } from "./mutation-spec";

export interface Replacement {
  /** UTF-16 offsets into the file text. */
  start: number;
  end: number;
  text: string;
}

/** The text of a single or multiple capture, from the first node's start to the last's end (separators kept). */
function captureText(node: SgNode, name: string, source: string): string | null {
  const one = node.getMatch(name);
  if (one) return one.text();
  const many = node.getMultipleMatches(name);
  if (!many.length) return null;
  return source.slice(many[0]!.range().start.index, many.at(-1)!.range().end.index);
}

/**
 * Expand `$NAME` / `$$$NAME` from the environment. An empty `$$$NAME` takes one adjacent ", " (or ",")
 * with it, so `f($A, $$$REST)` with no rest gives `f(a)`, not `f(a, )`.
 */
export function expandTemplate(template: string, env: (name: string) => string | null): string {
  // One pass, so a value holding `$` (a JS template literal, a PHP-ish name) is never expanded again.
  return template.replace(/(,\s*)?\$\$\$([A-Z_][A-Z0-9_]*)(\s*,\s*)?|\$([A-Z_][A-Z0-9_]*)/g,
    (whole, before: string | undefined, many: string | undefined, after: string | undefined, one: string | undefined) => {
      if (one) return env(one) ?? whole;
      const v = env(many!) ?? "";
      if (v) return `${before ?? ""}${v}${after ?? ""}`;
      return before && after ? ", " : "";
    });
}

function templateOf(fix: FixSpec): string {
  return typeof fix === "string" ? fix : fix.template;
}

/** Widen [start, end) over neighbouring tokens matching expandStart / expandEnd (and the spaces after a trailing comma). */
function widen(node: SgNode, fix: FixSpec, source: string): { start: number; end: number } {
  let { start: { index: start }, end: { index: end } } = node.range();
  if (typeof fix === "string") return { start, end };
  if (fix.expandEnd) {
    const re = new RegExp(fix.expandEnd.regex);
    const next = node.next();
    if (next && re.test(next.text())) {
      end = next.range().end.index;
      while (end < source.length && (source[end] === " " || source[end] === "\t")) end++;
    }
  }
  if (fix.expandStart) {
    const re = new RegExp(fix.expandStart.regex);
    const prev = node.prev();
    if (prev && re.test(prev.text())) start = prev.range().start.index;
  }
  return { start, end };
}

/** A rewriter's match with its offsets, read once. */
interface Located { node: SgNode; start: number; end: number }

/**
 * A rewriter's matches in the whole file, found once per file and operator (each findAll compiles the
 * rule again); a capture's matches are those inside it, in the same document order findAll gives.
 */
export type RewriterMatches = (rewriterId: string) => Matches;
interface Matches { list: Located[]; byStart: boolean }

export function rewriterMatches(op: MutationOperator, root: SgNode): RewriterMatches {
  const found = new Map<string, Matches>();
  return (id) => {
    let m = found.get(id);
    if (!m) {
      const list = root.findAll(op.rewriters.get(id)!).map((node) => {
        const r = node.range();
        return { node, start: r.start.index, end: r.end.index };
      });
      found.set(id, (m = { list, byStart: list.every((x, i) => i === 0 || x.start >= list[i - 1]!.start) }));
    }
    return m;
  };
}

/** Whether m is node or one of its descendants (a node of the same range may be either an ancestor or a descendant). */
function within(m: Located, node: SgNode, start: number, end: number): boolean {
  if (m.end > end) return false;
  if (m.start > start || m.end < end) return true;
  for (let n: SgNode | null = m.node; n; n = n.parent()) {
    if (n.id() === node.id()) return true;
    const nr = n.range();
    if (nr.start.index !== start || nr.end.index !== end) return false;
  }
  return false;
}

/** The matches starting inside [start, end]: findAll's pre-order lists them by start, so a binary search finds the first. */
function* startingIn({ list, byStart }: Matches, start: number, end: number): Generator<Located> {
  // Should a binding ever list them otherwise, look at every match: slower, never different.
  if (!byStart) {
    for (const m of list) if (m.start >= start && m.start <= end) yield m;
    return;
  }
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i]!.start <= end; i++) yield list[i]!;
}

/** Apply rewriters to every match inside `node` (first match wins where two overlap); returns node's text rewritten. */
function rewriteInside(node: SgNode, ids: readonly string[], op: MutationOperator, matches: RewriterMatches, source: string, values: Record<string, string>): string {
  const { start: { index: base }, end: { index: last } } = node.range();
  const edits: Replacement[] = [];
  for (const rw of (op.spec.rewriters ?? []).filter((r) => ids.includes(r.id))) {
    for (const m of startingIn(matches(rw.id), base, last)) {
      if (!within(m, node, base, last)) continue;
      const w = widen(m.node, rw.fix, source);
      if (edits.some((e) => w.start < e.end && e.start < w.end)) continue;
      edits.push({ ...w, text: expandTemplate(templateOf(rw.fix), (n) => values[n] ?? captureText(m.node, n, source)) });
    }
  }
  let text = node.text();
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start - base) + e.text + text.slice(e.end - base);
  return text;
}

/** The replacement this operator makes at one matched node, and the symbol it names (if any). */
export function applyFix(op: MutationOperator, node: SgNode, source: string, values: Record<string, string>, matches: RewriterMatches): Replacement & { symbol: string | null } {
  const { spec } = op;
  // $SCRUM_INDENT: the indentation of the line the match starts on, for multi-line fixes.
  const indent = /[ \t]*/y;
  indent.lastIndex = source.lastIndexOf("\n", node.range().start.index - 1) + 1;
  const env: Record<string, string> = { SCRUM_INDENT: indent.exec(source)![0], ...values };
  const lookup = (name: string) => env[name] ?? captureText(node, name, source);
  for (const [name, t] of Object.entries(spec.transform ?? {})) {
    if ("replace" in t) {
      const src = lookup(t.replace.source.slice(1)) ?? "";
      // `by` may use the regex's groups ($1) and the seeded values ($SCRUM_USER).
      env[name] = src.replace(new RegExp(t.replace.replace, "g"), expandTemplate(t.replace.by, (n) => env[n] ?? null));
    } else {
      const src = node.getMatch(t.rewrite.source.slice(1));
      env[name] = src ? rewriteInside(src, t.rewrite.rewriters, op, matches, source, values) : "";
    }
  }
  const range = widen(node, spec.fix, source);
  return { ...range, text: expandTemplate(templateOf(spec.fix), lookup), symbol: spec.symbol ? lookup(spec.symbol.slice(1)) : null };
}
