// JSONL files as DuckDB relations, one line at a time: each line is read as text, checked with json_valid,
// then parsed with an explicit column list. read_ndjson(ignore_errors) is not used: after a line that breaks
// where a value is expected (a torn append ends in `"repo":`) it parses on across the newline and swallows
// the next, valid row.
import { lit } from "./fingerprint-sql";

/** Lines never exceed this (a review row with its raw model answer is a few KB; 16 MB is a bug elsewhere). */
const MAX_LINE = 16 << 20;
/**
 * read_csv's buffer defaults to 16 × max_line_size per scan (256 MB here): a long-lived reader with a memory
 * limit (the UI) could not even start a scan. Two lines' worth is enough to find every line.
 */
const BUFFER = 2 * MAX_LINE;


/**
 * One VARCHAR per line. No quoting or escaping, and a delimiter (U+0001) that valid JSON cannot contain
 * unescaped, so a JSON line is never split; an invalid line that does contain one is still one line.
 */
export function textLines(path: string): string {
  return `read_csv(${lit(path)}, columns = {'line': 'VARCHAR'}, header = false, quote = '', escape = '', delim = chr(1),
    auto_detect = false, strict_mode = false, null_padding = true, max_line_size = ${MAX_LINE}, buffer_size = ${BUFFER})`;
}

// The cheap test first: trimming copies every line, and almost every line starts with its brace.
const OBJECT = "(starts_with(line, '{') OR starts_with(ltrim(line), '{'))";

/**
 * The lines of a JSONL file parsed into `columns`, plus `scrum_bad_json` (true when the line is not a JSON
 * object: torn, garbled, a bare scalar). Blank lines are left out, as the TypeScript reader does.
 */
export function parsedLines(path: string, columns: Record<string, string>): string {
  const struct = JSON.stringify(columns).replace(/'/g, "''");
  // unnest([...]) is a real UNNEST operator: the optimizer cannot inline from_json into every column and
  // filter that reads a field above it, which would parse each line once per field (10x slower).
  return `(SELECT unnest(scrum_j), scrum_j IS NULL AS scrum_bad_json FROM (
    SELECT unnest([CASE WHEN ${OBJECT} AND json_valid(line) THEN from_json(line, '${struct}') END]) AS scrum_j
    FROM ${textLines(path)} WHERE line IS NOT NULL AND (starts_with(line, '{') OR trim(line) <> '')))`;
}

/** The same columns with no rows, for a KB file that does not exist yet. */
export function emptyLines(columns: Record<string, string>): string {
  const cols = Object.entries(columns).map(([k, t]) => `CAST(NULL AS ${t}) AS "${k}"`).join(", ");
  return `(SELECT ${cols}, false AS scrum_bad_json WHERE false)`;
}

/**
 * `select` over the file's rows with `scrum_skip`: NULL for a row to keep, 'json' for a line that is not
 * JSON, 'row' for a JSON row `valid` rejects. Callers filter on it and count it.
 */
export function checkedRows(path: string | null, columns: Record<string, string>, select: string, valid: string): string {
  const from = path === null ? emptyLines(columns) : parsedLines(path, columns);
  return `(SELECT ${select}, CASE WHEN scrum_bad_json THEN 'json' WHEN NOT coalesce(${valid}, false) THEN 'row' END AS scrum_skip FROM ${from})`;
}
