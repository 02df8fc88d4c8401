// Finding fingerprints that stay stable across iterations and models: file, normalised title, line bucket.
// The same algorithm is written in SQL (query/fingerprint-sql.ts); a parity test keeps the two identical.
import { MAX_STEMS, STOPWORDS, TITLE_CLASSES } from "./fingerprint-lexicon";

const CLASS_PREFIX = /^\s*\[([a-z0-9_-]+)\]/;
const COMPILED = TITLE_CLASSES.map((c) => ({ key: c.key, re: new RegExp(c.pattern) }));
const STOP = new Set(STOPWORDS);

/** Crude suffix stem, the same as the SQL macro: only words longer than 4 letters lose ing/ed/es/s. */
export function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, "") : word;
}

/**
 * ASCII folding both sides do identically (SQL: lower(regexp_replace(strip_accents(t), '[^\x00-\x7f]', ' ', 'g'))):
 * canonical decomposition with the marks dropped ("İ" → "I", "é" → "e"), then every other non-ASCII code
 * point becomes one space, then ASCII lower case. JavaScript's and DuckDB's Unicode lower-casing differ
 * ("İ" → "i̇" in one), so only ASCII is ever lower-cased.
 */
export function foldTitle(title: string): string {
  return title.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\x00-\x7f]/gu, " ").toLowerCase();
}

/**
 * The identity of a finding title, independent of a model's wording:
 * a `[class]` prefix when present (static floor titles), else the first lexicon class whose
 * pattern matches, else up to MAX_STEMS content-word stems (title order), sorted and joined by "-".
 */
export function normalizeTitle(title: string): string {
  const t = foldTitle(title);
  const prefix = CLASS_PREFIX.exec(t);
  if (prefix) return prefix[1]!;
  for (const c of COMPILED) if (c.re.test(t)) return c.key;
  const words = t.split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !STOP.has(w));
  const stems = [...new Set(words.slice(0, MAX_STEMS).map(stem))].sort();
  return stems.length ? stems.join("-") : "untitled";
}

/** The first line of the bucket a line falls in ("L11" for lines 11..20 with bucket 10), "-" when unknown. */
export function lineBucketLabel(line: number | undefined | null, lineBucket: number): string {
  if (!line || line < 1) return "-";
  return `L${Math.floor((line - 1) / lineBucket) * lineBucket + 1}`;
}

/** `<file>#<normalised title>@<line bucket>`, e.g. `src/db.ts#swallowed-error@L41`. */
export function fingerprint(file: string, item: { title: string; line?: number | null }, lineBucket: number): string {
  return `${file}#${normalizeTitle(item.title)}@${lineBucketLabel(item.line, lineBucket)}`;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are identical, so 1 (stable). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
