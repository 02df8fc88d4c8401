// kb merge, the pure part: which lines of the sources a KB lacks. Lines are a multiset: a source adds a
// line only as often as it holds it more often than the KB already does, so merging twice adds nothing,
// the order of sources does not change the result, and existing lines are never touched. A source is
// refused whole (one line) for a schema this scrum does not read, for a review that contradicts one
// already kept, and for a night that collides with another in the same iteration (unless renumbering).
import { REVIEW_VERSIONS_READ, RUN_VERSIONS_READ } from "../kb/migrate";
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
}

export interface MergePlan {
  /** Lines to append, by file name, in the sources' order. */
  append: Record<string, string[]>;
  /** Nights moved to a free iteration because another night already held theirs. */
  renumbered: { source: string; repo: string; night: string | null; from: number; to: number }[];
  /** Lines left out: torn or not JSON. */
  skipped: { source: string; file: string; line: number; reason: string }[];
}

const VERSIONS: Record<Exclude<KbFileKind, "other">, readonly number[]> = {
  reviews: REVIEW_VERSIONS_READ,
  trust: [TRUST_SCHEMA_VERSION],
  runs: RUN_VERSIONS_READ,
};

function checkVersion(kind: KbFileKind, f: LineFacts, where: string): void {
  if (kind === "other") return;
  const known = VERSIONS[kind];
  if (f.version !== null && known.includes(f.version)) return;
  const max = Math.max(...known);
  if (f.version !== null && f.version > max) {
    throw new KbMergeError("E_KB_SCHEMA", `${where}: schema_version ${f.version} was written by a newer scrum (this one reads ${kind} rows up to v${max})`, "upgrade scrum where you merge, or merge with the scrum that wrote it");
  }
  throw new KbMergeError("E_KB_SCHEMA", `${where}: schema_version ${JSON.stringify(f.version)} is not a ${kind} row version this scrum reads (${known.join(", ")})`);
}

interface Parsed { file: string; kind: KbFileKind; line: string; facts: LineFacts }

/** Every line of a source, checked and read; torn lines are reported, unknown schemas refuse the source. */
function parseSource(src: MergeSource, skipped: MergePlan["skipped"]): Parsed[] {
  const out: Parsed[] = [];
  for (const [file, lines] of Object.entries(src.files)) {
    const kind = kindOf(file);
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const r = readLine(kind, line);
      if (!r.ok) { skipped.push({ source: src.label, file, line: i + 1, reason: r.reason }); return; }
      checkVersion(kind, r.facts, `${src.label}/${file}:${i + 1}`);
      out.push({ file, kind, line, facts: r.facts });
    });
  }
  return out;
}

function moveKey(key: string, iter: number): string {
  const [repo, , file, chunk] = key.split("\u0000");
  return reviewKey(repo!, iter, file!, Number(chunk));
}

/** The line with another iteration number (rare: only a renumbered or followed night pays the parse). */
function withIter(line: string, iter: number): string {
  return JSON.stringify({ ...(JSON.parse(line) as object), iter });
}

export function planMerge(dst: KbLines, sources: readonly MergeSource[], opts: { renumber?: boolean } = {}): MergePlan {
  const plan: MergePlan = { append: {}, renumbered: [], skipped: [] };
  const counts = new Map<string, Map<string, number>>();
  const owners = new Map<string, { line: string; origin: string }>();
  const nights = new NightIndex();
  const countsOf = (file: string) => counts.get(file) ?? counts.set(file, new Map()).get(file)!;
  const remember = (file: string, kind: KbFileKind, line: string, f: LineFacts, origin: string) => {
    if (kind === "reviews" && f.key !== null && !owners.has(f.key)) owners.set(f.key, { line, origin });
    if ((kind === "reviews" || kind === "runs") && f.repo !== null && f.iter !== null) nights.add(f.repo, f.iter, f.night, f.run_id);
  };

  for (const [file, lines] of Object.entries(dst)) {
    const kind = kindOf(file);
    const c = countsOf(file);
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      c.set(line, (c.get(line) ?? 0) + 1);
      const r = readLine(kind, line);
      if (r.ok) remember(file, kind, line, r.facts, "the KB");
    }
  }

  for (const src of sources) {
    const rows = parseSource(src, plan.skipped);
    const move = nights.placeSource(src.label, rows, Boolean(opts.renumber));
    plan.renumbered.push(...move.renumbered);
    const mine = new Map<string, Map<string, { n: number; p: Parsed }>>();
    for (const p of rows) {
      const to = move.iterOf(p);
      const line = to === p.facts.iter || to === null ? p.line : withIter(p.line, to);
      const facts = to === p.facts.iter || to === null ? p.facts : { ...p.facts, iter: to, key: p.facts.key === null ? null : moveKey(p.facts.key, to) };
      const m = mine.get(p.file) ?? mine.set(p.file, new Map()).get(p.file)!;
      const seen = m.get(line);
      if (seen) seen.n++;
      else m.set(line, { n: 1, p: { ...p, line, facts } });
    }
    for (const [file, m] of mine) {
      const c = countsOf(file);
      const out = plan.append[file] ?? (plan.append[file] = []);
      for (const [line, { n, p }] of m) {
        const have = c.get(line) ?? 0;
        if (n <= have) continue;
        const key = p.facts.key;
        const owner = key === null ? undefined : owners.get(key);
        if (owner && owner.line !== line && owner.origin !== src.label) {
          const [repo, iter, path, chunk] = key!.split("\u0000");
          throw new KbMergeError("E_KB_CONFLICT", `${src.label}: its review of ${path} chunk ${chunk} in iteration ${iter} of ${repo} differs from the one ${owner.origin} holds`, "two sweeps reviewed the same file in one night: give every shard of a night the same N");
        }
        for (let i = have; i < n; i++) out.push(line);
        c.set(line, n);
        remember(file, p.kind, line, p.facts, src.label);
      }
    }
  }
  for (const [file, lines] of Object.entries(plan.append)) if (!lines.length) delete plan.append[file];
  return plan;
}
