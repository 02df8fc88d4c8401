// The `audits` view over scrum_audits.jsonl: one row per audited claim, with the judge's model and prompt
// flattened. The row check mirrors kb/schemas/audit-row.ts, as row-checks.ts does for the other files.
import { existsSync } from "node:fs";
import { ClaimKind } from "../core/config";
import { kbPaths } from "../kb/paths";
import { ClaimStatus } from "../kb/schemas/audit-row";
import { checkedRows } from "./json-lines";
import { inList } from "./row-checks";

export const AUDIT_COLUMNS: Record<string, string> = {
  schema_version: "INTEGER", audit_id: "VARCHAR", repo: "VARCHAR", rev: "VARCHAR", base: "VARCHAR", source: "VARCHAR",
  message_sha256: "VARCHAR", claim_id: "VARCHAR", kind: "VARCHAR", text: "VARCHAR", line: "INTEGER", status: "VARCHAR",
  evidence: "VARCHAR", blocking: "BOOLEAN", blocks: "BOOLEAN", iters: 'STRUCT("from" INTEGER, "to" INTEGER)', file: "VARCHAR",
  method: "VARCHAR", judge: "JSON", policy_version: "VARCHAR", strict: "BOOLEAN", created_at: "VARCHAR",
};

const AUDIT_SELECT = `audit_id, repo, rev, base, source, message_sha256, claim_id, kind, text, line, status, evidence, blocking, blocks,
  iters."from" AS iter_from, iters."to" AS iter_to, file, method,
  json_extract_string(judge, '$.provider') AS judge_provider, json_extract_string(judge, '$.model') AS judge_model,
  json_extract_string(judge, '$.prompt.sha256') AS prompt_sha256, judge, policy_version, strict, created_at`;

/** AuditRow. */
export const AUDIT_VALID = [
  "schema_version = 1", "length(audit_id) >= 1", "repo IS NOT NULL", inList("source", ["commit", "message"]),
  "length(message_sha256) = 64", "length(claim_id) >= 1", inList("kind", ClaimKind.options), "text IS NOT NULL", "line >= 1",
  inList("status", ClaimStatus.options), "evidence IS NOT NULL", "blocking IS NOT NULL", "blocks IS NOT NULL",
  inList("method", ["rules", "ladder"]), "policy_version IS NOT NULL", "strict IS NOT NULL", "created_at IS NOT NULL",
].map((c) => `(${c})`).join(" AND ");

/** Every line of scrum_audits.jsonl with `scrum_skip` (see json-lines.ts). */
export function auditsChecked(kbDir: string): string {
  const path = kbPaths(kbDir).audits;
  return checkedRows(existsSync(path) ? path : null, AUDIT_COLUMNS, AUDIT_SELECT, AUDIT_VALID);
}

export const auditsViewSql = (kbDir: string) => `CREATE OR REPLACE VIEW audits AS SELECT * EXCLUDE (scrum_skip) FROM ${auditsChecked(kbDir)} WHERE scrum_skip IS NULL`;
