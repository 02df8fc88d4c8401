import { onDocumentCreated, onDocumentUpdated } from "firebase-functions/v2/firestore";
import * as logger from "firebase-functions/logger";
import { DateTime } from "luxon";
import { auth, clinics, type Booking } from "./lib/admin";
import { mailer } from "./lib/mailer";

async function patientEmail(uid: string): Promise<string | undefined> {
  const user = await auth.getUser(uid);
  return user.email;
}

function formatSlot(booking: Booking, timezone: string): string {
  return DateTime.fromJSDate(booking.slotStart.toDate(), { zone: timezone }).toFormat("cccc d LLLL, HH:mm");
}

export const onBookingCreated = onDocumentCreated("bookings/{bookingId}", async (event) => {
  const snap = event.data;
  if (!snap) {
    return;
  }
  const booking = snap.data() as Booking;
  const clinic = (await clinics.doc(booking.clinicId).get()).data();
  const email = await patientEmail(booking.patientId);
  if (!clinic || !email) {
    logger.warn("cannot confirm booking", { bookingId: event.params.bookingId });
    return;
  }
  try {
    await mailer().send({
      to: email,
      subject: `Your appointment at ${clinic.name}`,
      text: `We have reserved ${formatSlot(booking, clinic.timezone)} for you. Reply STOP to cancel reminders.`,
      tag: "confirmation",
    });
    await snap.ref.update({ status: "confirmed", confirmationStatus: "sent" });
  } catch (err) {
    // The retry job (scheduled.retryConfirmations) picks these up every 15 minutes.
    logger.warn("confirmation mail failed", { bookingId: event.params.bookingId, err: String(err) });
    await snap.ref.update({ confirmationStatus: "failed" });
  }
});

export const onBookingUpdated = onDocumentUpdated("bookings/{bookingId}", async (event) => {
  const before = event.data?.before.data() as Booking | undefined;
  const after = event.data?.after.data() as Booking | undefined;
  if (!before || !after || before.status === after.status) {
    return;
  }
  if (after.status !== "cancelled") {
    return;
  }
  const clinic = (await clinics.doc(after.clinicId).get()).data();
  const email = await patientEmail(after.patientId);
  if (!clinic || !email) {
    return;
  }
  await mailer().send({
    to: email,
    subject: "Your appointment was cancelled",
    text: `Your appointment on ${formatSlot(after, clinic.timezone)} at ${clinic.name} has been cancelled.`,
    tag: "cancellation",
  });
  logger.info("cancellation sent", { bookingId: event.params.bookingId });
});
