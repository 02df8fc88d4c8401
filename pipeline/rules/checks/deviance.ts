// Deviant behaviour (Engler et al., "Bugs as Deviant Behavior", 2001): a Go or Rust call whose error the
// repository handles at its other call sites, dropped at one. The code's own convention is the evidence
// that the failure matters; a call dropped everywhere (a cache delete, a MIME registration) is the convention.
import { languageOf } from "../languages";
import { placeOfPath } from "../place";
import { escapeRegExp } from "../syntax";
import { occurrences } from "./references";
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { devianceCandidate, droppedCallee } from "./claim-evidence";
import { findingText } from "./errorless-callee";
import { declarationsOf } from "./go-callee-answers";
import type { Candidate } from "./unreferenced";

/** Handled at this many other call sites, and at more sites than it is dropped at, the drop is a deviation. */
export const MIN_HANDLED_SITES = 2;

/** The text of the statement from the call on: the rest of the line, and for Rust up to the `;` (chains wrap). */
function statementAfter(lines: readonly string[], line: number, after: string, rust: boolean): string {
  if (!rust) return after;
  let text = after;
  for (let k = line + 1; k < lines.length && k <= line + 4 && !/;\s*$|[{}]\s*$/.test(text.trimEnd()); k++) text += "\n" + lines[k];
  const semi = text.indexOf(";");
  return semi >= 0 ? text.slice(0, semi + 1) : text;
}

/** Go: the error is bound to a name (`err :=`, `v, err =`, `if err := `) or returned. */
const GO_HANDLED_BEFORE = /(\b\w*err\w*\s*(,\s*\w+\s*)*:?=(?!=)[^=]*$|^\s*return\b)/i;
/** Go: the error is thrown away (`_ =`, `v, _ :=`) or the call is a bare statement. */
const GO_DROPPED_BEFORE = /(^\s*_\s*(,\s*_\s*)*:?=[^=]*$|,\s*_\s*:?=[^=]*$|^\s*(defer\s+|go\s+)?[\w.&*]*$)/;
/** Rust: propagated, mapped, matched or unwrapped. */
const RS_HANDLED_AFTER = /\?\s*[;.)]|\?\s*$|\.(map_err|context|with_context|expect|unwrap|unwrap_or_else|inspect_err|or_else)\s*\(/;
const RS_HANDLED_BEFORE = /\b(match|if\s+let\s+(Err|Ok)\s*\(|while\s+let|return)\b/;
/** Rust: `let _ =` or `.ok();` at the end of the statement. */
const RS_DROPPED_BEFORE = /\blet\s+_\s*=[^=]*$|^\s*_\s*=[^=]*$/;
const RS_DROPPED_AFTER = /\.ok\(\)\s*;/;

/**
 * The candidates (named `prev.method` or `method`, language go/rust) whose call sites across the walked
 * files handle the error at least MIN_HANDLED_SITES times and more often than they drop it. `lines` is the
 * scan's per-file line cache (finish-scan.ts), so no file is split twice.
 */
export function deviantDrops(cands: readonly Candidate[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): { deviant: Set<Candidate>; conventional: Set<Candidate> } {
  const tally = callTallies(cands, files, lines);
  const of = (c: Candidate) => tally.get(`${c.language}\0${c.name}`)!;
  return {
    deviant: new Set(cands.filter((c) => (of(c).handled >= MIN_HANDLED_SITES && of(c).handled > of(c).dropped) || goDefinitionPersists(c, files))),
    // The reverse: dropped at MIN_CONVENTIONAL_DROPS sites or more, and at twice as many sites as it is handled at
    // (harness's 210 `_ = reflector.Spec.AddOperation(..)` beside 37 `panicOnErr(..)`): dropping is the code's
    // convention, and a lead about one more drop asks the models what the repository already answers.
    // The drops must span shipped files (one function's habit, or a test's, is no repository's convention), and a
    // release that reports a written file's last failure (`Close`, `Sync`, `Flush`, `Commit`) keeps its lead: dropping
    // it is everyone's habit and still loses that failure.
    conventional: new Set(cands.filter((c) => of(c).dropped >= MIN_CONVENTIONAL_DROPS && of(c).dropped >= 2 * of(c).handled && of(c).droppedFiles.size >= 2 && !/(^|\.)(Close|Sync|Flush|Commit)$/.test(c.name))),
  };
}

/**
 * Go: the dropped call is the repository's own function and its body persists (`_ = writeConfig(ctx, req.Storage,
 * cfg)` where `writeConfig` ends in `return s.Put(ctx, entry)`): the name hides a write the drop loses, whatever it is
 * called. Every definition of the name must persist.
 */
/** A call into a store: a storage, database or bucket write (`s.Put(ctx, entry)`, `db.Exec(..)`, `tx.Commit()`). */
const STORES = /\.(Put|Save|Insert\w*|Upsert\w*|Update\w*|Delete|Exec\w*|Commit|WriteFile|Create)\s*\(/;

function goDefinitionPersists(c: Candidate, files: readonly { path: string; content: string }[]): boolean {
  if (c.language !== "go") return false;
  const name = c.name.replace(/^[\s\S]*\./, "");
  // The first function or method of the name in each file (an interface's method spec has no body to read).
  const bodies = files.flatMap((f) => {
    const first = f.path.endsWith(".go") && f.content.includes(name) ? declarationsOf(f.content, name).find((d) => d.body !== undefined) : undefined;
    return first ? [first.body!] : [];
  });
  return bodies.length > 0 && bodies.every((b) => STORES.test(b));
}

/** Dropped at this many call sites and handled at none, a call's drop is the code's convention. */
export const MIN_CONVENTIONAL_DROPS = 3;

/**
 * The reverse reading: candidates whose call the repository drops at MIN_CONVENTIONAL_DROPS sites or more and
 * handles at none (scs's `sessionManager.Put(ctx, "flash", msg)`, which answers nothing). By the code's own
 * convention the call answers no error, or none that matters; one drop among them is no deviation.
 */
export function conventionalDrops(cands: readonly Candidate[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Set<Candidate> {
  const tally = callTallies(cands, files, lines);
  return new Set(cands.filter((c) => {
    const t = tally.get(`${c.language}\0${c.name}`)!;
    return t.handled === 0 && t.dropped >= MIN_CONVENTIONAL_DROPS;
  }));
}

/** Each file's `#[cfg(test)] mod .. { .. }` line ranges, found once per file (keyed on its lines array). */
const testModules = new WeakMap<readonly string[], [number, number][]>();

/**
 * Is a 0-based line inside a Rust `#[cfg(test)] mod .. {` block? Read from the text (the file is not parsed here):
 * from the attribute to the brace that closes the module.
 */
function inRustTestModule(lines: readonly string[], line: number): boolean {
  let ranges = testModules.get(lines);
  if (!ranges) {
    ranges = [];
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*#\[cfg\(test\)\]/.test(lines[i]!)) continue;
      let j = i + 1;
      while (j < lines.length && /^\s*(#\[|\/\/|$)/.test(lines[j]!)) j++;
      if (!/^\s*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*\{/.test(lines[j] ?? "")) continue;
      const end = blockEnd(lines, j);
      ranges.push([j, end]);
      i = end;
    }
    testModules.set(lines, ranges);
  }
  return ranges.some(([a, b]) => line >= a && line <= b);
}

/** The 0-based line whose brace closes the block opened on `start` (braces in strings, char literals and line comments aside). */
function blockEnd(lines: readonly string[], start: number): number {
  let depth = 0;
  for (let k = start; k < lines.length; k++) {
    const code = lines[k]!.replace(/\/\/.*$/, "").replace(/"(\\.|[^"\\])*"/g, "").replace(/'(\\.|[^'\\])'/g, "");
    for (const ch of code) depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    if (depth <= 0) return k;
  }
  return lines.length - 1;
}

/** Handled and dropped call sites of each candidate's `prev.method` across the walked Go and Rust files. */
function callTallies(cands: readonly Candidate[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Map<string, { handled: number; dropped: number; droppedFiles: Set<string> }> {
  const tally = new Map<string, { handled: number; dropped: number; droppedFiles: Set<string> }>();
  if (!cands.length) return tally;
  const methods = [...new Set(cands.map((c) => c.name.split(".").pop()!))];
  const occ = occurrences(methods, files.filter((f) => { const l = languageOf(f.path); return l === "go" || l === "rust"; }));
  for (const c of cands) {
    if (tally.has(`${c.language}\0${c.name}`)) continue;
    const parts = c.name.split(".");
    const method = parts.pop()!;
    const prev = parts.pop() ?? null;
    const rust = c.language === "rust";
    // The segment before the method: `prev.`, `prev(...).`, `prev::`; with no segment, a free call.
    const lead = prev ? new RegExp(`(?<![\\w$])${escapeRegExp(prev)}\\s*(\\([^\\n]*\\))?\\s*(\\.|::)\\s*$`) : /(^|[^\w.:$])$/;
    const t = { handled: 0, dropped: 0, droppedFiles: new Set<string>() };
    for (const o of occ.get(method) ?? []) {
      if (o.lang !== c.language || !/^\s*(::<[^>]*>)?\s*\(/.test(o.after) || !lead.test(o.before)) continue;
      // Only shipped call sites testify that the error matters: a test unwraps or checks every call
      // (`req.insert_header("x", "2").unwrap()` in a `#[cfg(test)]` module, `if err := ..; err != nil { t.Fatal(err) }`),
      // whatever its failure costs in production. A test's drop still counts: its cleanup (`defer os.RemoveAll(dir)`)
      // shows the call dropped by convention, which only weakens the claim.
      const inTest = placeOfPath(o.file) === "test" || (rust && inRustTestModule(lines(o.file), o.line));
      const before = prev ? o.before.replace(lead, "") : o.before;
      // Go: the call's value handed straight to another call (`panicOnErr(reflector.Spec.AddOperation(..))`,
      // `must(..)`): the error goes where that call sends it.
      if (!rust && /[\w\]]\(\s*[\w.&*\[\]"]*$/.test(before)) {
        t.handled += inTest ? 0 : 1;
        continue;
      }
      // What precedes the chain: strip the receiver chain to see the binding (`if err := s.ds.` → `if err := `).
      const head = before.replace(/[\w.&*()\[\]"]*$/, "");
      const after = statementAfter(lines(o.file), o.line, o.after, rust);
      if (rust) {
        if (RS_HANDLED_AFTER.test(after) || RS_HANDLED_BEFORE.test(head)) t.handled += inTest ? 0 : 1;
        else if (RS_DROPPED_BEFORE.test(head) || RS_DROPPED_AFTER.test(after)) { t.dropped++; if (!inTest) t.droppedFiles.add(o.file); }
      } else if (GO_HANDLED_BEFORE.test(head)) t.handled += inTest ? 0 : 1;
      else if (GO_DROPPED_BEFORE.test(head)) { t.dropped++; if (!inTest) t.droppedFiles.add(o.file); }
    }
    tally.set(`${c.language}\0${c.name}`, t);
  }
  return tally;
}

/**
 * The Go swallowed-error claims about a call written as a bare statement (`app.sessionManager.Put(ctx, "flash", msg)`)
 * whose `prev.method` the repository drops at MIN_CONVENTIONAL_DROPS sites or more and handles at none.
 */
export function bareConventionalDrops(findings: readonly StaticFinding[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Set<StaticFinding> {
  const bare = new Map<Candidate, StaticFinding>();
  for (const f of findings) {
    if (f.class !== "swallowed-error" || !f.file.endsWith(".go") || f.lead || f.severity === "info") continue;
    const statement = findingText(f, lines(f.file)).trim();
    if (!/^[\w.]+(\([^()]*\))?(\.[\w]+)*\s*\(/.test(statement) || /^(defer|go|return|if|for)\b/.test(statement)) continue;
    const key = droppedCallee(statement);
    if (key) bare.set(devianceCandidate(key, f.file, f.line - 1, "go"), f);
  }
  const conventional = conventionalDrops([...bare.keys()], files, lines);
  return new Set([...bare].filter(([c]) => conventional.has(c)).map(([, f]) => f));
}
