// kb merge, the pure part: which lines of the sources a KB lacks. Lines are a multiset: a source adds a
// line only as often as it holds it more often than the KB already does, so merging twice adds nothing,
// the order of sources does not change the result, and existing lines are never touched. A source is
// refused whole (one line) for a schema this scrum does not read, for a review that contradicts one
// already kept, and for a night that collides with another in the same iteration (unless renumbering).
import { AUDIT_SCHEMA_VERSION } from "../kb/schemas/audit-row";
import { REVIEW_VERSIONS_READ, RUN_VERSIONS_READ } from "../kb/migrate";
import { EVAL_SCHEMA_VERSION } from "../kb/schemas/eval-row";
import { TRUST_SCHEMA_VERSION } from "../kb/schemas/trust-row";
import { kindOf, readLine, reviewKey, type KbFileKind, type LineFacts } from "./kb-line";
import { KbMergeError } from "./kb-merge-error";
import { NightIndex } from "./night-index";

/** A KB directory's JSONL files as lines, by file name. */
export type KbLines = Record<string, readonly string[]>;

export interface MergeSource {
  /** How errors and reports name it (its path). */
  label: string;
  files: KbLines;
  /**
   * Per file, how many of the KB's first lines the source starts with and left out of `files`
   * (shared-prefix.ts): a shard's copy of the KB it pulled is not read again.
   */
  skip?: Record<string, number>;
}

export interface MergePlan {
  /** Lines to append, by file name, in the sources' order. */
  append: Record<string, string[]>;
  /** Nights moved to a free iteration because another night already held theirs. */
  renumbered: { source: string; repo: string; night: string | null; from: number; to: number }[];
  /** Lines left out: torn or not JSON. */
  skipped: { source: string; file: string; line: number; reason: string }[];
  /**
   * Runs of `append[file]` that are a source's whole file, verbatim and in order (the common case: a shard's
   * own night into a KB that lacks it): an applier may copy that file's bytes instead of re-encoding lines.
   */
  whole: Record<string, { source: number; from: number; to: number }[]>;
}

const VERSIONS: Record<Exclude<KbFileKind, "other">, readonly number[]> = {
  reviews: REVIEW_VERSIONS_READ,
  trust: [TRUST_SCHEMA_VERSION],
  runs: RUN_VERSIONS_READ,
  evals: [EVAL_SCHEMA_VERSION],
  audits: [AUDIT_SCHEMA_VERSION],
};

function checkVersion(kind: KbFileKind, f: LineFacts, where: () => string): void {
  if (kind === "other") return;
  const known = VERSIONS[kind];
  if (f.version !== null && known.includes(f.version)) return;
  const max = Math.max(...known);
  if (f.version !== null && f.version > max) {
    throw new KbMergeError("E_KB_SCHEMA", `${where()}: schema_version ${f.version} was written by a newer scrum (this one reads ${kind} rows up to v${max})`, "upgrade scrum where you merge, or merge with the scrum that wrote it");
  }
  throw new KbMergeError("E_KB_SCHEMA", `${where()}: schema_version ${JSON.stringify(f.version)} is not a ${kind} row version this scrum reads (${known.join(", ")})`);
}

/**
 * How often the KB holds a line, how often the source being merged has shown it so far, and where the
 * line stood in the KB's file before the merge (first index, further ones), for sources that skip a prefix.
 */
interface Seen { n: number; src: number; s: number; at: number; more?: number[] }

/** The line's occurrences among the KB's first `k` lines: what a source skipping k lines already showed. */
const before = (e: Seen, k: number) => (e.at >= 0 && e.at < k ? 1 + (e.more?.filter((i) => i < k).length ?? 0) : 0);

/** A source file's readable lines with their facts; torn lines reported, unknown schemas refuse the source. */
interface ReadFile { file: string; kind: KbFileKind; lines: string[]; facts: LineFacts[]; dropped: boolean }

function readSource(src: MergeSource, skipped: MergePlan["skipped"]): ReadFile[] {
  return Object.entries(src.files).map(([file, raw]) => {
    const kind = kindOf(file);
    const offset = src.skip?.[file] ?? 0;
    const lines: string[] = [], facts: LineFacts[] = [];
    let dropped = false;
    for (let i = 0; i < raw.length; i++) {
      const line = raw[i]!.trim();
      if (line !== raw[i]) dropped = true;
      if (!line) continue;
      const r = readLine(kind, line);
      if (!r.ok) { skipped.push({ source: src.label, file, line: offset + i + 1, reason: r.reason }); dropped = true; continue; }
      checkVersion(kind, r.facts, () => `${src.label}/${file}:${offset + i + 1}`);
      lines.push(line);
      facts.push(r.facts);
    }
    return { file, kind, lines, facts, dropped };
  });
}

/** The line with another iteration number (rare: only a renumbered or followed night pays the parse). */
function withIter(line: string, iter: number): string {
  return JSON.stringify({ ...(JSON.parse(line) as object), iter });
}

function moveKey(key: string, iter: number): string {
  const [repo, , file, chunk] = key.split("\u0000");
  return reviewKey(repo!, iter, file!, Number(chunk));
}

/**
 * Each line's iteration (-1: unknown), read from the line's head only when the head changes (consecutive
 * rows of one run share it), and the KB's nights into `nights` on the way.
 */
function scanIterations(kind: KbFileKind, lines: readonly string[], nights: NightIndex): Int32Array {
  const out = new Int32Array(lines.length).fill(-1);
  // The head ends before the first field that varies within a run (reviews: after repo; trust: after iter).
  const marker = kind === "reviews" ? ',"commit":' : kind === "trust" ? ',"file":"' : null;
  let head = "", iter = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cut = marker ? line.indexOf(marker) : -1;
    if (cut > 0 && cut === head.length && line.startsWith(head)) { out[i] = iter; continue; }
    const r = readLine(kind, line.trim());
    if (!r.ok) { head = ""; continue; }
    iter = r.facts.iter ?? -1;
    head = cut > 0 ? line.slice(0, cut) : "";
    out[i] = iter;
    if (kind !== "trust") nights.addRow(r.facts);
  }
  return out;
}

/**
 * `indexAll` indexes every line of the KB; by default only lines in iterations the sources can reach are
 * (a line of another iteration can neither equal nor contradict theirs), so a night's small shards do not
 * pay for the whole history.
 */
export function planMerge(dst: KbLines, sources: readonly MergeSource[], opts: { renumber?: boolean; indexAll?: boolean } = {}): MergePlan {
  const plan: MergePlan = { append: {}, renumbered: [], skipped: [], whole: {} };
  const seen = new Map<string, Map<string, Seen>>();
  const owners = new Map<string, { line: string; origin: string }>();
  const nights = new NightIndex();
  const seenOf = (file: string) => seen.get(file) ?? seen.set(file, new Map()).get(file)!;

  const iterAt = new Map<string, Int32Array>();
  for (const [file, lines] of Object.entries(dst)) {
    const kind = kindOf(file);
    if (kind === "reviews" || kind === "runs" || kind === "trust") iterAt.set(file, scanIterations(kind, lines, nights));
  }
  // Every source is read and placed before any line is merged: placement depends on nights alone.
  const read = sources.map((src) => readSource(src, plan.skipped));
  const moves = read.map((files, si) => nights.placeSource(sources[si]!.label, files, Boolean(opts.renumber)));
  const touched = new Set<number>();
  read.forEach((files, si) => {
    for (const { kind, facts } of files) {
      for (const f of facts) {
        if (f.iter === null) continue;
        touched.add(f.iter);
        if (moves[si]!.moved) touched.add(moves[si]!.iterOf(kind, f) ?? f.iter);
      }
    }
  });

  for (const [file, lines] of Object.entries(dst)) {
    const kind = kindOf(file);
    const its = opts.indexAll ? undefined : iterAt.get(file);
    const m = seenOf(file);
    for (let i = 0; i < lines.length; i++) {
      if (its && its[i]! >= 0 && !touched.has(its[i]!)) continue;
      const line = lines[i]!.trim();
      if (!line) continue;
      const e = m.get(line);
      if (e) { e.n++; (e.more ??= []).push(i); continue; }
      m.set(line, { n: 1, src: -1, s: 0, at: i });
      if (kind !== "reviews") continue;
      const r = readLine(kind, line);
      if (r.ok && r.facts.key !== null && !owners.has(r.facts.key)) owners.set(r.facts.key, { line, origin: "the KB" });
    }
  }
  plan.renumbered.push(...moves.flatMap((m) => m.renumbered));

  sources.forEach((src, si) => {
    const move = moves[si]!;
    for (const { file, kind, lines, facts, dropped } of read[si]!) {
      const m = seenOf(file);
      const skip = src.skip?.[file] ?? 0;
      const out = plan.append[file] ?? (plan.append[file] = []);
      const from = out.length;
      for (let i = 0; i < lines.length; i++) {
        let line = lines[i]!;
        let key = facts[i]!.key;
        const to = move.moved ? move.iterOf(kind, facts[i]!) : null;
        if (to !== null && to !== facts[i]!.iter) {
          line = withIter(line, to);
          if (key !== null) key = moveKey(key, to);
        }
        let e = m.get(line);
        if (!e) m.set(line, (e = { n: 0, src: si, s: 0, at: -1 }));
        else if (e.src !== si) { e.src = si; e.s = skip ? before(e, skip) : 0; }
        if (++e.s <= e.n) continue;
        if (key !== null) {
          const owner = owners.get(key);
          if (!owner) owners.set(key, { line, origin: src.label });
          else if (owner.line !== line && owner.origin !== src.label) {
            const [repo, iter, path, chunk] = key.split("\u0000");
            throw new KbMergeError("E_KB_CONFLICT", `${src.label}: its review of ${path} chunk ${chunk} in iteration ${iter} of ${repo} differs from the one ${owner.origin} holds`, "two sweeps reviewed the same file in one night: give every shard of a night the same N");
          }
        }
        out.push(line);
        e.n++;
      }
      if (out.length - from === lines.length && lines.length && !dropped && !move.moved) (plan.whole[file] ??= []).push({ source: si, from, to: out.length });
    }
  });
  for (const [file, lines] of Object.entries(plan.append)) if (!lines.length) delete plan.append[file];
  return plan;
}
