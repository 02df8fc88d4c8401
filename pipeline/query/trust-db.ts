// trustProfile (analytics/trust.ts) as grouped DuckDB queries over the `trust` and `reviews` views, so
// `scrum trust` never parses a big KB in JS. A test holds the two equal on the same fixtures.
import type { Accuracy, Agreement, ModelTrust } from "../analytics/trust";
import { ACCURACY } from "./evals-sql";
import { rate } from "../analytics/iter-stats";
import type { KbDb } from "./open-kb";

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const OUTCOMES = ["parse_failure", "low_confidence", "error", "circuit_open", "overruled"] as const;

// Trust rows in file order: the provider a model is shown with is the last accept's (as in the TS Map).
const TRUST_LINES = "(SELECT row_number() OVER () AS ln, * FROM trust)";
const ACCEPTED = "status = 'accepted' AND model IS NOT NULL";

const ACCEPTS = `SELECT model, arg_max(provider, ln) AS provider, count(*) AS accepts,
    count(*) FILTER (WHERE output_format = 'json') AS json, avg(latency_ms) AS latency,
    avg(tokens_prompt) AS tp, avg(tokens_completion) AS tc, sum(findings) AS findings, sum(unverified_findings) AS unverified
  FROM ${TRUST_LINES} WHERE kind = 'accept' GROUP BY model`;
const MISSES = `SELECT model, arg_min(provider, ln) AS provider, min(ln) AS ln, outcome, count(*) AS n FROM ${TRUST_LINES} WHERE kind = 'miss' GROUP BY model, outcome`;
// A (run, file) counts as a first try when the model accepted it with no miss of its own there.
const TRIED = `SELECT model, count(*) AS tried, count(*) FILTER (WHERE acc AND NOT mis) AS first
  FROM (SELECT model, run_id, file, bool_or(kind = 'accept') AS acc, bool_or(kind = 'miss') AS mis FROM trust GROUP BY ALL) GROUP BY model`;
// (iter, file) pairs per model. When the cache knows each one-chunk row is alone in its (iter, file)
// (single_rows), those rows are counted, and only chunked rows need a distinct set: a million-entry distinct
// set of (iter, file) was most of the memory `scrum trust` needed.
const reviewsSql = (singleRows: boolean) => `SELECT model, max(provider) AS provider, count(DISTINCT file) AS files,
    ${singleRows ? "count(*) FILTER (WHERE chunks = 1) + count(DISTINCT (iter, file)) FILTER (WHERE chunks <> 1)" : "count(DISTINCT (iter, file))"} AS file_iters,
    sum(len(list_filter(static_findings, s -> s.model_verdict = 'confirmed'))) AS confirmed,
    sum(len(list_filter(static_findings, s -> s.model_verdict = 'rejected'))) AS rejected
  FROM reviews WHERE ${ACCEPTED} GROUP BY model`;
// One opinion per (content, model) from its latest iteration: strictest verdict, fingerprints without the path.
// The latest iteration is found on the narrow columns first; only those rows' findings are read, and each
// distinct title is keyed once (the lexicon's regexes are the expensive part, and titles repeat). Contents and
// fingerprints are carried as 64-bit hashes: the same answers, a fraction of the memory.
const agreementSql = (bucket: number, of: number) => `WITH every AS (
    SELECT hash(file_sha256) AS sha, model, max(iter) AS iter FROM reviews
    WHERE ${ACCEPTED}${of > 1 ? ` AND hash(file_sha256) % ${of} = ${bucket}` : ""} GROUP BY ALL
  ), latest AS (
    -- Content only one model reviewed has no pair to agree with: its findings are never read.
    SELECT * FROM every SEMI JOIN (SELECT sha FROM every GROUP BY sha HAVING count(*) >= 2) m USING (sha)
  ), cur AS MATERIALIZED (
    SELECT hash(r.file_sha256) AS sha, r.model, r.provider, r.verdict, list_transform(r.critical_failures, c -> {'title': c.title, 'line': c.line}) AS cf
    FROM reviews r SEMI JOIN latest l ON l.sha = hash(r.file_sha256) AND l.model = r.model AND l.iter = r.iter WHERE r.status = 'accepted' AND r.model IS NOT NULL
  ), items AS (
    SELECT sha, model, unnest(cf) AS c FROM cur
  ), keys AS (
    SELECT title, scrum_title_key(title) AS k FROM (SELECT DISTINCT c.title AS title FROM items)
  ), fps AS (
    SELECT i.sha, i.model, list_distinct(list(hash('#' || keys.k || '@' || scrum_bucket(i.c.line)))) AS fps
    FROM items i JOIN keys ON keys.title = i.c.title GROUP BY ALL
  ), op AS MATERIALIZED (
    SELECT cur.sha, cur.model, coalesce(min(cur.provider), '') AS provider,
      ['pass', 'concerns', 'fail'][max(list_position(['pass', 'concerns', 'fail'], cur.verdict))] AS verdict,
      coalesce(any_value(fps.fps), []) AS fps
    FROM cur LEFT JOIN fps ON fps.sha = cur.sha AND fps.model = cur.model GROUP BY cur.sha, cur.model
  ), pairs AS (
    SELECT a.model, b.provider = 'static' AS floor, a.sha, a.verdict IS NOT DISTINCT FROM b.verdict AS same,
      CASE WHEN len(a.fps) = 0 AND len(b.fps) = 0 THEN 1.0
           ELSE len(list_intersect(a.fps, b.fps)) / (len(a.fps) + len(b.fps) - len(list_intersect(a.fps, b.fps))) END AS overlap
    FROM op a JOIN op b ON a.sha = b.sha AND a.model <> b.model
  )
  SELECT model, floor, count(DISTINCT sha) AS files, count(*) AS pairs, count(*) FILTER (WHERE same) AS same, sum(overlap) AS overlap
  FROM pairs GROUP BY model, floor`;

function agreementOf(row: Record<string, unknown> | undefined): Agreement {
  if (!row) return { files: 0, verdict_agreement: null, finding_overlap: null };
  const pairs = n(row.pairs);
  return { files: n(row.files), verdict_agreement: rate(n(row.same), pairs), finding_overlap: pairs ? n(row.overlap) / pairs : null };
}

/**
 * The agreement rows, computed over `buckets` disjoint slices of the contents one after another and summed:
 * every figure is a count or a sum per (model, floor) over contents, so slices add up exactly, and a long-lived
 * reader with a memory limit (the UI) holds one slice of the opinions at a time.
 */
async function agreement(db: KbDb, buckets: number): Promise<Record<string, unknown>[]> {
  const sums = new Map<string, Record<string, unknown>>();
  for (let b = 0; b < buckets; b++) {
    for (const r of await db.all(agreementSql(b, buckets))) {
      const k = `${r.model}\u0000${r.floor}`;
      const acc = sums.get(k);
      if (!acc) sums.set(k, { ...r });
      else for (const f of ["files", "pairs", "same", "overlap"]) acc[f] = n(acc[f]) + n(r[f]);
    }
  }
  return [...sums.values()];
}

/** Per model, sorted by accepted files (most first), as trustProfile computes it. `buckets`: see agreement(). */
export async function trustDb(db: KbDb, opts: { buckets?: number } = {}): Promise<ModelTrust[]> {
  const [accepts, misses, tried, reviews, accuracy] = await Promise.all([ACCEPTS, MISSES, TRIED, reviewsSql(db.source().singleRows), ACCURACY].map((sql) => db.all(sql)));
  const agree = await agreement(db, Math.max(1, Math.trunc(opts.buckets ?? 1)));
  const by = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.model), r]));
  const acc = by(accepts!), tr = by(tried!), rev = by(reviews!), evals = by(accuracy!);
  const models = new Set([...acc.keys(), ...rev.keys(), ...misses!.map((m) => String(m.model)), ...evals.keys()]);
  return [...models].map((model): ModelTrust => {
    const a = acc.get(model), t = tr.get(model), r = rev.get(model);
    const mine = misses!.filter((m) => String(m.model) === model);
    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, n(mine.find((m) => m.outcome === o)?.n)])) as ModelTrust["misses"];
    const accepted = n(a?.accepts);
    const findings = n(a?.findings), unverified = n(a?.unverified);
    const confirmed = n(r?.confirmed), rejected = n(r?.rejected);
    const e = evals.get(model);
    const provider = (a?.provider ?? r?.provider ?? [...mine].sort((x, y) => n(x.ln) - n(y.ln))[0]?.provider ?? e?.provider ?? "") as string;
    return {
      model, provider,
      files_accepted: n(r?.files),
      file_iters_accepted: n(r?.file_iters),
      accepts: accepted,
      tried: n(t?.tried),
      first_attempt_accepts: n(t?.first),
      first_attempt_rate: rate(n(t?.first), n(t?.tried)),
      json_rate: rate(n(a?.json), accepted),
      parse_failures: outcomes.parse_failure,
      misses: outcomes,
      mean_latency_ms: accepted ? orNull(a?.latency) : null,
      mean_tokens: accepted ? { prompt: n(a?.tp), completion: n(a?.tc) } : null,
      findings,
      unverified_findings: unverified,
      unverified_rate: rate(unverified, findings),
      agreement_models: agreementOf(agree!.find((g) => String(g.model) === model && !g.floor)),
      agreement_floor: agreementOf(agree!.find((g) => String(g.model) === model && g.floor)),
      floor_confirm_rate: rate(confirmed, confirmed + rejected),
      accuracy: accuracyFrom(e),
    };
  }).sort((x, y) => y.files_accepted - x.files_accepted || (x.model < y.model ? -1 : 1));
}

function accuracyFrom(e: Record<string, unknown> | undefined): Accuracy {
  const reviewed = n(e?.reviewed), caught = n(e?.caught), findings = n(e?.findings), alarms = n(e?.false_alarms);
  return { evals: n(e?.evals), reviewed, caught, mutation_recall: rate(caught, reviewed), findings, false_alarms: alarms, verified_share: rate(findings - alarms, findings) };
}
