import { timingSafeEqual } from "node:crypto";
import { onRequest } from "firebase-functions/v2/https";
import * as logger from "firebase-functions/logger";
import { bookings, calendarTokens } from "../lib/admin";

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function icsDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// Calendar apps cannot send Firebase ID tokens, so each practitioner subscribes
// with a per-user feed token that they can rotate from the staff app.
export const practitionerCalendar = onRequest({ cors: false }, async (req, res) => {
  const uid = String(req.query.uid ?? "");
  const token = String(req.query.token ?? "");
  if (!uid || !token) {
    res.status(400).send("missing uid or token");
    return;
  }
  const stored = await calendarTokens.doc(uid).get();
  if (!stored.exists || !sameToken(String(stored.get("token")), token)) {
    res.status(403).send("forbidden");
    return;
  }
  const since = new Date(Date.now() - 7 * 86_400_000);
  const snap = await bookings
    .where("practitionerId", "==", uid)
    .where("slotStart", ">=", since)
    .orderBy("slotStart")
    .limit(500)
    .get();
  const events = snap.docs
    .filter((d) => d.get("status") !== "cancelled")
    .map((d) =>
      [
        "BEGIN:VEVENT",
        `UID:${d.id}@clinicbook.app`,
        `DTSTART:${icsDate(d.get("slotStart").toDate())}`,
        `DTEND:${icsDate(d.get("slotEnd").toDate())}`,
        "SUMMARY:Patient appointment",
        "END:VEVENT",
      ].join("\r\n"),
    );
  logger.debug("calendar feed served", { uid, events: events.length });
  res.set("Content-Type", "text/calendar; charset=utf-8");
  res.send(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ClinicBook//EN", ...events, "END:VCALENDAR"].join("\r\n"));
});

export const healthz = onRequest((_req, res) => {
  res.status(200).json({ ok: true, service: "clinicbook-functions" });
});
