// Playbook consolidation: repeated successes of one (endpoint, task class) become one entry (pure).
import { z } from "zod";
import type { InsightMeta } from "./analyzer";
import type { OpRow } from "./event";
import type { PlaybookRow } from "./insight-rows";
import { stableKey } from "./stable-key";

export interface SuccessGroup {
  key: string;
  endpoint: string;
  task_class: string;
  successes: number;
  failures: number;
  durations: number[];
  sources: string[];
  examples: { input_summary: string; output_summary: string }[];
  corrections: string[];
}

const classOf = (op: OpRow) => op.task_class ?? op.event_kind ?? "(none)";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Groups with at least `minSuccesses` successes, largest first. Overseer corrections attach by class or signature. */
export function consolidateSuccesses(ops: readonly OpRow[], minSuccesses: number): SuccessGroup[] {
  const groups = new Map<string, SuccessGroup>();
  const corrections = ops.filter((o) => o.correction);
  for (const op of ops) {
    if (op.correction && op.source === "overseer") continue;
    const task_class = classOf(op);
    const key = stableKey(op.endpoint, task_class);
    let g = groups.get(key);
    if (!g) {
      g = { key, endpoint: op.endpoint, task_class, successes: 0, failures: 0, durations: [], sources: [], examples: [], corrections: [] };
      groups.set(key, g);
    }
    if (!op.success) {
      g.failures++;
      continue;
    }
    g.successes++;
    g.durations.push(op.duration_ms);
    if (!g.sources.includes(op.source)) g.sources.push(op.source);
    const ex = { input_summary: op.input_summary.slice(0, 200), output_summary: op.output_summary.slice(0, 200) };
    if (g.examples.length < 3 && !g.examples.some((e) => e.input_summary === ex.input_summary)) g.examples.push(ex);
  }
  const kept = [...groups.values()].filter((g) => g.successes >= minSuccesses);
  for (const g of kept) {
    const sigs = new Set(ops.filter((o) => o.endpoint === g.endpoint && classOf(o) === g.task_class && o.sig_hash).map((o) => o.sig_hash));
    for (const c of corrections) {
      const match = (c.task_class !== undefined && c.task_class === g.task_class) || (c.sig_hash !== undefined && sigs.has(c.sig_hash));
      if (match && !g.corrections.includes(c.correction!) && g.corrections.length < 5) g.corrections.push(c.correction!);
    }
    g.durations.sort((a, b) => a - b);
    g.sources.sort();
  }
  return kept.sort((a, b) => b.successes - a.successes || a.endpoint.localeCompare(b.endpoint) || a.task_class.localeCompare(b.task_class));
}

export const PlaybookAnswer = z.object({
  entries: z.array(z.object({ key: z.string(), guidance: z.string().min(1).max(2000) })),
});
export type PlaybookAnswer = z.infer<typeof PlaybookAnswer>;

export function playbookPrompt(groups: readonly SuccessGroup[]): string {
  const shown = groups.map((g) => ({ key: g.key, endpoint: g.endpoint, task_class: g.task_class, successes: g.successes, failures: g.failures, median_duration_ms: percentile(g.durations, 0.5), examples: g.examples, corrections: g.corrections }));
  return JSON.stringify({ entries: shown }, null, 1);
}

/** The offline entry: what worked, how often, how fast, and what the overseer corrected. */
export function offlineGuidance(g: SuccessGroup): string {
  const rate = Math.round((100 * g.successes) / (g.successes + g.failures));
  const parts = [`${g.endpoint} [${g.task_class}] succeeded ${g.successes} times (${rate}% of ${g.successes + g.failures} calls, median ${percentile(g.durations, 0.5)} ms).`];
  const ex = g.examples[0];
  if (ex?.input_summary) parts.push(`Typical input: ${ex.input_summary}${ex.output_summary ? ` → ${ex.output_summary}` : ""}.`);
  if (g.corrections.length) parts.push(`Overseer corrections to keep: ${g.corrections.join("; ")}.`);
  return parts.join(" ");
}

export function playbookRows(groups: readonly SuccessGroup[], answer: PlaybookAnswer | null, meta: InsightMeta): PlaybookRow[] {
  const byKey = new Map(answer?.entries.map((e) => [e.key, e]) ?? []);
  return groups.map((g) => {
    const a = meta.mode === "model" ? byKey.get(g.key) : undefined;
    return {
      schema_version: 1,
      kind: "playbook",
      created_at: meta.createdAt,
      cycle: meta.cycle,
      mode: a ? "model" : "offline",
      provider: a ? meta.provider : null,
      model: a ? meta.model : null,
      key: g.key,
      endpoint: g.endpoint,
      task_class: g.task_class,
      successes: g.successes,
      failures: g.failures,
      success_rate: g.successes / (g.successes + g.failures),
      median_duration_ms: percentile(g.durations, 0.5),
      p90_duration_ms: percentile(g.durations, 0.9),
      sources: g.sources,
      examples: g.examples,
      corrections: g.corrections,
      guidance: a?.guidance ?? offlineGuidance(g),
    };
  });
}
