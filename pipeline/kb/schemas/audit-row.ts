// KB row of data/_kb/scrum_audits.jsonl: one row per claim `scrum audit` checked, with its outcome.
import { z } from "zod";
import { ClaimKind } from "../../core/config";

export const AUDIT_SCHEMA_VERSION = 1 as const;

export const ClaimStatus = z.enum(["backed", "not_backed", "unverifiable"]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** A diff line a model cited, after the evidence check (the sweep's rule: the quote must be near the line). */
export const Citation = z.object({
  file: z.string().min(1),
  line: z.number().int().min(1),
  side: z.enum(["new", "old"]).describe("new: the line number at REV; old: at the parent (a removed line)"),
  evidence: z.string(),
  verified: z.boolean(),
  unverified_reason: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** Who judged a claim no rule checks (`scrum audit --ladder`), under which prompt, and on what evidence. */
export const AuditJudge = z.object({
  provider: z.string(),
  model: z.string(),
  prompt: z.object({ name: z.string(), version: z.string(), sha256: z.string().length(64) }),
  answer: z.enum(["backed", "not_backed", "unverifiable"]).nullable().describe("what the model said; the status also needs a checked citation"),
  reason: z.string(),
  citations: z.array(Citation),
  attempts: z.array(z.object({
    provider: z.string(), model: z.string(), outcome: z.string(), detail: z.string().optional(),
    // Optional: rows written before they were recorded lack them (same schema version; readers treat absent as unknown).
    tokens: z.object({ prompt: z.number().int().min(0), completion: z.number().int().min(0) }).optional().describe("what the rung's answer cost, as its endpoint reported"),
    latency_ms: z.number().int().min(0).optional().describe("wall time of the rung's request, retries included"),
    tries: z.number().int().min(0).optional().describe("HTTP tries, retries included"),
  })),
});
export type AuditJudge = z.infer<typeof AuditJudge>;

export const AuditRow = z.object({
  schema_version: z.literal(AUDIT_SCHEMA_VERSION),
  audit_id: z.string().min(1).describe("one `scrum audit` run"),
  repo: z.string().describe("origin URL (credentials removed) or directory name, as on review rows"),
  rev: z.string().nullable().describe("the commit audited (full sha); null for a message audited outside git"),
  base: z.string().nullable().describe("what REV's diff is taken against: its first parent, or the range's merge base"),
  source: z.enum(["commit", "message"]).describe("a commit message, or text given with --message"),
  message_sha256: z.string().length(64),
  claim_id: z.string().min(1).describe("c1, c2, ... in the order the claims appear"),
  kind: ClaimKind,
  text: z.string(),
  line: z.number().int().min(1).describe("line of the message the claim is on"),
  status: ClaimStatus,
  evidence: z.string(),
  blocking: z.boolean().describe("its kind is in audit.blocking"),
  blocks: z.boolean().describe("this outcome fails the audit: blocking and not backed (unverifiable too when strict)"),
  iters: z.object({ from: z.number().int().min(1).nullable(), to: z.number().int().min(1).nullable() }).nullable(),
  file: z.string().nullable().describe("the repository file the claim resolved to, when it names one"),
  method: z.enum(["rules", "ladder"]),
  judge: AuditJudge.nullable(),
  policy_version: z.string(),
  strict: z.boolean(),
  created_at: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;
