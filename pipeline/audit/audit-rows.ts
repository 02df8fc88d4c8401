// Audit outcomes as KB rows (scrum_audits.jsonl), one per claim, carrying policy, prompt and model.
import { createHash } from "node:crypto";
import { AUDIT_SCHEMA_VERSION, type AuditRow } from "../kb/schemas/audit-row";
import type { TargetResult } from "./audit-result";

export interface RowContext {
  auditId: string;
  repo: string;
  policyVersion: string;
  strict: boolean;
  createdAt: string;
}

export function auditRows(r: TargetResult, ctx: RowContext): AuditRow[] {
  const { target } = r;
  const base = target.git.ok ? target.git.value.change.base : null;
  const messageSha = createHash("sha256").update(target.message).digest("hex");
  return r.claims.map((c) => ({
    schema_version: AUDIT_SCHEMA_VERSION,
    audit_id: ctx.auditId,
    repo: ctx.repo,
    rev: target.rev,
    base,
    source: target.source,
    message_sha256: messageSha,
    claim_id: c.id,
    kind: c.claim.kind,
    text: c.claim.text,
    line: c.claim.line,
    status: c.outcome.status,
    evidence: c.outcome.evidence,
    blocking: c.blocking,
    blocks: c.blocks,
    iters: c.outcome.iters ?? null,
    file: c.outcome.file ?? null,
    method: c.method,
    judge: c.outcome.judge ?? null,
    policy_version: ctx.policyVersion,
    strict: ctx.strict,
    created_at: ctx.createdAt,
  }));
}
