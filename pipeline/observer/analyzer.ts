// Failure analysis: group failures by endpoint and normalised error (pure), optionally explained by a model.
import { z } from "zod";
import type { OpRow } from "./event";
import type { AnalysisRow } from "./insight-rows";
import { normaliseError } from "./normalise-error";
import { stableKey } from "./stable-key";

export interface FailureGroup {
  key: string;
  endpoint: string;
  error_pattern: string;
  count: number;
  endpoint_calls: number;
  sources: string[];
  first_seen: string;
  last_seen: string;
  example_error: string | null;
  samples: string[];
  files: string[];
}

/** Groups, largest first (ties by endpoint then pattern, so the order is deterministic). */
export function groupFailures(ops: readonly OpRow[]): FailureGroup[] {
  const calls = new Map<string, number>();
  const groups = new Map<string, FailureGroup>();
  for (const op of ops) {
    calls.set(op.endpoint, (calls.get(op.endpoint) ?? 0) + 1);
    if (op.success) continue;
    const pattern = normaliseError(op.error ?? op.output_summary);
    const key = stableKey(op.endpoint, pattern);
    let g = groups.get(key);
    if (!g) {
      g = { key, endpoint: op.endpoint, error_pattern: pattern, count: 0, endpoint_calls: 0, sources: [], first_seen: op.timestamp, last_seen: op.timestamp, example_error: op.error ?? null, samples: [], files: [] };
      groups.set(key, g);
    }
    g.count++;
    if (!g.sources.includes(op.source)) g.sources.push(op.source);
    if (op.timestamp < g.first_seen) g.first_seen = op.timestamp;
    if (op.timestamp >= g.last_seen) {
      g.last_seen = op.timestamp;
      g.example_error = op.error ?? g.example_error;
    }
    if (op.input_summary) g.samples = [op.input_summary.slice(0, 200), ...g.samples.filter((s) => s !== op.input_summary.slice(0, 200))].slice(0, 3);
    if (op.file && !g.files.includes(op.file) && g.files.length < 5) g.files.push(op.file);
  }
  for (const g of groups.values()) {
    g.endpoint_calls = calls.get(g.endpoint) ?? g.count;
    g.sources.sort();
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.endpoint.localeCompare(b.endpoint) || a.error_pattern.localeCompare(b.error_pattern));
}

/** What the model is asked to return for the groups it is shown. */
export const AnalysisAnswer = z.object({
  groups: z.array(z.object({ key: z.string(), cause: z.string().min(1).max(2000), suggestion: z.string().min(1).max(2000) })),
});
export type AnalysisAnswer = z.infer<typeof AnalysisAnswer>;

/** The user message for the model: the groups as compact JSON. */
export function analysisPrompt(groups: readonly FailureGroup[]): string {
  const shown = groups.map((g) => ({ key: g.key, endpoint: g.endpoint, error_pattern: g.error_pattern, count: g.count, endpoint_calls: g.endpoint_calls, example_error: g.example_error, samples: g.samples, files: g.files }));
  return JSON.stringify({ groups: shown }, null, 1);
}

export interface InsightMeta {
  cycle: number;
  createdAt: string;
  mode: "model" | "offline";
  provider: string | null;
  model: string | null;
}

export function analysisRows(groups: readonly FailureGroup[], answer: AnalysisAnswer | null, meta: InsightMeta): AnalysisRow[] {
  const byKey = new Map(answer?.groups.map((a) => [a.key, a]) ?? []);
  return groups.map((g) => {
    const a = byKey.get(g.key);
    const explained = meta.mode === "model" && a !== undefined;
    return {
      schema_version: 1,
      kind: "analysis",
      created_at: meta.createdAt,
      cycle: meta.cycle,
      mode: explained ? "model" : "offline",
      provider: explained ? meta.provider : null,
      model: explained ? meta.model : null,
      key: g.key,
      endpoint: g.endpoint,
      error_pattern: g.error_pattern,
      count: g.count,
      endpoint_calls: g.endpoint_calls,
      failure_rate: Math.min(1, g.count / g.endpoint_calls),
      sources: g.sources,
      first_seen: g.first_seen,
      last_seen: g.last_seen,
      example_error: g.example_error,
      samples: g.samples,
      files: g.files,
      cause: a?.cause ?? null,
      suggestion: a?.suggestion ?? null,
    };
  });
}
