// The observer's event: the seed observer's fields plus the sweep's, and the stored op row (zod is the only source).
import { z } from "zod";

const Text = (max: number) => z.string().max(max);
/** Free text is clipped, not refused: a long stack trace must not cost the event (the body cap still applies). */
const Clipped = (max: number) => z.string().transform((s) => (s.length > max ? s.slice(0, max - 1) + "…" : s));

/** One outcome POSTed to /event. Unknown keys are dropped; known keys are checked. */
export const ObserverEvent = z.object({
  timestamp: z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), "timestamp must be an ISO date").optional(),
  endpoint: z.string().min(1).max(256),
  input_summary: Clipped(4096).default(""),
  success: z.boolean(),
  duration_ms: z.number().min(0).max(86_400_000).default(0),
  output_summary: Clipped(4096).default(""),
  error: Clipped(4096).nullable().optional(),
  source: z.string().min(1).max(64).regex(/^[a-z0-9_.-]+$/i, "source must be a short identifier").default("scenario"),
  // seed observer extras
  staffer_id: Text(128).optional(),
  sig_hash: Text(128).optional(),
  event_kind: Text(128).optional(),
  role: Text(128).optional(),
  city: Text(128).optional(),
  state: Text(64).optional(),
  count: z.number().int().min(0).optional(),
  rescue_attempted: z.boolean().optional(),
  rescue_succeeded: z.boolean().optional(),
  task_class: Text(128).optional(),
  correction: Clipped(4096).optional(),
  applied_at_turn: z.number().int().min(0).optional(),
  // sweep extras
  file: Text(1024).optional(),
  iter: z.number().int().min(1).optional(),
  score: z.number().min(0).max(10).nullable().optional(),
  model: Text(256).nullable().optional(),
});
export type ObserverEvent = z.infer<typeof ObserverEvent>;

export const OP_SCHEMA_VERSION = 1 as const;

/**
 * Where an overseer correction came from: the corrections file's identity and the byte offset just past
 * its line, plus the tailer's poll sequence. Stored with the op so a restart resumes after the last
 * stored line even when the crash came before the offset file was saved (delivery effectively once).
 */
export const TailMark = z.object({
  path: z.string(),
  ino: z.number(),
  head: z.string().describe("sha256 of the file's first head_len bytes when the line was read"),
  head_len: z.number().int().min(0),
  offset: z.number().int().min(0).describe("byte offset just past the line"),
  seq: z.number().int().min(0).default(0).describe("the tailer's poll sequence: a later poll has a higher seq"),
});
export type TailMark = z.infer<typeof TailMark>;

/** A line of <data>/ops.jsonl: an accepted event, stamped when it was received. */
export const OpRow = ObserverEvent.extend({
  schema_version: z.literal(OP_SCHEMA_VERSION),
  timestamp: z.string(),
  received_at: z.string(),
  /** Only on overseer corrections (never accepted from /event, whose schema drops unknown keys). */
  tail: TailMark.optional(),
});
export type OpRow = z.infer<typeof OpRow>;

/** Stamp an accepted event: the sender's timestamp wins, else the receipt time. */
export function toOpRow(ev: ObserverEvent, now: Date): OpRow {
  const received_at = now.toISOString();
  return { schema_version: OP_SCHEMA_VERSION, ...ev, timestamp: ev.timestamp ?? received_at, received_at };
}
