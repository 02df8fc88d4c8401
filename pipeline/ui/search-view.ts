// SEARCH: findings, summaries, rule hits and file paths through the cache's full-text index
// (query/search-index.ts). Every word must match (a word of three letters or more matches as a prefix), in the
// text or in the file's path; hits are grouped per (file, text) with the iterations they occur in.
import { TITLE_CLASSES } from "../analytics/fingerprint-lexicon";
import { FindingClass } from "../kb/schemas/static-finding";
import { TOKENS, searchFiles } from "../query/search-index";
import type { DbContext, Row } from "./ui-db";

export const SEARCH_KINDS = ["finding", "rule", "summary", "file"] as const;
/** Classes a finding or rule hit can carry: the lexicon's title classes, the floor's, and 'other'. */
export const SEARCH_CLASSES = [...new Set([...TITLE_CLASSES.map((c) => c.key), ...FindingClass.options, "other"])].sort();
const MAX_WORDS = 8;

export interface SearchQuery {
  text: string;
  iter?: number;
  kind?: string;
  class?: string;
  tier?: string;
  model?: string;
  offset: number;
  limit: number;
}

const q = (p: string) => `'${p.replace(/'/g, "''")}'`;
const list = (files: string[]) => `[${files.map(q).join(", ")}]`;

/** The next string after every string that starts with `w` (words are [a-z0-9], so one char up is enough). */
const upper = (w: string) => w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1);

/** `parts`: the cache parts whose index exists (the caller builds the rest). */
export async function searchView(ctx: DbContext, parts: string[], s: SearchQuery) {
  const words = ((await ctx.q(`SELECT ${TOKENS("$1")} AS w`, [s.text]))[0]?.w as string[] | undefined ?? []).slice(0, MAX_WORDS);
  const base = { words, offset: s.offset, limit: s.limit };
  if (!parts.length || (!words.length && !s.iter && !s.kind && !s.class && !s.tier && !s.model)) return { ...base, total: 0, hits: [] };
  const terms = list(parts.map((p) => searchFiles(p).terms));
  const docs = list(parts.map((p) => searchFiles(p).docs));
  const params: unknown[] = [];
  const bind = (v: unknown) => (params.push(v), `$${params.length}`);
  const ctes = words.map((w, i) => {
    const match = w.length >= 3 ? `term >= ${bind(w)} AND term < ${bind(upper(w))}` : `term = ${bind(w)}`;
    return `t${i} AS (SELECT DISTINCT tid FROM read_parquet(${terms}) WHERE ${match})`;
  });
  const conds = words.map((_, i) => `(d.tid IN (SELECT tid FROM t${i}) OR d.ftid IN (SELECT tid FROM t${i}))`);
  if (s.iter !== undefined) conds.push(`d.iter = ${bind(s.iter)}`);
  for (const [col, v] of [["kind", s.kind], ["class", s.class], ["tier", s.tier], ["model", s.model]] as const) if (v) conds.push(`d.${col} = ${bind(v)}`);
  const rank = `list_position(${`[${SEARCH_KINDS.map(q).join(", ")}]`}, kind)`;
  const rows = await ctx.q(`${ctes.length ? `WITH ${ctes.join(", ")} ` : ""}
    SELECT d.kind, d.file, d.tid, any_value(d.class) AS class, max(d.iter) AS last_iter, min(d.iter) AS first_iter,
      CAST(count(DISTINCT d.iter) AS INTEGER) AS iters, arg_max(d.line, d.iter) AS line, arg_max(d.tier, d.iter) AS tier,
      arg_max(d.model, d.iter) AS model, arg_max(d.verdict, d.iter) AS verdict, count(*) OVER () AS total
    FROM read_parquet(${docs}) d WHERE ${conds.join(" AND ") || "true"}
    GROUP BY d.kind, d.file, d.tid ORDER BY last_iter DESC, ${rank}, d.file, d.tid LIMIT ${s.limit} OFFSET ${s.offset}`, params);
  const texts = rows.length
    ? new Map((await ctx.q(`SELECT DISTINCT tid, text FROM read_parquet(${terms}) WHERE tid IN (${rows.map((r) => `${BigInt(String(r.tid))}::UBIGINT`).join(", ")})`))
      .map((r: Row) => [String(r.tid), String(r.text)]))
    : new Map<string, string>();
  return {
    ...base,
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map(({ tid, total: _t, ...r }) => ({ ...r, text: texts.get(String(tid)) ?? r.file })),
  };
}
