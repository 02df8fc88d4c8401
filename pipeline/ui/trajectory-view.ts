// TRAJECTORY: per-iteration score distribution and tiers (ui_iters), files per signal, and a page of files
// with their score histories (ui_signals), filtered and sorted in SQL.
import { lit } from "../query/fingerprint-sql";
import type { DbContext } from "./ui-db";

export const TRAJECTORY_SORTS = ["signal", "delta", "-delta", "file"] as const;
export type TrajectorySort = (typeof TRAJECTORY_SORTS)[number];

export interface TrajectoryQuery {
  signal?: string;
  sort: TrajectorySort;
  offset: number;
  limit: number;
}

export async function trajectoryView(ctx: DbContext, order: string[], q: TrajectoryQuery) {
  await ctx.need("ui_iters");
  await ctx.need("ui_signals");
  const iters = await ctx.q("SELECT * FROM ui_iters ORDER BY iter");
  const counts = await ctx.q("SELECT signal, CAST(count(*) AS INTEGER) AS n FROM ui_signals GROUP BY signal");
  const rank = `list_position([${order.map(lit).join(", ")}], signal)`;
  const by: Record<TrajectorySort, string> = {
    signal: `coalesce(${rank}, 99), file`,
    delta: "delta ASC NULLS LAST, file",
    "-delta": "delta DESC NULLS LAST, file",
    file: "file",
  };
  const where = q.signal ? "WHERE signal = $1" : "";
  const params = q.signal ? [q.signal] : [];
  const [total] = await ctx.q(`SELECT CAST(count(*) AS INTEGER) AS n FROM ui_signals ${where}`, params);
  const files = await ctx.q(
    `SELECT file, signal, rule, history, delta, recurring, targeted, jaccard FROM ui_signals ${where} ORDER BY ${by[q.sort]} LIMIT ${q.limit} OFFSET ${q.offset}`, params);
  const known = new Set(order);
  return {
    iters,
    counts: [...order.filter((s, i) => order.indexOf(s) === i), ...counts.map((c) => String(c.signal)).filter((s) => !known.has(s))]
      .map((s) => ({ signal: s, n: Number(counts.find((c) => c.signal === s)?.n ?? 0) })),
    total: Number(total?.n ?? 0),
    offset: q.offset,
    limit: q.limit,
    files,
  };
}
