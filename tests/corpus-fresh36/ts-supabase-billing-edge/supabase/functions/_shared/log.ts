import type { SupabaseClient } from "npm:@supabase/supabase-js@2";

type Level = "debug" | "info" | "warn" | "error";

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const configured = (Deno.env.get("LOG_LEVEL") ?? "info") as Level;
const threshold = order[configured] ?? order.info;

function emit(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold) return;
  const line = JSON.stringify({
    ts: new Date().toISOString(),
    level,
    msg,
    fn: Deno.env.get("SB_FUNCTION_NAME") ?? "unknown",
    region: Deno.env.get("SB_REGION"),
    ...fields,
  });
  if (order[level] >= order.warn) {
    console.error(line);
  } else {
    console.log(line);
  }
}

export const logger = {
  debug: (msg: string, fields?: Record<string, unknown>) => emit("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => emit("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => emit("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => emit("error", msg, fields),
};

export interface AuditEntry {
  org_id: string;
  actor_id: string | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** Appends to public.audit_log. Throws when the row was not written. */
export async function writeAudit(admin: SupabaseClient, entry: AuditEntry): Promise<void> {
  const { error } = await admin.from("audit_log").insert({
    ...entry,
    details: entry.details ?? {},
    created_at: new Date().toISOString(),
  });
  if (error) {
    throw new Error(`audit_log insert failed: ${error.message}`);
  }
}
