// KB: review rows filtered, sorted and paged in SQL (a page of rows leaves DuckDB, never the table), and one
// row in full on request.
import type { DbContext } from "./ui-db";

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

/** The list's columns: the narrow ones a table shows. */
const LIST = "repo, iter, file, chunk, chunks, status, verdict, score, critical_failures_count, gradient_tier, model, run_id";

function where(f: KbFilter): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace("?", `$${params.length}`));
  };
  if (f.file) add("contains(lower(file), lower(?))", f.file);
  if (f.iter !== undefined) add("iter = ?", f.iter);
  if (f.status) add("status = ?", f.status);
  if (f.verdict) add("verdict = ?", f.verdict);
  if (f.model) add("model = ?", f.model);
  if (f.tier) add("gradient_tier = ?", f.tier);
  return { sql: conds.length ? `WHERE ${conds.join(" AND ")}` : "", params };
}

export async function kbOptions(ctx: DbContext) {
  await ctx.need("ui_options");
  const [o] = await ctx.q("SELECT * FROM ui_options");
  return { iter: o?.iter ?? [], model: o?.model ?? [], status: o?.status ?? [], verdict: o?.verdict ?? [], tier: o?.tier ?? [] };
}

/**
 * A page of rows, newest iteration first. Rows are counted per iteration first (one narrow scan); the page is
 * then read from the one or two iterations it falls in, so a deep page never sorts the whole table.
 */
export async function kbView(ctx: DbContext, f: KbFilter) {
  const w = where(f);
  const per = await ctx.q(`SELECT iter, CAST(count(*) AS BIGINT) AS n FROM reviews ${w.sql} GROUP BY iter ORDER BY iter DESC`, w.params);
  const total = per.reduce((a, p) => a + Number(p.n), 0);
  let skip = f.offset;
  let have = 0;
  const iters: number[] = [];
  for (const p of per) {
    const n = Number(p.n);
    if (!iters.length && skip >= n) {
      skip -= n;
      continue;
    }
    iters.push(Number(p.iter));
    have += iters.length === 1 ? n - skip : n;
    if (have >= f.limit) break;
  }
  const inIters = `${w.sql ? `${w.sql} AND` : "WHERE"} iter IN (${iters.map((i) => Math.trunc(i)).join(", ")})`;
  const rows = iters.length ? await ctx.q(`SELECT ${LIST} FROM reviews ${inIters} ORDER BY iter DESC, file, chunk, repo LIMIT ${f.limit} OFFSET ${skip}`, w.params) : [];
  return { total, offset: f.offset, limit: f.limit, rows, options: await kbOptions(ctx) };
}

/** One row in full (the cache keeps no raw model answer), by its key. */
export async function kbRow(ctx: DbContext, key: { repo: string; iter: number; file: string; chunk: number }) {
  const [row] = await ctx.q("SELECT * FROM reviews WHERE repo = $1 AND iter = $2 AND file = $3 AND chunk = $4 LIMIT 1", [key.repo, key.iter, key.file, key.chunk]);
  if (!row) return null;
  try {
    row.attempts = JSON.parse(String(row.attempts));
  } catch { /* left as text */ }
  return row;
}
