// The fingerprint algorithm of analytics/fingerprint.ts as DuckDB macros; a parity test keeps them identical.
import { MAX_STEMS, STOPWORDS, TITLE_CLASSES } from "../analytics/fingerprint-lexicon";

/** A SQL string literal. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** scrum_title_key(title), scrum_bucket(line) and scrum_fp(file, title, line) for one line bucket size. */
export function fingerprintMacros(lineBucket: number): string[] {
  const classes = TITLE_CLASSES.map((c) => `WHEN regexp_matches(t, ${lit(c.pattern)}) THEN ${lit(c.key)}`).join("\n      ");
  const stop = `[${STOPWORDS.map(lit).join(", ")}]`;
  const b = Math.trunc(lineBucket);
  return [
    `CREATE OR REPLACE MACRO scrum_stems(t) AS
      list_sort(list_distinct(list_transform(
        list_slice(list_filter(regexp_split_to_array(t, '[^a-z0-9]+'), w -> length(w) >= 3 AND NOT list_contains(${stop}, w)), 1, ${MAX_STEMS}),
        w -> CASE WHEN length(w) > 4 THEN regexp_replace(w, '(ing|ed|es|s)$', '') ELSE w END)))`,
    `CREATE OR REPLACE MACRO scrum_title_key_lc(t) AS CASE
      WHEN regexp_matches(t, '^\\s*\\[[a-z0-9_-]+\\]') THEN regexp_extract(t, '^\\s*\\[([a-z0-9_-]+)\\]', 1)
      ${classes}
      WHEN len(scrum_stems(t)) = 0 THEN 'untitled'
      ELSE array_to_string(scrum_stems(t), '-') END`,
    // The same ASCII folding as foldTitle() in analytics/fingerprint.ts.
    `CREATE OR REPLACE MACRO scrum_title_key(title) AS scrum_title_key_lc(lower(regexp_replace(strip_accents(title), '[^\\x00-\\x7f]', ' ', 'g')))`,
    `CREATE OR REPLACE MACRO scrum_bucket(line) AS CASE WHEN line IS NULL OR line < 1 THEN '-' ELSE 'L' || ((line - 1) // ${b} * ${b} + 1) END`,
    `CREATE OR REPLACE MACRO scrum_fp(file, title, line) AS file || '#' || scrum_title_key(title) || '@' || scrum_bucket(line)`,
  ];
}
