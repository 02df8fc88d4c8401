// Review cache over the KB: an accepted review is reused only when everything that shaped it is
// unchanged: file bytes, chunking, prompt templates, the static claims it was shown, the policy, the model.
import { createHash } from "node:crypto";
import type { ReviewRow } from "../kb/schemas/review-row";
import type { StaticFinding } from "../kb/schemas/static-finding";

export interface CacheKeyParts {
  fileSha: string;
  chunk: number;
  chunks: number;
  promptSha: string;
  policyVersion: string;
  /** The static claims the prompt carried (they are part of what the model saw). */
  claims: readonly Pick<StaticFinding, "rule_id" | "line" | "end_line">[];
}

export function claimsDigest(claims: CacheKeyParts["claims"]): string {
  const keys = claims.map((c) => `${c.rule_id}:${c.line}:${c.end_line}`).sort();
  return createHash("sha256").update(keys.join("\n")).digest("hex").slice(0, 16);
}

function key(k: CacheKeyParts, model: string): string {
  return `${k.fileSha}|${k.chunk}/${k.chunks}|${k.promptSha}|${k.policyVersion}|${claimsDigest(k.claims)}|${model}`;
}

/**
 * The newest accepted model row per cache key, chosen from raw KB rows before any validation, so a
 * long KB costs one JSON.parse per row and a schema check only per distinct review (a KB of 300
 * nightly runs holds ~300 rows per key). v3 rows are migrated first (they name fields differently).
 */
export function latestCacheable(raws: readonly unknown[], migrate: (raw: unknown) => ReviewRow | null): unknown[] {
  const latest = new Map<string, unknown>();
  for (const raw of raws) {
    let r = raw as Omit<Partial<ReviewRow>, "schema_version"> & { schema_version?: number };
    // v4 and v5 rows have every field the key needs (v5 only adds night and shard).
    if (r.schema_version !== 4 && r.schema_version !== 5) {
      const m = migrate(raw);
      if (!m) continue;
      r = m;
    }
    if (r.status !== "accepted" || !r.model || r.provider === "static" || !r.prompt) continue;
    const parts = { fileSha: String(r.file_sha256), chunk: Number(r.chunk), chunks: Number(r.chunks), promptSha: String(r.prompt.sha256), policyVersion: String(r.policy_version), claims: Array.isArray(r.static_findings) ? r.static_findings : [] };
    latest.set(key(parts, r.model), r);
  }
  return [...latest.values()];
}

export class ReviewCache {
  private byKey = new Map<string, ReviewRow>();

  /** Later rows win, so the freshest accepted review is the one reused. Static-rung rows are not cached. */
  constructor(rows: readonly ReviewRow[]) {
    for (const r of rows) {
      if (r.status !== "accepted" || !r.model || r.provider === "static") continue;
      const parts = { fileSha: r.file_sha256, chunk: r.chunk, chunks: r.chunks, promptSha: r.prompt.sha256, policyVersion: r.policy_version, claims: r.static_findings };
      this.byKey.set(key(parts, r.model), r);
    }
  }

  /** The first model of the ladder, in rung order, with a cached review of this chunk. */
  find(parts: CacheKeyParts, models: readonly string[]): ReviewRow | null {
    for (const m of models) {
      const hit = this.byKey.get(key(parts, m));
      if (hit) return hit;
    }
    return null;
  }
}
