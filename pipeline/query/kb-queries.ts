// Typed reads over the DuckDB views: the same records the pure analytics build from rows, for big KBs.
import type { CompareResult } from "../analytics/compare";
import { compareFrom, pickIterations } from "../analytics/compare";
import type { FileIter } from "../analytics/file-iter";
import type { IterStats, ModelIterStats } from "../analytics/iter-stats";
import { rate } from "../analytics/iter-stats";
import type { FileSignal } from "../analytics/signals";
import type { Config } from "../core/config";
import type { KbDb } from "./open-kb";
import { lit } from "./fingerprint-sql";
import { signalsViewSql } from "./signals-sql";

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function iterations(db: KbDb): Promise<number[]> {
  return (await db.all("SELECT DISTINCT iter FROM reviews ORDER BY iter")).map((r) => Number(r.iter));
}

/** Per-file records of some iterations (fingerprints and findings only when asked: they cost a join). */
export async function fileItersOf(db: KbDb, iters: number[], opts: { fingerprints?: boolean } = {}): Promise<FileIter[]> {
  const list = iters.map((i) => Math.trunc(i)).join(", ") || "NULL";
  const view = opts.fingerprints ? "file_iters" : "file_scores";
  const rows = await db.all(`SELECT * FROM ${view} WHERE iter IN (${list}) ORDER BY file, iter`);
  return rows.map((r) => ({
    iter: n(r.iter), file: String(r.file), score: r.score === null ? null : Number(r.score),
    confidence: r.confidence === null ? null : Number(r.confidence), criticals: n(r.criticals), findings: [],
    fingerprints: (r.fingerprints as string[] | undefined) ?? [], targeted: Boolean(r.targeted), tier: r.tier as FileIter["tier"],
    verified_components: n(r.verified_components), chunks: n(r.chunks), failed_chunks: n(r.failed_chunks),
    models: (r.models as string[]) ?? [], file_sha256: String(r.file_sha256),
  }));
}

/** Row statistics per iteration, as analytics/iter-stats.ts counts them. */
export async function iterStatsOf(db: KbDb, iters: number[]): Promise<IterStats[]> {
  const list = iters.map((i) => Math.trunc(i)).join(", ") || "NULL";
  const acc = "status = 'accepted'";
  const base = await db.all(`SELECT iter, count(*) AS rows, count(*) FILTER (WHERE ${acc}) AS accepted,
      count(*) FILTER (WHERE ${acc} AND accepted_on_attempt = 1) AS first_attempt,
      count(*) FILTER (WHERE ${acc} AND output_format = 'json') AS json,
      coalesce(sum(list_sum(CAST(json_extract(attempts, '$[*].tries') AS INTEGER[]))), 0) AS requests,
      sum(tokens_prompt) AS tp, sum(tokens_completion) AS tc
    FROM reviews WHERE iter IN (${list}) GROUP BY iter ORDER BY iter`);
  const models = await db.all(`SELECT iter, coalesce(model, '(unknown)') AS model, min(provider) AS provider, count(*) AS accepted,
      count(*) FILTER (WHERE accepted_on_attempt = 1) AS first_attempt, count(*) FILTER (WHERE output_format = 'json') AS json
    FROM reviews WHERE iter IN (${list}) AND ${acc} GROUP BY ALL`);
  const prompts = await db.all(`SELECT DISTINCT iter, prompt_name, prompt_sha256 FROM reviews WHERE iter IN (${list})`);
  return base.map((b) => {
    const iter = n(b.iter);
    const ms: ModelIterStats[] = models.filter((m) => n(m.iter) === iter).map((m) => ({
      model: String(m.model), provider: (m.provider as string | null) ?? null, accepted: n(m.accepted),
      first_attempt: n(m.first_attempt), first_attempt_rate: rate(n(m.first_attempt), n(m.accepted)),
      json: n(m.json), json_rate: rate(n(m.json), n(m.accepted)),
    })).sort((a, b) => b.accepted - a.accepted || (a.model < b.model ? -1 : 1));
    const ps = new Map(prompts.filter((p) => n(p.iter) === iter).map((p) => [String(p.prompt_sha256), { name: String(p.prompt_name), sha256: String(p.prompt_sha256) }]));
    return {
      iter, rows: n(b.rows), accepted: n(b.accepted), first_attempt: n(b.first_attempt), json: n(b.json), requests: n(b.requests),
      tokens: { prompt: n(b.tp), completion: n(b.tc) }, models: ms,
      prompts: [...ps.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
    };
  });
}

/**
 * compareIterations over the DuckDB views. Only the columns compareFrom reads are fetched: turning a column
 * into JS values costs more than the query (100,000 per-file records: 0.75 s narrow against 3 s for all).
 */
export async function compareDb(db: KbDb, opts: { from?: number; to?: number }): Promise<CompareResult> {
  const { from, to } = pickIterations(await iterations(db), opts);
  const r = await db.con.runAndReadAll(`SELECT iter, file, score, tier, verified_components FROM file_scores WHERE iter IN (${Math.trunc(from)}, ${Math.trunc(to)}) ORDER BY file, iter`);
  const [it, file, score, tier, verified] = r.getColumnsJS() as [number[], string[], (number | null)[], FileIter["tier"][], number[]];
  const files: FileIter[] = it.map((iter, i) => ({
    iter, file: file[i]!, score: score[i] ?? null, tier: tier[i]!, verified_components: verified[i] ?? 0,
    confidence: null, criticals: 0, findings: [], fingerprints: [], targeted: false, chunks: 0, failed_chunks: 0, models: [], file_sha256: "",
  }));
  const stats = await iterStatsOf(db, [from, to]);
  return compareFrom(files, stats.find((s) => s.iter === from)!, stats.find((s) => s.iter === to)!);
}

type SignalsOpts = { asOf?: number; signals?: Config["signals"] };

/** The view to read: `signals`, or a view limited to iterations up to `asOf`. */
async function signalsView(db: KbDb, opts: SignalsOpts): Promise<string> {
  if (opts.asOf === undefined || !opts.signals) return "signals";
  await db.con.run(signalsViewSql(opts.signals, { name: "signals_as_of", maxIter: opts.asOf }));
  return "signals_as_of";
}

/**
 * The signals as a JSON array text built by DuckDB, in computeSignals' shape (key order included).
 * For the CLI's --json: 50,000 files with 20-point histories are ~40 MB, and building JS objects first
 * costs more than the classification itself.
 */
export async function signalsJsonText(db: KbDb, opts: SignalsOpts & { only?: string } = {}): Promise<string> {
  const view = await signalsView(db, opts);
  const where = opts.only === undefined ? "" : ` WHERE signal = ${lit(opts.only)}`;
  const r = await db.con.runAndReadAll(`SELECT '[' || coalesce(string_agg(to_json(s)::VARCHAR, ',' ORDER BY file), '') || ']' AS j FROM ${view} s${where}`);
  return String(r.getRowsJS()[0]![0]);
}

/** Signal → number of files, for the tally line (no per-file objects). */
export async function signalCounts(db: KbDb, opts: SignalsOpts = {}): Promise<{ signal: string; n: number }[]> {
  const view = await signalsView(db, opts);
  return (await db.all(`SELECT signal, count(*) AS n FROM ${view} GROUP BY signal`)).map((r) => ({ signal: String(r.signal), n: n(r.n) }));
}

/** computeSignals over the DuckDB `signals` view (optionally as of an iteration). */
export async function signalsDb(db: KbDb, opts: SignalsOpts = {}): Promise<FileSignal[]> {
  const view = await signalsView(db, opts);
  const rows = await db.json(`SELECT * FROM ${view} ORDER BY file`);
  return rows.map((r) => ({
    file: String(r.file), signal: String(r.signal), rule: String(r.rule),
    history: ((r.history as { iter: number; score: number }[]) ?? []).map((h) => ({ iter: Number(h.iter), score: Number(h.score) })),
    prev_iter: r.prev_iter === null ? null : n(r.prev_iter), last_iter: r.last_iter === null ? null : n(r.last_iter),
    score_prev: (r.score_prev as number | null) ?? null, score_last: (r.score_last as number | null) ?? null,
    delta: (r.delta as number | null) ?? null,
    criticals_prev: r.criticals_prev === null ? null : n(r.criticals_prev), criticals_last: r.criticals_last === null ? null : n(r.criticals_last),
    jaccard: r.jaccard === null ? null : Number(r.jaccard), recurring: (r.recurring as string[]) ?? [],
    targeted: Boolean(r.targeted), confidence: (r.confidence as number | null) ?? null,
  }));
}

/** One iteration's per-file records with their findings (title, line, evidence, fingerprint), for the fix-wave doc. */
export async function fileItersWithFindings(db: KbDb, iter: number): Promise<FileIter[]> {
  const files = await fileItersOf(db, [iter]);
  const rows = await db.all(`SELECT file, title, line, evidence, verified, model, fingerprint FROM findings WHERE iter = ${Math.trunc(iter)} ORDER BY file, chunk, line NULLS LAST`);
  const byFile = new Map(files.map((f) => [f.file, f]));
  for (const r of rows) {
    const f = byFile.get(String(r.file));
    if (!f) continue;
    f.findings.push({ title: String(r.title), line: r.line === null ? null : Number(r.line), evidence: (r.evidence as string | null) ?? null, verified: r.verified !== false, model: (r.model as string | null) ?? null, fingerprint: String(r.fingerprint) });
  }
  for (const f of files) f.fingerprints = [...new Set(f.findings.map((x) => x.fingerprint))].sort();
  return files;
}
