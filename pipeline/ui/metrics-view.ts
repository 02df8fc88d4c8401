// METRICS: the compare figures (the same queries as `scrum compare`), each with what it means and what good
// looks like, then tables (SECTIONS). A new table is one SECTIONS entry plus its notes in metric-notes.ts.
import type { CompareResult } from "../analytics/compare";
import { rate } from "../analytics/iter-stats";
import { compareDb, iterations, iterStatsOf } from "../query/kb-queries";
import { trustDb } from "../query/trust-db";
import { METRIC_NOTES, SECTION_NOTES } from "./metric-notes";
import type { DbContext, Row } from "./ui-db";

/** Rows per table. */
const TABLE_ROWS = 25;

/** What a table may read: the comparison of the two iterations the page shows (null with fewer than two). */
interface Range {
  compare: CompareResult | null;
  opts: { from?: number; to?: number };
}

/**
 * The tables below the figures, in order; `id` names the notes in SECTION_NOTES. A `lazy` table is fetched by
 * the page after the figures are drawn (/api/metrics/section), so a slow one never holds up the view.
 */
export const SECTIONS: { id: string; lazy?: boolean; needsCompare?: boolean; rows: (ctx: DbContext, r: Range) => Promise<Row[]> }[] = [
  {
    id: "moves",
    needsCompare: true,
    rows: async (_ctx, { compare }) => {
      if (!compare) return [];
      const moved = compare.files.filter((f) => f.delta !== 0).sort((a, b) => a.delta - b.delta || (a.file < b.file ? -1 : 1));
      const down = moved.filter((f) => f.delta < 0).slice(0, TABLE_ROWS);
      const up = moved.filter((f) => f.delta > 0).reverse().slice(0, TABLE_ROWS);
      return [...down, ...up] as unknown as Row[];
    },
  },
  {
    id: "iterations",
    lazy: true,
    // Request counts parse each row's attempts: the last ten iterations only, after the figures.
    rows: async (ctx) => (await iterStatsOf(ctx.kb, (await iterations(ctx.kb)).slice(-10))).reverse().map((s) => ({
      iter: s.iter, rows: s.rows, accepted: s.accepted, first_attempt_rate: rate(s.first_attempt, s.accepted), json_rate: rate(s.json, s.accepted),
      requests: s.requests, tokens: `${int(s.tokens.prompt)} / ${int(s.tokens.completion)}`,
    })),
  },
  {
    id: "trust",
    lazy: true,
    // Agreement over slices of ~100,000 rows each, on one thread, so it fits the serving memory limit.
    rows: async (ctx) => {
      const buckets = Math.ceil(Number((await ctx.q("SELECT count(*) AS n FROM reviews"))[0]?.n ?? 0) / 100_000);
      return (await ctx.oneThread(() => trustDb(ctx.kb, { buckets }))).slice(0, TABLE_ROWS).map((t) => ({
      model: `${t.provider}/${t.model}`, files_accepted: t.files_accepted, first_attempt_rate: t.first_attempt_rate, json_rate: t.json_rate,
        parse_failures: t.parse_failures, unverified_rate: t.unverified_rate, agree_models: t.agreement_models.verdict_agreement, agree_floor: t.agreement_floor.verdict_agreement,
        mutation_recall: t.accuracy.mutation_recall, verified_share: t.accuracy.verified_share,
      }));
    },
  },
  {
    id: "evals",
    // The latest mutation eval only (the trust table's columns sum every eval).
    rows: (ctx) => ctx.q(`WITH latest AS (SELECT eval_id FROM evals ORDER BY created_at DESC LIMIT 1)
      SELECT class, CASE WHEN reviewer = 'floor' THEN 'static floor' ELSE coalesce(provider || '/' || model, reviewer) END AS reviewer,
        CAST(count(*) FILTER (WHERE outcome = 'caught') AS INTEGER) AS caught, CAST(count(*) FILTER (WHERE outcome IN ('caught', 'missed')) AS INTEGER) AS reviewed,
        count(*) FILTER (WHERE outcome = 'caught') / nullif(count(*) FILTER (WHERE outcome IN ('caught', 'missed')), 0) AS recall,
        CAST(sum(false_alarms) AS INTEGER) AS false_alarms
      FROM evals WHERE eval_id IN (SELECT eval_id FROM latest) AND reviewer IN ('floor', 'model') GROUP BY ALL ORDER BY class, reviewer LIMIT 200`),
  },
];

const fmtRate = (x: number | null) => (x === null ? "n/a" : `${(100 * x).toFixed(1)}%`);
const fmt = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
const sign = (x: number | null) => (x === null ? "n/a" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);
const int = (x: number) => x.toLocaleString("en");

function figures(c: CompareResult) {
  const s = c.sides.to.stats;
  const values: Record<keyof typeof METRIC_NOTES, string> = {
    mean_to: `${fmt(c.mean_to)} (was ${fmt(c.mean_from)})`,
    delta: sign(c.delta),
    movement: `${int(c.up)} up / ${int(c.down)} down / ${int(c.same)} same`,
    coverage: `${int(c.only_to.length)} new / ${int(c.only_from.length)} dropped`,
    acceptance: fmtRate(rate(s.accepted, s.rows)),
    first_attempt: fmtRate(rate(s.first_attempt, s.accepted)),
    json_rate: fmtRate(rate(s.json, s.accepted)),
    requests_per_row: s.rows ? (s.requests / s.rows).toFixed(2) : "n/a",
    tokens: `${int(s.tokens.prompt)} / ${int(s.tokens.completion)}`,
    verified_components: `${int(c.sides.to.verified_components)} (was ${int(c.sides.from.verified_components)})`,
    tiers: Object.entries(c.sides.to.tiers).map(([t, n]) => `${t} ${int(n)}`).join(", "),
    bar_raised: c.bar_raised ? "yes" : "no (same prompt)",
  };
  return Object.entries(METRIC_NOTES).map(([id, n]) => ({ id, ...n, value: values[id as keyof typeof METRIC_NOTES], detail: id === "bar_raised" ? c.note : null }));
}

export async function metricsView(ctx: DbContext, opts: { from?: number; to?: number }) {
  const iters = await iterations(ctx.kb);
  const compare = iters.length >= 2 ? await compareDb(ctx.kb, opts) : null;
  const sections = [];
  for (const s of SECTIONS) {
    if (!compare && s.needsCompare) continue;
    sections.push({ id: s.id, ...SECTION_NOTES[s.id]!, rows: s.lazy ? null : await s.rows(ctx, { compare, opts }) });
  }
  return {
    iterations: iters, compare: compare && { from: compare.from, to: compare.to }, figures: compare ? figures(compare) : [],
    note: compare ? null : `compare needs two iterations (the KB has ${iters.length})`, sections,
  };
}

/** One table's rows (the lazy ones), for the same iterations as the figures. */
export async function metricsSection(ctx: DbContext, id: string, opts: { from?: number; to?: number }): Promise<Row[] | null> {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) return null;
  const iters = await iterations(ctx.kb);
  return s.rows(ctx, { compare: iters.length >= 2 && s.needsCompare ? await compareDb(ctx.kb, opts) : null, opts });
}
