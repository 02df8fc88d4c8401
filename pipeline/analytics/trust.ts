// How far each model can be trusted: acceptance, JSON discipline, misses, cost, unverified findings,
// and agreement with other models and with the static floor on the same file content.
import type { EvalRow } from "../kb/schemas/eval-row";
import type { ReviewRow } from "../kb/schemas/review-row";
import type { MissRow, TrustRow } from "../kb/schemas/trust-row";
import { fingerprint } from "./fingerprint";
import { jaccard } from "./fingerprint";
import { rate } from "./iter-stats";
import { latestRows } from "./latest-rows";

export interface Agreement {
  /** Distinct file contents (file_sha256) both sides reviewed. */
  files: number;
  verdict_agreement: number | null;
  /** Mean fingerprint Jaccard of the critical findings on those files. */
  finding_overlap: number | null;
}

export interface ModelTrust {
  model: string;
  provider: string;
  /** Distinct files it accepted (any iteration). */
  files_accepted: number;
  /** Distinct (iter, file) it accepted: the same file reviewed in two iterations counts twice. */
  file_iters_accepted: number;
  accepts: number;
  /** Distinct (run, file) this model was tried on, from accepts and misses. */
  tried: number;
  first_attempt_accepts: number;
  first_attempt_rate: number | null;
  json_rate: number | null;
  parse_failures: number;
  misses: Record<MissRow["outcome"], number>;
  mean_latency_ms: number | null;
  mean_tokens: { prompt: number; completion: number } | null;
  findings: number;
  unverified_findings: number;
  unverified_rate: number | null;
  agreement_models: Agreement;
  agreement_floor: Agreement;
  /** The floor's findings handed to this model as evidence: confirmed / (confirmed + rejected). */
  floor_confirm_rate: number | null;
  /** From `scrum eval --mutate` (scrum_evals.jsonl), summed over every eval of this KB. */
  accuracy: Accuracy;
}

export interface Accuracy {
  evals: number;
  /** Mutants whose file this model reviewed, and those it caught. */
  reviewed: number;
  caught: number;
  mutation_recall: number | null;
  /** Its findings on mutated files, and those near no mutant and absent from the baseline. */
  findings: number;
  false_alarms: number;
  /** (findings - false alarms) / findings: the share of its findings the eval could verify. */
  verified_share: number | null;
}

/** Per model: what the mutation evals recorded (floor rows count for `static-floor`). */
export function accuracyOf(evals: readonly EvalRow[], model: string): Accuracy {
  const mine = evals.filter((e) => (e.reviewer === "floor" || e.reviewer === "model") && e.model === model);
  const judged = mine.filter((e) => e.outcome === "caught" || e.outcome === "missed");
  const caught = judged.filter((e) => e.outcome === "caught").length;
  const findings = mine.reduce((s, e) => s + e.findings, 0);
  const alarms = mine.reduce((s, e) => s + e.false_alarms, 0);
  return {
    evals: new Set(mine.map((e) => e.eval_id)).size, reviewed: judged.length, caught, mutation_recall: rate(caught, judged.length),
    findings, false_alarms: alarms, verified_share: rate(findings - alarms, findings),
  };
}

const VERDICT_RANK = { pass: 0, concerns: 1, fail: 2 } as const;
const isFloor = (provider: string | null) => provider === "static";

interface Opinion { model: string; provider: string; verdict: string | null; fps: Set<string> }

/** One opinion per (content, model): the latest iteration's chunks folded (strictest verdict, union of findings). */
function opinions(reviews: readonly ReviewRow[], lineBucket: number): Map<string, Map<string, Opinion>> {
  const latest = new Map<string, number>();
  for (const r of reviews) {
    if (r.status !== "accepted" || !r.model) continue;
    const k = `${r.file_sha256}\u0000${r.model}`;
    latest.set(k, Math.max(latest.get(k) ?? 0, r.iter));
  }
  const out = new Map<string, Map<string, Opinion>>();
  for (const r of reviews) {
    if (r.status !== "accepted" || !r.model || latest.get(`${r.file_sha256}\u0000${r.model}`) !== r.iter) continue;
    const bySha = out.get(r.file_sha256) ?? new Map<string, Opinion>();
    out.set(r.file_sha256, bySha);
    const o = bySha.get(r.model) ?? { model: r.model, provider: r.provider ?? "", verdict: null, fps: new Set<string>() };
    if (r.verdict && (o.verdict === null || VERDICT_RANK[r.verdict] > VERDICT_RANK[o.verdict as keyof typeof VERDICT_RANK])) o.verdict = r.verdict;
    // The path is left out so that the same content under another name still matches.
    for (const c of r.critical_failures) o.fps.add(fingerprint("", c, lineBucket));
    bySha.set(r.model, o);
  }
  return out;
}

function agreement(pairs: { same: boolean; overlap: number }[], files: number): Agreement {
  return {
    files,
    verdict_agreement: rate(pairs.filter((p) => p.same).length, pairs.length),
    finding_overlap: pairs.length ? pairs.reduce((s, p) => s + p.overlap, 0) / pairs.length : null,
  };
}

/** Per model, sorted by accepted files (most first). Rates are null when nothing was counted. */
export function trustProfile(all: ReviewRow[], trust: { accepts: TrustRow[]; misses: MissRow[]; evals?: EvalRow[] }, opts: { lineBucket?: number } = {}): ModelTrust[] {
  const evals = trust.evals ?? [];
  const reviews = latestRows(all);
  const ops = opinions(reviews, opts.lineBucket ?? 10);
  const models = new Map<string, string>();
  for (const r of reviews) if (r.status === "accepted" && r.model) models.set(r.model, r.provider ?? "");
  for (const t of trust.accepts) models.set(t.model, t.provider);
  for (const m of trust.misses) if (!models.has(m.model)) models.set(m.model, m.provider);
  for (const e of evals) if (e.model && (e.reviewer === "floor" || e.reviewer === "model") && !models.has(e.model)) models.set(e.model, e.provider ?? "");

  return [...models.entries()].map(([model, provider]) => {
    const acc = trust.accepts.filter((t) => t.model === model);
    const miss = trust.misses.filter((m) => m.model === model);
    const missed = new Set(miss.map((m) => `${m.run_id}\u0000${m.file}`));
    const acceptedKeys = new Set(acc.map((t) => `${t.run_id}\u0000${t.file}`));
    const tried = new Set([...acceptedKeys, ...missed]);
    const firstTry = [...acceptedKeys].filter((k) => !missed.has(k)).length;
    const outcomes = { parse_failure: 0, low_confidence: 0, error: 0, circuit_open: 0, overruled: 0 };
    for (const m of miss) outcomes[m.outcome]++;
    const findings = acc.reduce((s, t) => s + t.findings, 0);
    const unverified = acc.reduce((s, t) => s + t.unverified_findings, 0);
    const mine = reviews.filter((r) => r.model === model && r.status === "accepted");
    const statics = mine.flatMap((r) => r.static_findings);
    const confirmed = statics.filter((s) => s.model_verdict === "confirmed").length;
    const rejected = statics.filter((s) => s.model_verdict === "rejected").length;

    const vsModels: { same: boolean; overlap: number }[] = [];
    const vsFloor: { same: boolean; overlap: number }[] = [];
    let filesModels = 0, filesFloor = 0;
    for (const bySha of ops.values()) {
      const me = bySha.get(model);
      if (!me) continue;
      let sawModel = false, sawFloor = false;
      for (const other of bySha.values()) {
        if (other.model === model) continue;
        const pair = { same: other.verdict === me.verdict, overlap: jaccard(me.fps, other.fps) };
        if (isFloor(other.provider)) { vsFloor.push(pair); sawFloor = true; }
        else { vsModels.push(pair); sawModel = true; }
      }
      if (sawModel) filesModels++;
      if (sawFloor) filesFloor++;
    }
    return {
      model, provider,
      files_accepted: new Set(mine.map((r) => r.file)).size,
      file_iters_accepted: new Set(mine.map((r) => `${r.iter}\u0000${r.file}`)).size,
      accepts: acc.length,
      tried: tried.size,
      first_attempt_accepts: firstTry,
      first_attempt_rate: rate(firstTry, tried.size),
      json_rate: rate(acc.filter((t) => t.output_format === "json").length, acc.length),
      parse_failures: outcomes.parse_failure,
      misses: outcomes,
      mean_latency_ms: acc.length ? acc.reduce((s, t) => s + t.latency_ms, 0) / acc.length : null,
      mean_tokens: acc.length
        ? { prompt: acc.reduce((s, t) => s + t.tokens.prompt, 0) / acc.length, completion: acc.reduce((s, t) => s + t.tokens.completion, 0) / acc.length }
        : null,
      findings,
      unverified_findings: unverified,
      unverified_rate: rate(unverified, findings),
      agreement_models: agreement(vsModels, filesModels),
      agreement_floor: agreement(vsFloor, filesFloor),
      floor_confirm_rate: rate(confirmed, confirmed + rejected),
      accuracy: accuracyOf(evals, model),
    };
  }).sort((a, b) => b.files_accepted - a.files_accepted || (a.model < b.model ? -1 : 1));
}
