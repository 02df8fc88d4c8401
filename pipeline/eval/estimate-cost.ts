// What a mutation eval will cost before it runs: model requests (one per chunk a model must answer,
// first rung), prompt tokens and dollars, for the baseline and for the mutated files.
import type { Config, Rung } from "../core/config";
import { readJsonl } from "../kb/jsonl";
import { migrateReviewRow } from "../kb/migrate";
import { kbPaths } from "../kb/paths";
import { validateReviews } from "../kb/read-kb";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { latestCacheable, ReviewCache } from "../sweep/cache";
import { planFiles, planTotals, type PlannedFile } from "../sweep/plan";
import type { WalkedFile } from "../walk/walk-repo";

export interface CostModel {
  /** Requests to re-review these files (every chunk misses the cache: new content or new claims). */
  requests(paths: readonly string[]): number;
  /** Baseline chunks with no cached review of a ladder model (0 for a ladder without models). */
  baselineRequests: number;
  totals(paths: readonly string[]): { chunks: number; promptTokens: number; costUsd: number | null };
}

/** The user's cacheable rows of this repository: the eval KB starts from them (read-only on the user's KB). */
export function cacheableRows(kbDir: string, repo: string, warn: (m: string) => void): unknown[] {
  const raws = (readJsonl(kbPaths(kbDir).reviews, warn) as { repo?: unknown }[]).filter((r) => r?.repo === repo);
  return latestCacheable(raws, (raw) => { const m = migrateReviewRow(raw); return m.ok ? m.row : null; });
}

export function costModel(files: readonly WalkedFile[], findings: Map<string, StaticFinding[]>, rungs: readonly Rung[], config: Config, promptSha: string, cached: readonly unknown[], kbPath: string): CostModel {
  const planned = new Map<string, PlannedFile>(planFiles(files, config.prompt.budgetTokens).map((p) => [p.file.path, p]));
  const models = rungs.filter((r) => r.provider !== "static").map((r) => r.model);
  const chunksOf = (paths: readonly string[]) => paths.reduce((s, p) => s + (planned.get(p)?.chunks.length ?? 0), 0);
  let baselineRequests = 0;
  if (models.length) {
    const cache = new ReviewCache(validateReviews(cached, kbPath, () => {}));
    for (const p of planned.values()) {
      const fileFindings = findings.get(p.file.path) ?? [];
      p.chunks.forEach((c, i) => {
        const claims = fileFindings.filter((f) => f.line >= c.start && f.line <= c.end);
        if (!cache.find({ fileSha: p.sha256, chunk: i + 1, chunks: p.chunks.length, promptSha, policyVersion: config.policy_version, claims }, models)) baselineRequests++;
      });
    }
  }
  return {
    requests: (paths) => (models.length ? chunksOf(paths) : 0),
    baselineRequests,
    totals: (paths) => {
      const t = planTotals(paths.map((p) => planned.get(p)).filter((p): p is PlannedFile => Boolean(p)), rungs);
      return { chunks: t.chunks, promptTokens: t.promptTokens, costUsd: t.costUsd };
    },
  };
}
