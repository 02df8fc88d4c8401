// What kb merge needs to know about one KB line (schema version, identity, night), read cheaply: rows
// written by scrum start with their identity fields in a fixed order and end with `"created_at":"…"}`,
// so a head regex and a tail regex stand in for JSON.parse (20x faster); anything else is parsed.
import { KB_FILES } from "../kb/paths";

export type KbFileKind = "reviews" | "trust" | "runs" | "evals" | "audits" | "other";

export interface LineFacts {
  version: number | null;
  run_id: string | null;
  iter: number | null;
  /** The night id, or null when the row has none (v4 rows, sweeps outside a night). */
  night: string | null;
  repo: string | null;
  /** Reviews only: the row's identity, repo + iter + file + chunk. */
  key: string | null;
}

export type LineRead = { ok: true; facts: LineFacts } | { ok: false; reason: string };

/** Which KB file a file name is (unknown *.jsonl files are merged as plain line sets). */
export function kindOf(name: string): KbFileKind {
  if (name === KB_FILES.reviews) return "reviews";
  if (name === KB_FILES.trust) return "trust";
  if (name === KB_FILES.runs) return "runs";
  if (name === KB_FILES.evals) return "evals";
  if (name === KB_FILES.audits) return "audits";
  return "other";
}

const S = '"((?:[^"\\\\]|\\\\.)*)"';
const NULLABLE_S = `(?:null|${S})`;
const REVIEW_HEAD = new RegExp(`^\\{"schema_version":(\\d+),"run_id":${S},"iter":(\\d+),"night":${NULLABLE_S},"shard":(?:null|\\{"index":\\d+,"count":\\d+\\}),"repo":${S},"commit":${NULLABLE_S},"file":${S},"chunk":(\\d+),`);
const TRUST_HEAD = new RegExp(`^\\{"schema_version":(\\d+),(?:"kind":"miss",)?"run_id":${S},"iter":(\\d+),`);
/** Every row type scrum writes ends with created_at; a torn line (a prefix of a row) cannot end like this. */
const TAIL_KEY = ',"created_at":"';
function wholeTail(line: string): boolean {
  if (!line.endsWith('"}')) return false;
  const at = line.lastIndexOf(TAIL_KEY);
  if (at < 0) return false;
  const value = line.slice(at + TAIL_KEY.length, -2);
  return !value.includes('"') && !value.includes("\\");
}

/** A JSON string's raw text back to its value (only escaped text needs the parser). */
const unescape = (raw: string) => (raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw);

const str = (v: unknown) => (typeof v === "string" ? v : null);
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);

export function reviewKey(repo: string, iter: number, file: string, chunk: number): string {
  return `${repo}\u0000${iter}\u0000${file}\u0000${chunk}`;
}

function fromObject(kind: KbFileKind, o: Record<string, unknown>): LineFacts {
  const iter = int(o.iter);
  const repo = str(o.repo);
  const file = str(o.file);
  // v3 rows could leave chunk out (it defaulted to 1).
  const chunk = o.chunk === undefined ? 1 : int(o.chunk);
  return {
    version: int(o.schema_version), run_id: str(o.run_id), iter, night: str(o.night), repo,
    key: kind === "reviews" && repo !== null && iter !== null && file !== null && chunk !== null ? reviewKey(repo, iter, file, chunk) : null,
  };
}

/** The facts of one non-blank line; a line that is not a JSON object (torn, garbled) is not ok. */
export function readLine(kind: KbFileKind, line: string): LineRead {
  if (kind !== "other" && wholeTail(line)) {
    if (kind === "reviews") {
      const m = REVIEW_HEAD.exec(line);
      if (m) {
        const repo = unescape(m[5]!);
        const iter = Number(m[3]);
        return { ok: true, facts: { version: Number(m[1]), run_id: unescape(m[2]!), iter, night: m[4] === undefined ? null : unescape(m[4]), repo, key: reviewKey(repo, iter, unescape(m[7]!), Number(m[8])) } };
      }
    } else if (kind === "trust") {
      const m = TRUST_HEAD.exec(line);
      if (m) return { ok: true, facts: { version: Number(m[1]), run_id: unescape(m[2]!), iter: Number(m[3]), night: null, repo: null, key: null } };
    }
  }
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return { ok: false, reason: "not valid JSON (a torn or garbled line)" };
  }
  if (typeof o !== "object" || o === null || Array.isArray(o)) return { ok: false, reason: "not a JSON object" };
  return { ok: true, facts: fromObject(kind, o as Record<string, unknown>) };
}
