// SEARCH: findings, summaries, rule hits and file paths through the cache's full-text index
// (query/search-index.ts). Every word must match (a word of three letters or more matches as a prefix), in the
// text or in the file's path; hits are grouped per (file, text) with the iterations they occur in.
import { TITLE_CLASSES } from "../analytics/fingerprint-lexicon";
import { FindingClass } from "../kb/schemas/static-finding";
import { lit } from "../query/fingerprint-sql";
import { TOKENS, type SearchFiles } from "../query/search-index";
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

const list = (files: string[]) => `[${files.map(lit).join(", ")}]`;

/** The next string after every string that starts with `w` (words are [a-z0-9], so one char up is enough). */
const upper = (w: string) => w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1);

/** `index`: the index files built so far (the caller builds the rest). */
export async function searchView(ctx: DbContext, index: SearchFiles[], s: SearchQuery) {
  const words = ((await ctx.q(`SELECT ${TOKENS("$1")} AS w`, [s.text]))[0]?.w as string[] | undefined ?? []).slice(0, MAX_WORDS);
  const base = { words, offset: s.offset, limit: s.limit };
  if (!index.length || (!words.length && !s.iter && !s.kind && !s.class && !s.tier && !s.model)) return { ...base, total: 0, hits: [] };
  const terms = list(index.map((f) => f.terms));
  const docs = list(index.map((f) => f.docs));
  const textsOf = list(index.map((f) => f.texts));
  const params: unknown[] = [];
  const bind = (v: unknown) => (params.push(v), `$${params.length}`);
  const ctes = words.map((w, i) => {
    const match = w.length >= 3 ? `term >= ${bind(w)} AND term < ${bind(upper(w))}` : `term = ${bind(w)}`;
    return `SELECT DISTINCT ${i} AS i, tid FROM read_parquet(${terms}) WHERE ${match}`;
  });
  // The texts each word matches (a row group or two of the sorted terms); a word matching nothing ends it here.
  if (ctes.length) {
    await ctx.q(`CREATE OR REPLACE TEMP TABLE search_words AS ${ctes.join(" UNION ALL ")}`, params.splice(0));
    const found = await ctx.q("SELECT DISTINCT i FROM search_words");
    if (found.length < words.length) return { ...base, total: 0, hits: [] };
  }
  const conds = words.map((_, i) => `(d.tid IN (SELECT tid FROM search_words WHERE i = ${i}) OR d.ftid IN (SELECT tid FROM search_words WHERE i = ${i}))`);
  if (s.iter !== undefined) conds.push(`d.iter = ${bind(s.iter)}`);
  for (const [col, v] of [["kind", s.kind], ["class", s.class], ["tier", s.tier], ["model", s.model]] as const) if (v) conds.push(`d.${col} = ${bind(v)}`);
  const rank = `list_position(${`[${SEARCH_KINDS.map(lit).join(", ")}]`}, kind)`;
  // Group the matches cheaply (no per-group detail yet), take the page, then fetch the page's details.
  const page = await ctx.q(`SELECT d.kind, d.file, d.tid, max(d.iter) AS last_iter, min(d.iter) AS first_iter, CAST(count(*) AS INTEGER) AS n, count(*) OVER () AS total
    FROM read_parquet(${docs}) d WHERE ${conds.join(" AND ") || "true"}
    GROUP BY d.kind, d.file, d.tid ORDER BY last_iter DESC, ${rank}, d.file, d.tid LIMIT ${s.limit} OFFSET ${s.offset}`, params);
  if (!page.length) return { ...base, total: 0, hits: [] };
  const tids = [...new Set(page.map((r) => `${BigInt(String(r.tid))}::UBIGINT`))].join(", ");
  const files = [...new Set(page.map((r) => String(r.file)))];
  const iters = [...new Set(page.map((r) => Math.trunc(Number(r.last_iter))))].join(", ");
  // Details from each hit's latest occurrence: docs are sorted by iteration, so the iteration filter skips most of them.
  const detail = await ctx.q(`SELECT kind, file, tid, iter, any_value(class) AS class, min(line) AS line, any_value(tier) AS tier, any_value(model) AS model, any_value(verdict) AS verdict
    FROM read_parquet(${docs}) WHERE iter IN (${iters}) AND tid IN (${tids}) AND file IN (${files.map((_, i) => `$${i + 1}`).join(", ")}) GROUP BY ALL`, files);
  const texts = new Map((await ctx.q(`SELECT DISTINCT tid, text FROM read_parquet(${textsOf}) WHERE tid IN (${tids})`)).map((r) => [String(r.tid), String(r.text)]));
  const key = (r: Row) => `${r.kind}\u0000${r.file}\u0000${r.tid}\u0000${r.last_iter ?? r.iter}`;
  const more = new Map(detail.map((r) => [key(r), r]));
  return {
    ...base,
    total: Number(page[0]!.total),
    hits: page.map((r) => {
      const d = more.get(key(r)) ?? {};
      return { kind: r.kind, file: r.file, class: d.class ?? null, last_iter: r.last_iter, first_iter: r.first_iter, n: r.n, line: d.line ?? null, tier: d.tier ?? null, model: d.model ?? null, verdict: d.verdict ?? null, text: texts.get(String(r.tid)) ?? r.file };
    }),
  };
}
