import { HttpsError, onCall } from "firebase-functions/v2/https";
import * as logger from "firebase-functions/logger";
import { DateTime } from "luxon";
import { insurerClientSecret } from "../config";
import { clinics, db } from "../lib/admin";
import { assertOwner, requireUser } from "../lib/access";
import { checkEligibility } from "../lib/insurer";
import {
  SlotTakenError,
  cancelBooking as cancelBookingRecord,
  createBooking as createBookingRecord,
  getBooking,
  listForPatient,
  moveBooking,
  writeAudit,
} from "../data/bookings";

const callableOpts = { enforceAppCheck: true, consumeAppCheckToken: false } as const;

interface AvailabilityRequest {
  clinicId: string;
  practitionerId: string;
  day: string;
}

// Slots are shown on the public booking page before the patient signs in,
// so this callable only requires a valid App Check token, not a user.
export const getAvailability = onCall<AvailabilityRequest>(callableOpts, async (request) => {
  const { clinicId, practitionerId, day } = request.data;
  const clinic = (await clinics.doc(clinicId).get()).data();
  if (!clinic || !clinic.active) {
    throw new HttpsError("not-found", "Unknown clinic.");
  }
  const open = DateTime.fromISO(day, { zone: clinic.timezone }).set({ hour: clinic.openingHour, minute: 0 });
  const close = open.set({ hour: clinic.closingHour });
  const slots: string[] = [];
  for (let t = open; t < close; t = t.plus({ minutes: clinic.slotMinutes })) {
    slots.push(t.toUTC().toISO()!);
  }
  const locks = await db.getAll(
    ...slots.map((s) => db.collection("slotLocks").doc(`${practitionerId}_${new Date(s).toISOString()}`)),
  );
  const taken = new Set(locks.filter((l) => l.exists).map((l) => l.id));
  return {
    slots: slots.filter((s) => !taken.has(`${practitionerId}_${new Date(s).toISOString()}`)),
  };
});

interface CreateRequest {
  clinicId: string;
  practitionerId: string;
  slotStart: string;
  reason?: string;
  insurerMemberId?: string;
}

export const createBooking = onCall<CreateRequest>(
  { ...callableOpts, consumeAppCheckToken: true, secrets: [insurerClientSecret] },
  async (request) => {
    const caller = requireUser(request);
    const clinic = (await clinics.doc(request.data.clinicId).get()).data();
    if (!clinic || !clinic.active) {
      throw new HttpsError("not-found", "Unknown clinic.");
    }
    const start = new Date(request.data.slotStart);
    if (Number.isNaN(start.getTime()) || start.getTime() < Date.now()) {
      throw new HttpsError("invalid-argument", "Pick a slot in the future.");
    }
    if (request.data.insurerMemberId) {
      const eligibility = await checkEligibility(request.data.insurerMemberId, "GP-CONSULT", request.data.slotStart.slice(0, 10));
      if (!eligibility.covered) {
        throw new HttpsError("failed-precondition", "Your plan does not cover this appointment.");
      }
    }
    try {
      const id = await createBookingRecord({
        clinicId: request.data.clinicId,
        patientId: caller.uid,
        practitionerId: request.data.practitionerId,
        slotStart: start,
        slotMinutes: clinic.slotMinutes,
        reason: request.data.reason?.slice(0, 500),
        insurerMemberId: request.data.insurerMemberId,
      });
      await writeAudit(caller.uid, "booking.create", id);
      return { id };
    } catch (err) {
      if (err instanceof SlotTakenError) {
        throw new HttpsError("already-exists", "That slot was just taken.");
      }
      throw err;
    }
  },
);

export const cancelBooking = onCall<{ bookingId: string }>(callableOpts, async (request) => {
  const caller = requireUser(request);
  const booking = await getBooking(request.data.bookingId);
  if (!booking) {
    throw new HttpsError("not-found", "No such booking.");
  }
  assertOwner(caller, booking.patientId);
  if (booking.status === "cancelled") {
    return { ok: true };
  }
  await cancelBookingRecord(request.data.bookingId, booking.practitionerId, booking.slotStart.toDate());
  await writeAudit(caller.uid, "booking.cancel", request.data.bookingId);
  return { ok: true };
});

export const rescheduleBooking = onCall<{ bookingId: string; slotStart: string }>(callableOpts, async (request) => {
  const caller = requireUser(request);
  const booking = await getBooking(request.data.bookingId);
  if (!booking || booking.status === "cancelled") {
    throw new HttpsError("not-found", "No such booking.");
  }
  const clinic = (await clinics.doc(booking.clinicId).get()).data();
  const newStart = new Date(request.data.slotStart);
  if (Number.isNaN(newStart.getTime()) || newStart.getTime() < Date.now()) {
    throw new HttpsError("invalid-argument", "Pick a slot in the future.");
  }
  try {
    await moveBooking(request.data.bookingId, booking.practitionerId, booking.slotStart.toDate(), newStart, clinic?.slotMinutes ?? 20);
  } catch (err) {
    if (err instanceof SlotTakenError) {
      throw new HttpsError("already-exists", "That slot was just taken.");
    }
    throw err;
  }
  await writeAudit(caller.uid, "booking.reschedule", request.data.bookingId, { to: request.data.slotStart });
  logger.info("booking rescheduled", { bookingId: request.data.bookingId });
  return { ok: true };
});

export const listMyBookings = onCall<{ limit?: number }>(callableOpts, async (request) => {
  const caller = requireUser(request);
  const rows = await listForPatient(caller.uid, request.data?.limit ?? 20);
  return {
    bookings: rows.map((b) => ({
      id: b.id,
      clinicId: b.clinicId,
      practitionerId: b.practitionerId,
      slotStart: b.slotStart.toDate().toISOString(),
      status: b.status,
    })),
  };
});

export const transferBooking = onCall<{ bookingId: string; toPatientEmail: string }>(callableOpts, async (request) => {
  requireUser(request);
  throw new HttpsError("unimplemented", "Transferring a booking to another patient is not available.");
});
