import { promises as fs } from "node:fs";
import path from "node:path";
import { onSchedule } from "firebase-functions/v2/scheduler";
import * as logger from "firebase-functions/logger";
import { DateTime } from "luxon";
import { archiveAfterDays, reminderHoursAhead } from "./config";
import { auth, bookings, clinics, db } from "./lib/admin";
import { mailer } from "./lib/mailer";
import { bookingsForDay, completedBefore } from "./data/bookings";

const ARCHIVE_DIR = "/tmp/clinicbook/archive";

export const sendReminders = onSchedule({ schedule: "every day 07:00", timeZone: "Europe/Berlin", retryCount: 2 }, async (_event) => {
  const day = DateTime.utc().plus({ hours: reminderHoursAhead.value() }).toISODate()!;
  const active = await clinics.where("active", "==", true).get();
  let sent = 0;
  for (const clinic of active.docs) {
    const rows = await bookingsForDay(day, clinic.id);
    for (const booking of rows) {
      const user = await auth.getUser(booking.patientId);
      if (!user.email) {
        continue;
      }
      await mailer().send({
        to: user.email,
        subject: `Reminder: appointment at ${clinic.get("name")}`,
        text: `See you ${DateTime.fromJSDate(booking.slotStart.toDate(), { zone: clinic.get("timezone") }).toFormat("HH:mm")} tomorrow.`,
        tag: "reminder",
      });
      sent += 1;
    }
  }
  logger.info("reminders sent", { day, sent });
});

export const retryConfirmations = onSchedule("every 15 minutes", async () => {
  const failed = await bookings.where("confirmationStatus", "==", "failed").limit(50).get();
  for (const doc of failed.docs) {
    const booking = doc.data();
    const user = await auth.getUser(booking.patientId);
    if (!user.email) {
      continue;
    }
    await mailer().send({
      to: user.email,
      subject: "Your appointment is confirmed",
      text: `Your booking ${doc.id} is confirmed.`,
      tag: "confirmation",
    });
    await doc.ref.update({ confirmationStatus: "sent", status: "confirmed" });
  }
});

export const archiveCompleted = onSchedule({ schedule: "every sunday 03:00", timeoutSeconds: 540 }, async () => {
  const cutoff = DateTime.utc().minus({ days: archiveAfterDays.value() }).toJSDate();
  const rows = await completedBefore(cutoff, 400);
  if (rows.length === 0) {
    return;
  }
  await fs.mkdir(ARCHIVE_DIR, { recursive: true });
  const file = path.join(ARCHIVE_DIR, `bookings-${DateTime.utc().toISODate()}.jsonl`);
  await fs.appendFile(file, rows.map((r) => JSON.stringify({ ...r, slotStart: r.slotStart.toMillis() })).join("\n") + "\n");
  const batch = db.batch();
  for (const row of rows) {
    batch.delete(bookings.doc(row.id));
  }
  await batch.commit();
  logger.info("archived completed bookings", { count: rows.length, file });
});
