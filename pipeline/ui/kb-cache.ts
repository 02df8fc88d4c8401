// Read the KB for the UI and memoise the views computed from it, both keyed by a stamp of the KB files
// (size + mtime): sweeps append during the night, and between appends every request is a cache hit.
import { existsSync, statSync } from "node:fs";
import { kbPaths } from "../kb/paths";
import { migrateReviewRow } from "../kb/migrate";
import { readTrust } from "../kb/read-kb";
import type { ReviewRow } from "../kb/schemas/review-row";
import { scanJsonl } from "../observer/scan-jsonl";
import type { KbData } from "./views";

export interface KbSnapshot {
  /** Sizes and mtimes of the KB files this snapshot was read from. */
  stamp: string;
  data: KbData;
  /** Files the KB reviewed: source is served for these only. */
  files: ReadonlySet<string>;
  /** A value computed once per snapshot (views, indexes); `key` names the view and its arguments. */
  memo<T>(key: string, compute: () => T): T;
}

/** Distinct memoised views per snapshot before the oldest are dropped (filters and traces are open-ended). */
const MEMO_LIMIT = 256;

const stamp = (p: string) => {
  if (!existsSync(p)) return "-";
  const st = statSync(p);
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
};

/**
 * Reviews streamed line by line (never the whole file as one string), without the raw model answer: the
 * UI never shows it and it is most of a row's size. A torn last line is skipped with a warning.
 */
function readReviewsLean(path: string, warn: (m: string) => void): ReviewRow[] {
  const out: ReviewRow[] = [];
  scanJsonl(path, (text, lineNo, unterminated) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      warn(`scrum: warning: ${path}:${lineNo}: ${unterminated ? "torn last line, skipped" : "not valid JSON, skipped"}`);
      return;
    }
    const r = migrateReviewRow(raw);
    if (r.ok) out.push({ ...r.row, raw_answer: null });
    else warn(`scrum: warning: ${path}: row ${lineNo} skipped: ${r.error}`);
  });
  return out;
}

function snapshot(k: string, data: KbData): KbSnapshot {
  const memo = new Map<string, unknown>();
  return {
    stamp: k,
    data,
    files: new Set(data.reviews.map((r) => r.file)),
    memo<T>(key: string, compute: () => T): T {
      if (memo.has(key)) return memo.get(key) as T;
      const v = compute();
      if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
      memo.set(key, v);
      return v;
    },
  };
}

export function kbLoader(kbDir: string, warn: (m: string) => void): () => KbSnapshot {
  const paths = kbPaths(kbDir);
  let current = snapshot("", { reviews: [], trust: { accepts: [], misses: [] } });
  const seen = new Set<string>();
  const warnOnce = (m: string) => {
    if (!seen.has(m)) warn(m);
    seen.add(m);
  };
  return () => {
    const k = `${stamp(paths.reviews)}|${stamp(paths.trust)}`;
    if (k !== current.stamp) current = snapshot(k, { reviews: readReviewsLean(paths.reviews, warnOnce), trust: readTrust(kbDir, warnOnce) });
    return current;
  };
}
