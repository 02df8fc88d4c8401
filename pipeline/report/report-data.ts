// Everything the report shows, gathered from the DuckDB views in a few aggregate queries.
import type { CompareResult } from "../analytics/compare";
import type { Config } from "../core/config";
import { rankFixwave } from "../analytics/fixwave";
import type { FileIter } from "../analytics/file-iter";
import type { FileSignal } from "../analytics/signals";
import { compareDb, iterations, signalsDb } from "../query/kb-queries";
import type { KbDb } from "../query/open-kb";
import { auditSummary, type AuditSummary } from "./audit-section";

export interface ReportData {
  kb: string;
  generatedAt: string;
  iters: { iter: number; mean: number | null; files: number; hist: number[] }[];
  compare: CompareResult | null;
  signalOrder: string[];
  signals: FileSignal[];
  tiers: { iter: number; auto: number; dry_run: number; sim: number; block: number } | null;
  models: { model: string; accepted: number; first_attempt_rate: number | null; json_rate: number | null; unverified_rate: number | null }[];
  /** Files whose trajectories are drawn: the fix-wave order, then the rest. */
  trajectories: FileSignal[];
  /** Per file, as of its latest iteration, in fix-wave order (signal, then severity × confidence); at most `maxFiles`. */
  files: FileRow[];
  /** Files left out of `files` by the cap. */
  filesOmitted: number;
  /** The latest `scrum eval --mutate`: caught/reviewed per reviewer and class, and what was not planted. */
  evaluation: EvalTable | null;
  /** Claim audits (scrum_audits.jsonl), or null when nothing was audited. */
  audits: AuditSummary | null;
}

export interface EvalTable {
  eval_id: string;
  ladder: string;
  created_at: string;
  cells: { reviewer: string; class: string; caught: number; reviewed: number; false_alarms: number }[];
  not_planted: { class: string; outcome: string; n: number }[];
}

async function latestEval(db: KbDb): Promise<EvalTable | null> {
  const [head] = await db.all(`SELECT eval_id, ladder, created_at FROM evals ORDER BY created_at DESC, eval_id DESC LIMIT 1`);
  if (!head) return null;
  const id = String(head.eval_id).replace(/'/g, "''");
  const cells = await db.all(`SELECT who AS reviewer, class, count(*) FILTER (WHERE outcome = 'caught') AS caught,
      count(*) FILTER (WHERE outcome IN ('caught', 'missed')) AS reviewed, sum(false_alarms) AS fa
    FROM (SELECT coalesce(model, reviewer) AS who, * FROM evals WHERE eval_id = '${id}' AND reviewer IS NOT NULL)
    GROUP BY who, class ORDER BY who = 'static-floor' DESC, who, class`);
  const skipped = await db.all(`SELECT class, outcome, count(*) AS n FROM evals WHERE eval_id = '${id}' AND reviewer IS NULL GROUP BY ALL ORDER BY ALL`);
  return {
    eval_id: String(head.eval_id), ladder: String(head.ladder), created_at: String(head.created_at),
    cells: cells.map((c) => ({ reviewer: String(c.reviewer), class: String(c.class), caught: Number(c.caught), reviewed: Number(c.reviewed), false_alarms: Number(c.fa ?? 0) })),
    not_planted: skipped.map((x) => ({ class: String(x.class), outcome: String(x.outcome), n: Number(x.n) })),
  };
}

export interface FileRow { file: string; iter: number; score: number | null; signal: string; tier: string; criticals: number }

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function reportData(db: KbDb, cfg: Config, kb: string, now: Date, maxLines = 8, maxFiles = 200): Promise<ReportData> {
  const its = await iterations(db);
  const hist = await db.all(`SELECT iter, least(9, floor(score))::INTEGER AS b, count(*) AS n FROM file_scores WHERE score IS NOT NULL GROUP BY ALL`);
  const means = await db.all(`SELECT iter, avg(score) AS mean, count(*) AS files FROM file_scores GROUP BY iter ORDER BY iter`);
  const iters = means.map((m) => {
    const counts = Array.from({ length: 10 }, () => 0);
    for (const h of hist) if (Number(h.iter) === Number(m.iter)) counts[Number(h.b)] = Number(h.n);
    return { iter: Number(m.iter), mean: num(m.mean), files: Number(m.files), hist: counts };
  });
  const compare = its.length >= 2 ? await compareDb(db, {}) : null;
  const signals = await signalsDb(db);
  const last = its.at(-1);
  const tierRows = last === undefined ? [] : await db.all(`SELECT tier, count(*) AS n FROM file_scores WHERE iter = ${last} GROUP BY tier`);
  const tiers = last === undefined ? null : { iter: last, auto: 0, dry_run: 0, sim: 0, block: 0 };
  for (const t of tierRows) if (tiers && String(t.tier) in tiers) (tiers as Record<string, number>)[String(t.tier)] = Number(t.n);
  const models = await db.all(`SELECT r.model, count(*) AS accepted,
      avg(CASE WHEN accepted_on_attempt = 1 THEN 1.0 ELSE 0.0 END) AS first_attempt_rate,
      avg(CASE WHEN output_format = 'json' THEN 1.0 ELSE 0.0 END) AS json_rate,
      sum(len(list_filter(critical_failures, c -> NOT c.verified)))::DOUBLE / nullif(sum(len(critical_failures)), 0) AS unverified_rate
    FROM reviews r WHERE status = 'accepted' AND model IS NOT NULL GROUP BY r.model ORDER BY accepted DESC, r.model`);
  // Rank like the fix wave: looping files first, then by how bad and how sure.
  const latest = new Map(signals.map((s) => [s.file, s]));
  const ranked = rankFixwave(
    signals.filter((s) => s.history.length > 1).map((s) => ({
      iter: s.last_iter ?? 0, file: s.file, score: s.score_last, confidence: s.confidence, criticals: Math.max(1, s.criticals_last ?? 0),
      findings: [], fingerprints: [], targeted: s.targeted, tier: "dry_run", verified_components: 0, chunks: 1, failed_chunks: 0, models: [], file_sha256: "",
    })),
    signals,
  );
  const latestRows = await db.all(`SELECT file, max(iter) AS iter, arg_max(score, iter) AS score, arg_max(tier, iter) AS tier,
      arg_max(confidence, iter) AS confidence, arg_max(criticals, iter) AS criticals FROM file_scores GROUP BY file`);
  const perFile = rankFixwave(
    latestRows.map((r) => ({
      iter: Number(r.iter), file: String(r.file), score: num(r.score), confidence: num(r.confidence), criticals: Number(r.criticals ?? 0),
      findings: [], fingerprints: [], targeted: false, tier: r.tier as FileIter["tier"], verified_components: 0, chunks: 1, failed_chunks: 0, models: [], file_sha256: "",
    })),
    signals,
    { all: true },
  );
  const files = perFile.slice(0, maxFiles).map((e) => ({ file: e.file, iter: e.record.iter, score: e.score, signal: e.signal, tier: String(e.record.tier), criticals: e.record.criticals }));
  return {
    kb, generatedAt: now.toISOString(), iters, compare, signalOrder: cfg.signals.order.map((o) => o.signal), signals, tiers,
    models: models.map((m) => ({ model: String(m.model), accepted: Number(m.accepted), first_attempt_rate: num(m.first_attempt_rate), json_rate: num(m.json_rate), unverified_rate: num(m.unverified_rate) })),
    trajectories: ranked.slice(0, maxLines).map((e) => latest.get(e.file)!),
    files, filesOmitted: perFile.length - files.length,
    evaluation: await latestEval(db),
    audits: await auditSummary(db),
  };
}
