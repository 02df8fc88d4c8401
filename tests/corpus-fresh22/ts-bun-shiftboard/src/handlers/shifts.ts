import type { BunRequest } from "bun";
import { z } from "zod";
import { json } from "../auth";
import { db, type Shift, type User } from "../db";
import { log } from "../log";
import { notifier } from "../services/notifier";
import { toIcs, writeSiteExport } from "../services/exporter";

const ShiftInput = z.object({
  starts_at: z.string().datetime(),
  ends_at: z.string().datetime(),
  user_id: z.number().int().positive().nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});

function scopeFor(user: User): { sql: string; params: number[] } {
  return user.role === "manager"
    ? { sql: "site_id = ?", params: [user.site_id] }
    : { sql: "site_id = ? AND (user_id = ? OR user_id IS NULL)", params: [user.site_id, user.id] };
}

function loadShift(id: number, siteId: number): Shift | null {
  return db.query<Shift, [number, number]>("SELECT * FROM shifts WHERE id = ? AND site_id = ?").get(id, siteId) ?? null;
}

async function readBody(req: Request): Promise<unknown | Response> {
  try {
    return await req.json();
  } catch {
    return json({ error: "invalid JSON body" }, 400);
  }
}

export function listShifts(req: BunRequest<"/api/shifts">, user: User): Response {
  const url = new URL(req.url);
  const from = url.searchParams.get("from") ?? new Date().toISOString();
  const scope = scopeFor(user);
  const rows = db
    .query<Shift, (string | number)[]>(`SELECT * FROM shifts WHERE ${scope.sql} AND ends_at >= ? ORDER BY starts_at LIMIT 500`)
    .all(...scope.params, from);
  return json({ shifts: rows });
}

export async function createShift(req: BunRequest<"/api/shifts">, user: User): Promise<Response> {
  const body = await readBody(req);
  if (body instanceof Response) return body;
  const parsed = ShiftInput.safeParse(body);
  if (!parsed.success) return json({ error: parsed.error.flatten() }, 422);

  const s = parsed.data;
  const row = db
    .query<Shift, [number, number | null, string, string, string | null]>(
      "INSERT INTO shifts (site_id, user_id, starts_at, ends_at, note) VALUES (?, ?, ?, ?, ?) RETURNING *",
    )
    .get(user.site_id, s.user_id, s.starts_at, s.ends_at, s.note);
  log.info("shift created", { shiftId: row?.id, by: user.id });
  return json(row, 201);
}

export function deleteShift(req: BunRequest<"/api/shifts/:id">, user: User): Response {
  const id = Number(req.params.id);
  const shift = loadShift(id, user.site_id);
  if (!shift) return json({ error: "not found" }, 404);
  db.run("DELETE FROM shifts WHERE id = ?", [id]);
  db.run("INSERT INTO audit_log (actor_id, action, detail) VALUES (?, 'shift.deleted', ?)", [user.id, JSON.stringify(shift)]);
  return new Response(null, { status: 204 });
}

export async function assignShift(req: BunRequest<"/api/shifts/:id/assign">, user: User): Promise<Response> {
  const id = Number(req.params.id);
  const shift = loadShift(id, user.site_id);
  if (!shift) return json({ error: "not found" }, 404);

  const body = (await readBody(req)) as { user_id?: number } | Response;
  if (body instanceof Response) return body;
  const assignee = db
    .query<User, [number, number]>("SELECT * FROM users WHERE id = ? AND site_id = ?")
    .get(body.user_id ?? 0, user.site_id);
  if (!assignee) return json({ error: "unknown assignee" }, 422);

  db.run("UPDATE shifts SET user_id = ? WHERE id = ?", [assignee.id, id]);
  await notifier.send({ to: assignee, text: `You were assigned a shift starting ${shift.starts_at}` });
  return json({ ...shift, user_id: assignee.id });
}

export async function requestSwap(req: BunRequest<"/api/shifts/:id/swap">, user: User): Promise<Response> {
  return json({ error: "shift swaps are not implemented yet" }, 501);
}

export function myCalendar(_req: BunRequest<"/api/me/calendar.ics">, user: User): Response {
  const rows = db
    .query<Shift, [number]>("SELECT * FROM shifts WHERE user_id = ? ORDER BY starts_at")
    .all(user.id);
  return new Response(toIcs(rows, `${user.name} shifts`, user.timezone), {
    headers: { "content-type": "text/calendar; charset=utf-8" },
  });
}

export async function exportSite(_req: BunRequest<"/api/sites/export">, user: User): Promise<Response> {
  const rows = db.query<Shift, [number]>("SELECT * FROM shifts WHERE site_id = ?").all(user.site_id);
  const file = await writeSiteExport(user.site_id, rows, user);
  return json({ file, count: rows.length }, 201);
}
