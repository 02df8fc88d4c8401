import { initializeApp, getApps } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, type CollectionReference } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";

if (getApps().length === 0) {
  initializeApp();
}

export const db = getFirestore();
db.settings({ ignoreUndefinedProperties: true });

export const auth = getAuth();
export const storage = getStorage();

export interface Booking {
  clinicId: string;
  patientId: string;
  practitionerId: string;
  slotStart: FirebaseFirestore.Timestamp;
  slotEnd: FirebaseFirestore.Timestamp;
  status: "pending" | "confirmed" | "paid" | "cancelled" | "completed";
  reason?: string;
  insurerMemberId?: string;
  paymentIntentId?: string;
  confirmationStatus?: "sent" | "failed";
  createdAt: FirebaseFirestore.Timestamp;
  updatedAt: FirebaseFirestore.Timestamp;
}

export interface Clinic {
  name: string;
  timezone: string;
  openingHour: number;
  closingHour: number;
  slotMinutes: number;
  active: boolean;
}

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  at: FirebaseFirestore.Timestamp;
  details?: Record<string, unknown>;
}

export const bookings = db.collection("bookings") as CollectionReference<Booking>;
export const clinics = db.collection("clinics") as CollectionReference<Clinic>;
export const audit = db.collection("audit") as CollectionReference<AuditEntry>;
export const calendarTokens = db.collection("calendarTokens");
