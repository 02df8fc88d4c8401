// The data behind each UI view, computed from typed KB rows with the analytics functions (pure).
import { compareIterations } from "../analytics/compare";
import { fileIters } from "../analytics/file-iter";
import { iterStats, rate } from "../analytics/iter-stats";
import { computeSignals, type FileSignal } from "../analytics/signals";
import { trustProfile } from "../analytics/trust";
import type { Config } from "../core/config";
import type { ReviewRow } from "../kb/schemas/review-row";
import type { MissRow, TrustRow } from "../kb/schemas/trust-row";
import { METRIC_NOTES } from "./metric-notes";

export interface KbData {
  reviews: ReviewRow[];
  trust: { accepts: TrustRow[]; misses: MissRow[] };
}

/** Every file's trajectory signal (the costly part of MAP and TRAJECTORY, so callers may compute it once). */
export const signalsSafe = (rows: ReviewRow[], cfg: Config["signals"]): FileSignal[] => (rows.length ? computeSignals(rows, cfg) : []);

/** MAP: every file with its latest score, tier, criticals and trajectory signal. */
export function mapView(kb: KbData, cfg: Config["signals"], computed?: FileSignal[]) {
  const signals = new Map((computed ?? signalsSafe(kb.reviews, cfg)).map((s) => [s.file, s]));
  const latest = new Map<string, ReturnType<typeof fileIters>[number]>();
  for (const f of fileIters(kb.reviews, cfg.lineBucket)) latest.set(f.file, f);
  const files = [...latest.values()].map((f) => ({
    file: f.file, iter: f.iter, score: f.score, criticals: f.criticals, tier: f.tier, signal: signals.get(f.file)?.signal ?? "NEW",
  }));
  return { files, iterations: [...new Set(kb.reviews.map((r) => r.iter))].sort((a, b) => a - b), signals: cfg.order.map((o) => o.signal) };
}

/** TRACE: one file across iterations, with its findings, verdicts and provenance. */
export function traceView(kb: KbData, file: string, cfg: Config["signals"]) {
  const rows = kb.reviews.filter((r) => r.file === file);
  const folded = fileIters(rows, cfg.lineBucket);
  const signal = signalsSafe(rows, cfg)[0] ?? null;
  return {
    file,
    signal,
    iterations: folded.map((f) => {
      const chunks = rows.filter((r) => r.iter === f.iter).sort((a, b) => a.chunk - b.chunk);
      return {
        iter: f.iter, score: f.score, confidence: f.confidence, tier: f.tier, criticals: f.criticals, targeted: f.targeted, models: f.models,
        findings: f.findings, verified_components: f.verified_components, file_sha256: f.file_sha256,
        chunks: chunks.map((r) => ({
          chunk: r.chunk, chunks: r.chunks, lines: r.chunk_lines ?? null, status: r.status, verdict: r.verdict, score: r.score, provider: r.provider, model: r.model,
          summary: r.summary, error: r.error, prompt: r.prompt, policy_version: r.policy_version, run_id: r.run_id, commit: r.commit, created_at: r.created_at,
          missing: r.missing_components.map((m) => m.title), static_findings: r.static_findings.map((s) => ({ rule: s.rule_id, class: s.class, severity: s.severity, line: s.line, message: s.message, model_verdict: s.model_verdict })),
          attempts: r.attempts.map((a) => ({ model: a.model, outcome: a.outcome, latency_ms: a.latency_ms })),
        })),
      };
    }),
  };
}

/** TRAJECTORY: mean score per iteration, signal counts, and each file's score history. */
export function trajectoryView(kb: KbData, cfg: Config["signals"], computed?: FileSignal[]) {
  const folded = fileIters(kb.reviews, cfg.lineBucket);
  const iters = [...new Set(folded.map((f) => f.iter))].sort((a, b) => a - b).map((iter) => {
    const scores = folded.filter((f) => f.iter === iter && f.score !== null).map((f) => f.score!);
    return { iter, files: folded.filter((f) => f.iter === iter).length, mean: scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null };
  });
  const signals = computed ?? signalsSafe(kb.reviews, cfg);
  const counts: Record<string, number> = Object.fromEntries(cfg.order.map((o) => [o.signal, 0]));
  for (const s of signals) counts[s.signal] = (counts[s.signal] ?? 0) + 1;
  return { iters, counts, files: signals.map((s) => ({ file: s.file, signal: s.signal, rule: s.rule, history: s.history, delta: s.delta, recurring: s.recurring, targeted: s.targeted, jaccard: s.jaccard })) };
}

/** METRICS: the compare figures with their meaning, plus the model trust table. */
export function metricsView(kb: KbData, opts: { from?: number; to?: number }) {
  const iterations = [...new Set(kb.reviews.map((r) => r.iter))].sort((a, b) => a - b);
  const trust = trustProfile(kb.reviews, kb.trust);
  if (iterations.length < 2) return { iterations, compare: null, figures: [], trust, note: `compare needs two iterations (the KB has ${iterations.length})` };
  const c = compareIterations(kb.reviews, opts);
  const s = c.sides.to.stats;
  const fmtRate = (x: number | null) => (x === null ? "n/a" : `${(100 * x).toFixed(1)}%`);
  const fmt = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
  const sign = (x: number | null) => (x === null ? "n/a" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);
  const values: Record<keyof typeof METRIC_NOTES, string> = {
    mean_to: `${fmt(c.mean_to)} (was ${fmt(c.mean_from)})`,
    delta: sign(c.delta),
    movement: `${c.up} up / ${c.down} down / ${c.same} same`,
    coverage: `${c.only_to.length} new / ${c.only_from.length} dropped`,
    acceptance: fmtRate(rate(s.accepted, s.rows)),
    first_attempt: fmtRate(rate(s.first_attempt, s.accepted)),
    json_rate: fmtRate(rate(s.json, s.accepted)),
    requests_per_row: s.rows ? (s.requests / s.rows).toFixed(2) : "n/a",
    tokens: `${s.tokens.prompt} / ${s.tokens.completion}`,
    verified_components: `${c.sides.to.verified_components} (was ${c.sides.from.verified_components})`,
    tiers: Object.entries(c.sides.to.tiers).map(([t, n]) => `${t} ${n}`).join(", "),
    bar_raised: c.bar_raised ? "yes" : "no (same prompt)",
  };
  const figures = Object.entries(METRIC_NOTES).map(([id, n]) => ({ id, ...n, value: values[id as keyof typeof METRIC_NOTES], detail: id === "bar_raised" ? c.note : null }));
  return { iterations, compare: { from: c.from, to: c.to, files: c.files, only_from: c.only_from, only_to: c.only_to }, figures, trust, note: null, perIter: iterStats(kb.reviews).map((x) => ({ iter: x.iter, rows: x.rows, accepted: x.accepted })) };
}

export interface KbFilter {
  file?: string;
  iter?: number;
  status?: string;
  verdict?: string;
  model?: string;
  tier?: string;
  offset: number;
  limit: number;
}

/** The values each KB filter can take. */
export function kbOptions(kb: KbData) {
  const distinct = <K extends keyof ReviewRow>(k: K) => [...new Set(kb.reviews.map((r) => r[k]).filter((v) => v !== null))].sort() as string[];
  return { iter: distinct("iter"), model: distinct("model"), status: distinct("status"), verdict: distinct("verdict"), tier: distinct("gradient_tier") };
}

/** KB: filtered review rows, newest iteration first, without the bulky raw answer. */
export function kbView(kb: KbData, f: KbFilter, options = kbOptions(kb)) {
  const needle = f.file?.toLowerCase();
  const rows = kb.reviews.filter((r) =>
    (!needle || r.file.toLowerCase().includes(needle)) && (f.iter === undefined || r.iter === f.iter) && (!f.status || r.status === f.status) &&
    (!f.verdict || r.verdict === f.verdict) && (!f.model || r.model === f.model) && (!f.tier || r.gradient_tier === f.tier));
  rows.sort((a, b) => b.iter - a.iter || a.file.localeCompare(b.file) || a.chunk - b.chunk);
  const page = rows.slice(f.offset, f.offset + f.limit).map(({ raw_answer: _drop, ...r }) => r);
  return { total: rows.length, offset: f.offset, limit: f.limit, rows: page, options };
}
