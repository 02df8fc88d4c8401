import type { BunRequest } from "bun";
import { timingSafeEqual } from "node:crypto";
import { json } from "../auth";
import { config } from "../config";
import { db } from "../db";
import { log } from "../log";

interface CalendarEvent {
  type: "leave.approved" | "leave.cancelled";
  email: string;
  from: string;
  to: string;
}

function sign(body: string): Buffer {
  const hmac = new Bun.CryptoHasher("sha256", config.calendarWebhookSecret);
  return Buffer.from(hmac.update(body).digest("hex"));
}

// HR system pushes approved leave here; unassign overlapping shifts.
export async function calendarWebhook(req: BunRequest<"/hooks/calendar">): Promise<Response> {
  const raw = await req.text();
  const given = Buffer.from(req.headers.get("x-hr-signature") ?? "");
  const expected = sign(raw);

  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    log.warn("calendar webhook rejected", { ip: req.headers.get("x-forwarded-for") });
    return json({ error: "bad signature" }, 401);
  }

  const event = JSON.parse(raw) as CalendarEvent;
  if (event.type !== "leave.approved") return new Response(null, { status: 204 });

  const res = db.run(
    `UPDATE shifts SET user_id = NULL
      WHERE user_id = (SELECT id FROM users WHERE email = ?)
        AND starts_at < ? AND ends_at > ?`,
    [event.email.toLowerCase(), event.to, event.from],
  );
  log.info("leave applied", { email: event.email, unassigned: res.changes });
  return new Response(null, { status: 204 });
}
