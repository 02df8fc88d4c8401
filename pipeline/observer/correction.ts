// A line of the overseer's corrections JSONL, and how it becomes an op row.
import { z } from "zod";
import { OP_SCHEMA_VERSION, type OpRow, type TailMark } from "./event";

export const CorrectionLine = z.object({
  correction: z.string().min(1).max(4096),
  timestamp: z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), "timestamp must be an ISO date").optional(),
  endpoint: z.string().min(1).max(256).optional(),
  success: z.boolean().optional(),
  staffer_id: z.string().max(128).optional(),
  sig_hash: z.string().max(128).optional(),
  task_class: z.string().max(128).optional(),
  event_kind: z.string().max(128).optional(),
  role: z.string().max(128).optional(),
  applied_at_turn: z.number().int().min(0).optional(),
  file: z.string().max(1024).optional(),
});
export type CorrectionLine = z.infer<typeof CorrectionLine>;

/** Corrections are stored with the other ops (source "overseer") so totals and analyses see them; `tail` says where the line ended. */
export function correctionToOp(c: CorrectionLine, now: Date, tail?: TailMark): OpRow {
  const received_at = now.toISOString();
  return {
    schema_version: OP_SCHEMA_VERSION,
    timestamp: c.timestamp ?? received_at,
    received_at,
    source: "overseer",
    endpoint: c.endpoint ?? "overseer/correction",
    success: c.success ?? true,
    duration_ms: 0,
    input_summary: c.sig_hash ? `sig ${c.sig_hash}` : "",
    output_summary: c.correction.slice(0, 4096),
    event_kind: c.event_kind ?? "correction",
    correction: c.correction,
    ...(c.staffer_id !== undefined && { staffer_id: c.staffer_id }),
    ...(c.sig_hash !== undefined && { sig_hash: c.sig_hash }),
    ...(c.task_class !== undefined && { task_class: c.task_class }),
    ...(c.role !== undefined && { role: c.role }),
    ...(c.applied_at_turn !== undefined && { applied_at_turn: c.applied_at_turn }),
    ...(c.file !== undefined && { file: c.file }),
    ...(tail !== undefined && { tail }),
  };
}
