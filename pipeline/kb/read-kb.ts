// Typed readers over a KB directory: every row migrated to the current schema, bad rows warned about.
import { readJsonl } from "./jsonl";
import { migrateReviewRow, migrateRunRow } from "./migrate";
import { kbPaths } from "./paths";
import type { ReviewRow } from "./schemas/review-row";
import { EvalRow } from "./schemas/eval-row";
import type { RunRow } from "./schemas/run-row";
import { MissRow, TrustRow } from "./schemas/trust-row";

type Warn = (msg: string) => void;
const stderrWarn: Warn = (m) => process.stderr.write(m + "\n");

export function readReviews(kbDir: string, warn: Warn = stderrWarn): ReviewRow[] {
  return validateReviews(readJsonl(kbPaths(kbDir).reviews, warn), kbPaths(kbDir).reviews, warn);
}

/** Migrate and validate raw review rows; invalid ones are warned about and skipped. */
export function validateReviews(raws: readonly unknown[], path: string, warn: Warn = stderrWarn): ReviewRow[] {
  const out: ReviewRow[] = [];
  for (const raw of raws) {
    const r = migrateReviewRow(raw);
    if (r.ok) out.push(r.row);
    else warn(`scrum: warning: ${path}: row skipped (${r.error})`);
  }
  return out;
}

export function readTrust(kbDir: string, warn: Warn = stderrWarn): { accepts: TrustRow[]; misses: MissRow[] } {
  const accepts: TrustRow[] = [];
  const misses: MissRow[] = [];
  for (const raw of readJsonl(kbPaths(kbDir).trust, warn)) {
    const miss = MissRow.safeParse(raw);
    if (miss.success) { misses.push(miss.data); continue; }
    const t = TrustRow.safeParse(raw);
    if (t.success) accepts.push(t.data);
    else warn(`scrum: warning: ${kbPaths(kbDir).trust}: row skipped: ${t.error.issues[0]?.message}`);
  }
  return { accepts, misses };
}

export function readRuns(kbDir: string, warn: Warn = stderrWarn): RunRow[] {
  const out: RunRow[] = [];
  for (const raw of readJsonl(kbPaths(kbDir).runs, warn)) {
    const r = migrateRunRow(raw);
    if (r) out.push(r);
  }
  return out;
}

/** scrum_evals.jsonl rows (mutation evals); invalid ones are warned about and skipped. */
export function readEvals(kbDir: string, warn: Warn = stderrWarn): EvalRow[] {
  const out: EvalRow[] = [];
  for (const raw of readJsonl(kbPaths(kbDir).evals, warn)) {
    const r = EvalRow.safeParse(raw);
    if (r.success) out.push(r.data);
    else warn(`scrum: warning: ${kbPaths(kbDir).evals}: row skipped: ${r.error.issues[0]?.message}`);
  }
  return out;
}
