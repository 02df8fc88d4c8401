// Build KB rows (review, trust, misses) from one chunk's ladder result. Pure: values in, rows out.
import type { Config } from "../core/config";
import { checkAnswerItems } from "../extract/check-evidence";
import type { ReviewRow } from "../kb/schemas/review-row";
import { REVIEW_SCHEMA_VERSION } from "../kb/schemas/review-row";
import type { ShardRef } from "../kb/schemas/night";
import type { EvidenceVerdict, StaticFinding } from "../kb/schemas/static-finding";
import type { MissRow, TrustRow } from "../kb/schemas/trust-row";
import { TRUST_SCHEMA_VERSION } from "../kb/schemas/trust-row";
import type { Accepted, LadderResult } from "../ladder/run-ladder";
import type { Proposal } from "./fixwave-input";
import { placeOfPath } from "../rules/place";
import { gradientTier, maxSeverity } from "./tier";

export interface RunContext {
  run_id: string;
  iter: number;
  night: string | null;
  shard: ShardRef | null;
  repo: string;
  commit: string | null;
  prompt: { name: string; sha256: string };
  policy_version: string;
  proposal: Proposal | null;
  tiers: Config["tiers"];
}

export interface ChunkContext {
  file: string;
  file_sha256: string;
  lines: readonly string[];
  chunk: number;
  chunks: number;
  chunkLines: { start: number; end: number };
  staticFindings: readonly StaticFinding[];
  sensitive: boolean;
  created_at: string;
}

function evidenceVerdicts(findings: readonly StaticFinding[], acc: Accepted | null): EvidenceVerdict[] {
  return findings.map((f, i) => {
    if (!acc) return { ...f, model_verdict: "unanswered", model_reason: "no rung accepted this file" };
    if (!acc.rung.provider) return { ...f, model_verdict: "unanswered", model_reason: "accepted on the static rung: no model reviewed it" };
    const claim = acc.claims.find((c) => c.id === `S${i + 1}`);
    return claim
      ? { ...f, model_verdict: claim.verdict, model_reason: claim.reason }
      : { ...f, model_verdict: "unanswered", model_reason: `${acc.rung.rung.model} did not answer claim S${i + 1}` };
  });
}

export function reviewRow(run: RunContext, c: ChunkContext, res: LadderResult): ReviewRow {
  const acc = res.accepted;
  const targeted = Boolean(run.proposal?.files.includes(c.file));
  const checked = acc ? checkAnswerItems(acc.answer, c.lines) : null;
  const critical = checked?.critical_failures.length ?? 0;
  const tier = gradientTier(
    {
      status: acc ? "accepted" : "failed",
      verdict: acc?.answer.verdict ?? null,
      confidence: acc?.answer.confidence ?? null,
      critical,
      maxSeverity: maxSeverity(c.staticFindings),
      sensitive: c.sensitive,
      place: placeOfPath(c.file),
      findings: c.staticFindings,
    },
    run.tiers,
  );
  const reasons = res.attempts.filter((a) => a.outcome !== "accepted").map((a) => `${a.model}: ${a.outcome}${a.detail ? ` (${a.detail})` : ""}`);
  const overruled = res.attempts.filter((a) => a.outcome === "overruled").map((a) => a.rung);
  return {
    schema_version: REVIEW_SCHEMA_VERSION,
    run_id: run.run_id,
    iter: run.iter,
    night: run.night,
    shard: run.shard,
    repo: run.repo,
    commit: run.commit,
    file: c.file,
    chunk: c.chunk,
    chunks: c.chunks,
    chunk_lines: c.chunkLines,
    file_sha256: c.file_sha256,
    prompt: run.prompt,
    policy_version: run.policy_version,
    status: acc ? "accepted" : "failed",
    provider: acc?.rung.rung.provider ?? null,
    model: acc?.rung.rung.model ?? null,
    rung: acc?.rung.index ?? null,
    attempts: res.attempts,
    accepted_on_attempt: acc?.attemptNo ?? null,
    verdict: acc?.answer.verdict ?? null,
    score: acc?.answer.score ?? null,
    confidence: acc?.answer.confidence ?? null,
    critical_failures: checked?.critical_failures ?? [],
    verified_components: checked?.verified_components ?? [],
    missing_components: checked?.missing_components ?? [],
    critical_failures_count: critical,
    verified_components_count: checked?.verified_components.length ?? 0,
    missing_components_count: checked?.missing_components.length ?? 0,
    unverified_count: checked?.unverified ?? 0,
    summary: acc?.answer.summary ?? null,
    output_format: acc?.format ?? null,
    gradient_tier: tier,
    static_findings: evidenceVerdicts(c.staticFindings, acc),
    latency_ms: Math.round(res.latencyMs),
    tokens: res.tokens,
    cached: false,
    cached_from: null,
    targeted_by_fixwave: targeted,
    fixwave: run.proposal ? { path: run.proposal.path, sha256: run.proposal.sha256, files: run.proposal.files } : null,
    redactions: res.redactions,
    raw_answer: acc?.text ?? res.lastText,
    injection_suspected: overruled.length > 0,
    overruled_rungs: overruled,
    error: acc ? null : reasons.join("; ") || "no rung answered",
    created_at: c.created_at,
  };
}

/** A cached review reused for this iteration: same answer, no model call, marked cached. */
export function cachedRow(run: RunContext, prior: ReviewRow, c: ChunkContext): ReviewRow {
  const tier = gradientTier(
    { status: "accepted", verdict: prior.verdict, confidence: prior.confidence, critical: prior.critical_failures_count, maxSeverity: maxSeverity(c.staticFindings), sensitive: c.sensitive, place: placeOfPath(c.file), findings: c.staticFindings },
    run.tiers,
  );
  return {
    ...prior,
    run_id: run.run_id,
    iter: run.iter,
    night: run.night,
    shard: run.shard,
    repo: run.repo,
    commit: run.commit,
    policy_version: run.policy_version,
    attempts: [],
    latency_ms: 0,
    tokens: { prompt: 0, completion: 0 },
    cached: true,
    cached_from: prior.cached_from ?? prior.run_id,
    gradient_tier: tier,
    targeted_by_fixwave: Boolean(run.proposal?.files.includes(c.file)),
    fixwave: run.proposal ? { path: run.proposal.path, sha256: run.proposal.sha256, files: run.proposal.files } : null,
    created_at: c.created_at,
  };
}

/**
 * Trust rows of one review row, derived from the row alone (so a resumed sweep can rebuild any the
 * kill lost): one miss per failed attempt, one accept with the accepting attempt's own latency and
 * tokens. A cached reuse made no call and writes none.
 */
export function trustRows(row: ReviewRow): (TrustRow | MissRow)[] {
  if (row.cached) return [];
  const out: (TrustRow | MissRow)[] = [];
  for (const a of row.attempts) {
    if (a.outcome === "accepted" || a.outcome === "skipped") continue;
    out.push({ schema_version: TRUST_SCHEMA_VERSION, kind: "miss", run_id: row.run_id, iter: row.iter, file: row.file, provider: a.provider, model: a.model, rung: a.rung, outcome: a.outcome, detail: a.detail, created_at: row.created_at });
  }
  const accept = row.attempts.find((a) => a.outcome === "accepted");
  if (row.status === "accepted" && accept && row.model && row.provider && row.rung !== null && row.output_format) {
    out.push({
      schema_version: TRUST_SCHEMA_VERSION,
      run_id: row.run_id,
      iter: row.iter,
      file: row.file,
      chunk: row.chunk,
      file_sha256: row.file_sha256,
      provider: row.provider,
      model: row.model,
      rung: row.rung,
      accepted_on_attempt: row.accepted_on_attempt ?? 1,
      output_format: row.output_format,
      latency_ms: accept.latency_ms,
      tokens: accept.tokens ?? row.tokens,
      parse_failures: row.attempts.filter((a) => a.outcome === "parse_failure").length,
      findings: row.critical_failures_count,
      unverified_findings: row.unverified_count,
      cached: false,
      created_at: row.created_at,
    });
  }
  return out;
}
