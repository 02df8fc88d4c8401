// The KB figures claims are checked against, computed the way `scrum compare` and `scrum signals` compute
// them (the same DuckDB queries), once per iteration or pair however many commits ask.
import type { CompareResult, CompareSide } from "../analytics/compare";
import { compareFrom } from "../analytics/compare";
import type { FileIter } from "../analytics/file-iter";
import type { IterStats } from "../analytics/iter-stats";
import type { Config } from "../core/config";
import { iterStatsOf, iterations, signalCounts } from "../query/kb-queries";
import type { KbDb } from "../query/open-kb";
import type { IterScope } from "./iterations";
import { PathIndex } from "./paths";

/** FileIter fields compare does not read, left empty. */
const UNREAD = { confidence: null, criticals: 0, findings: [], fingerprints: [], targeted: false, chunks: 1, failed_chunks: 0, models: [], file_sha256: "" };

export type Chosen<T> = { ok: true } & T | { ok: false; reason: string };

export class KbFacts {
  private memo = new Map<string, Promise<unknown>>();

  constructor(private readonly db: KbDb, private readonly signals: Config["signals"]) {}

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) this.memo.set(key, (p = make()));
    return p;
  }

  iterations(): Promise<number[]> {
    return this.once("iters", () => iterations(this.db));
  }

  private async have(n: number | null): Promise<string | null> {
    const its = await this.iterations();
    if (!its.length) return "the KB has no iterations (no sweep recorded)";
    return n !== null && !its.includes(n) ? `iteration ${n} is not in the KB (have: ${its.join(", ")})` : null;
  }

  /** The later iteration a claim is about: the one named, else the KB's last. */
  async target(scope: IterScope): Promise<Chosen<{ to: number }>> {
    const bad = await this.have(scope.to);
    if (bad) return { ok: false, reason: bad };
    return { ok: true, to: scope.to ?? (await this.iterations()).at(-1)! };
  }

  /** Both iterations: named ones, else the one before `to`, else the KB's last two. */
  async pair(scope: IterScope): Promise<Chosen<{ from: number; to: number }>> {
    const t = await this.target(scope);
    if (!t.ok) return t;
    const bad = await this.have(scope.from);
    if (bad) return { ok: false, reason: bad };
    const from = scope.from ?? (await this.iterations()).filter((i) => i < t.to).at(-1);
    if (from === undefined) return { ok: false, reason: `no iteration before ${t.to} in the KB` };
    if (from >= t.to) return { ok: false, reason: `iter ${from} is not before iter ${t.to}` };
    return { ok: true, from, to: t.to };
  }

  /**
   * One iteration's per-file records (the `file_scores` view), one query per iteration shared by every figure.
   * Only the fields compareFrom reads (file, score, tier, verified components), through DuckDB's JSON
   * conversion: fileItersOf's full records cost seconds per iteration on a 1M-row KB, mostly in conversion.
   */
  private fileIters(iter: number): Promise<FileIter[]> {
    return this.once(`files of ${iter}`, async () => {
      const rows = await this.db.json(`SELECT file, score, tier, verified_components FROM file_scores WHERE iter = ${Math.trunc(iter)}`);
      return rows.map((r) => ({
        ...UNREAD, iter, file: String(r.file), score: r.score === null ? null : Number(r.score),
        tier: r.tier as FileIter["tier"], verified_components: Number(r.verified_components ?? 0),
      }));
    });
  }

  private stats(iter: number): Promise<IterStats> {
    return this.once(`stats ${iter}`, async () => (await iterStatsOf(this.db, [iter]))[0]!);
  }

  /** file → score (chunks averaged; null when every chunk failed) of one iteration. */
  scores(iter: number): Promise<Map<string, number | null>> {
    return this.once(`scores ${iter}`, async () => new Map((await this.fileIters(iter)).map((f) => [f.file, f.score])));
  }

  /** The files reviewed in either of two iterations, indexed for path-suffix lookups. */
  files(from: number, to: number): Promise<PathIndex> {
    return this.once(`files ${from} ${to}`, async () => {
      const [a, b] = await Promise.all([this.scores(from), this.scores(to)]);
      return new PathIndex([...new Set([...a.keys(), ...b.keys()])]);
    });
  }

  /** What `scrum compare --from A --to B` prints (compareDb's inputs, from the per-iteration records). */
  compare(from: number, to: number): Promise<CompareResult> {
    return this.once(`compare ${from} ${to}`, async () => {
      const [a, b, sa, sb] = await Promise.all([this.fileIters(from), this.fileIters(to), this.stats(from), this.stats(to)]);
      return compareFrom([...a, ...b], sa, sb);
    });
  }

  /** One iteration's side of a comparison (mean, tiers, verified components, row statistics). */
  side(iter: number): Promise<CompareSide> {
    return this.once(`side ${iter}`, async () => {
      const [files, stats] = await Promise.all([this.fileIters(iter), this.stats(iter)]);
      // The same iteration on both sides: compareFrom's "to" side is exactly compare's for that iteration.
      return compareFrom(files, stats, stats).sides.to;
    });
  }

  /** Signal → files, as `scrum signals --iter N` tallies it. */
  signalsAsOf(iter: number): Promise<Map<string, number>> {
    return this.once(`signals ${iter}`, async () => new Map((await signalCounts(this.db, { asOf: iter, signals: this.signals })).map((s) => [s.signal, s.n])));
  }

  /** Parse failures of an iteration, from the trust view (`scrum trust` counts the same misses). */
  parseFailures(iter: number): Promise<number> {
    return this.once(`pf ${iter}`, async () => {
      const r = await this.db.all(`SELECT count(*) AS n FROM trust WHERE kind = 'miss' AND outcome = 'parse_failure' AND iter = ${Math.trunc(iter)}`);
      return Number(r[0]?.n ?? 0);
    });
  }
}
