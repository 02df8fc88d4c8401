// Builds valid KB rows for tests: realistic defaults, overrides per test, validated by the zod schemas.
import { createHash } from "node:crypto";
import { ReviewRowV5, type ReviewRow } from "../../pipeline/kb/schemas/review-row";
import { MissRow, TrustRow } from "../../pipeline/kb/schemas/trust-row";
import type { CheckedItem } from "../../pipeline/kb/schemas/review-answer";

export const sha = (s: string) => createHash("sha256").update(s).digest("hex");
export const FORENSIC = { name: "forensic", sha256: sha("forensic prompt v1") };
export const FORENSIC_V2 = { name: "forensic", sha256: sha("forensic prompt v2") };

/** A critical finding; `verified` defaults to true. */
export function item(title: string, line?: number, extra: Partial<CheckedItem> = {}): CheckedItem {
  return { title, ...(line ? { line } : {}), evidence: `evidence for ${title}`, verified: true, ...extra };
}

type Overrides = Partial<ReviewRow> & { criticals?: CheckedItem[]; verified?: number };

/** A valid ReviewRowV5 (current); counts follow the item arrays unless overridden. Throws if the result is invalid. */
export function reviewRow(o: Overrides = {}): ReviewRow {
  const { criticals, verified, ...given } = o;
  // An explicit `undefined` means "the default", not "drop the field".
  const rest = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<ReviewRow>;
  const file = rest.file ?? "src/app.ts";
  const iter = rest.iter ?? 1;
  const failed = rest.status === "failed";
  const critical_failures = rest.critical_failures ?? criticals ?? [];
  const verified_components = rest.verified_components ?? Array.from({ length: verified ?? 1 }, (_, i) => item(`component ${i + 1} wired`, 10 + i));
  const model = failed ? null : (rest.model ?? "kimi-k2:1t");
  const row: ReviewRow = {
    schema_version: 5,
    run_id: `run-${iter}`,
    iter,
    night: null,
    shard: null,
    repo: "/repo",
    commit: `c${iter}`,
    file,
    chunk: 1,
    chunks: 1,
    file_sha256: sha(`${file}@${iter}`),
    prompt: FORENSIC,
    policy_version: "2026.11.1",
    status: "accepted",
    provider: failed ? null : "ollama",
    model,
    rung: failed ? null : 0,
    attempts: [{ rung: 0, provider: "ollama", model: model ?? "kimi-k2:1t", outcome: failed ? "error" : "accepted", latency_ms: 900, tries: 1 }],
    accepted_on_attempt: failed ? null : 1,
    verdict: failed ? null : critical_failures.length ? "fail" : "pass",
    score: failed ? null : 5,
    confidence: failed ? null : 0.8,
    critical_failures: failed ? [] : critical_failures,
    verified_components: failed ? [] : verified_components,
    missing_components: [],
    critical_failures_count: 0,
    verified_components_count: 0,
    missing_components_count: 0,
    unverified_count: 0,
    summary: failed ? null : "reviewed",
    output_format: failed ? null : "json",
    gradient_tier: failed ? "block" : "dry_run",
    static_findings: [],
    latency_ms: 900,
    tokens: { prompt: 1200, completion: 300 },
    cached: false,
    targeted_by_fixwave: false,
    fixwave: null,
    redactions: 0,
    raw_answer: null,
    error: failed ? "all rungs failed" : null,
    created_at: `2026-11-0${Math.min(iter, 9)}T02:00:00.000Z`,
    ...rest,
  };
  row.critical_failures_count = rest.critical_failures_count ?? row.critical_failures.length;
  row.verified_components_count = rest.verified_components_count ?? row.verified_components.length;
  row.missing_components_count = rest.missing_components_count ?? row.missing_components.length;
  row.unverified_count = rest.unverified_count ?? [...row.critical_failures, ...row.verified_components].filter((i) => !i.verified).length;
  return ReviewRowV5.parse(row);
}

/** A model_trust.jsonl accept row matching a review row. */
export function trustRow(r: ReviewRow, o: Partial<TrustRow> = {}): TrustRow {
  return TrustRow.parse({
    schema_version: 1, run_id: r.run_id, iter: r.iter, file: r.file, chunk: r.chunk, file_sha256: r.file_sha256,
    provider: r.provider ?? "ollama", model: r.model ?? "kimi-k2:1t", rung: r.rung ?? 0, accepted_on_attempt: r.accepted_on_attempt ?? 1,
    output_format: r.output_format ?? "json", latency_ms: r.latency_ms, tokens: r.tokens, parse_failures: 0,
    findings: r.critical_failures_count, unverified_findings: r.critical_failures.filter((c) => !c.verified).length,
    cached: false, created_at: r.created_at, ...o,
  });
}

export function missRow(o: Partial<MissRow> & { file: string; model: string }): MissRow {
  return MissRow.parse({ schema_version: 1, kind: "miss", run_id: "run-1", iter: 1, provider: "ollama", rung: 0, outcome: "parse_failure", created_at: "2026-11-01T02:00:00.000Z", ...o });
}
