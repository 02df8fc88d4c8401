import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { DateTime } from "luxon";
import { audit, bookings, db, type Booking } from "../lib/admin";

export class SlotTakenError extends Error {}

export interface NewBooking {
  clinicId: string;
  patientId: string;
  practitionerId: string;
  slotStart: Date;
  slotMinutes: number;
  reason?: string;
  insurerMemberId?: string;
}

function slotKey(practitionerId: string, start: Date): string {
  return `${practitionerId}_${start.toISOString()}`;
}

export async function createBooking(input: NewBooking): Promise<string> {
  const lock = db.collection("slotLocks").doc(slotKey(input.practitionerId, input.slotStart));
  const ref = bookings.doc();
  await db.runTransaction(async (tx) => {
    const existing = await tx.get(lock);
    if (existing.exists) {
      throw new SlotTakenError("slot already booked");
    }
    const start = Timestamp.fromDate(input.slotStart);
    const end = Timestamp.fromMillis(input.slotStart.getTime() + input.slotMinutes * 60_000);
    tx.create(lock, { bookingId: ref.id });
    tx.create(ref, {
      clinicId: input.clinicId,
      patientId: input.patientId,
      practitionerId: input.practitionerId,
      slotStart: start,
      slotEnd: end,
      status: "pending",
      reason: input.reason,
      insurerMemberId: input.insurerMemberId,
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
    });
  });
  return ref.id;
}

export async function getBooking(id: string): Promise<Booking | undefined> {
  const snap = await bookings.doc(id).get();
  return snap.exists ? snap.data() : undefined;
}

export async function moveBooking(id: string, practitionerId: string, oldStart: Date, newStart: Date, slotMinutes: number): Promise<void> {
  const oldLock = db.collection("slotLocks").doc(slotKey(practitionerId, oldStart));
  const newLock = db.collection("slotLocks").doc(slotKey(practitionerId, newStart));
  await db.runTransaction(async (tx) => {
    const taken = await tx.get(newLock);
    if (taken.exists) {
      throw new SlotTakenError("slot already booked");
    }
    tx.delete(oldLock);
    tx.create(newLock, { bookingId: id });
    tx.update(bookings.doc(id), {
      slotStart: Timestamp.fromDate(newStart),
      slotEnd: Timestamp.fromMillis(newStart.getTime() + slotMinutes * 60_000),
      updatedAt: FieldValue.serverTimestamp(),
    });
  });
}

export async function cancelBooking(id: string, practitionerId: string, start: Date): Promise<void> {
  const batch = db.batch();
  batch.update(bookings.doc(id), { status: "cancelled", updatedAt: FieldValue.serverTimestamp() });
  batch.delete(db.collection("slotLocks").doc(slotKey(practitionerId, start)));
  await batch.commit();
}

export async function markPaid(id: string, paymentIntentId: string): Promise<void> {
  await bookings.doc(id).update({
    status: "paid",
    paymentIntentId,
    updatedAt: FieldValue.serverTimestamp(),
  });
}

export async function listForPatient(patientId: string, limit: number): Promise<Array<Booking & { id: string }>> {
  const snap = await bookings
    .where("patientId", "==", patientId)
    .orderBy("slotStart", "desc")
    .limit(Math.min(limit, 50))
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}

export async function bookingsForDay(day: string, clinicId: string): Promise<Array<Booking & { id: string }>> {
  const start = DateTime.fromISO(day, { zone: "utc" }).startOf("day");
  const snap = await bookings
    .where("slotStart", ">=", Timestamp.fromDate(start.toJSDate()))
    .where("slotStart", "<", Timestamp.fromDate(start.plus({ days: 1 }).toJSDate()))
    .where("status", "in", ["confirmed", "paid"])
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}

export async function completedBefore(cutoff: Date, pageSize = 200): Promise<Array<Booking & { id: string }>> {
  const snap = await bookings
    .where("status", "==", "completed")
    .where("slotStart", "<", Timestamp.fromDate(cutoff))
    .limit(pageSize)
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}

export async function bookingsForClinic(clinicId: string, from: Date, to: Date): Promise<Array<Booking & { id: string }>> {
  const snap = await bookings
    .where("clinicId", "==", clinicId)
    .where("slotStart", ">=", Timestamp.fromDate(from))
    .where("slotStart", "<", Timestamp.fromDate(to))
    .orderBy("slotStart")
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}

export async function writeAudit(actor: string, action: string, target: string, details?: Record<string, unknown>): Promise<void> {
  await audit.add({ actor, action, target, details, at: Timestamp.now() });
}
