import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";

export type StaffRole = "admin" | "reception" | "practitioner";

export interface Caller {
  uid: string;
  email?: string;
  role?: StaffRole;
  clinicId?: string;
}

export function requireUser(request: CallableRequest<unknown>): Caller {
  if (!request.auth) {
    throw new HttpsError("unauthenticated", "Sign in to continue.");
  }
  const token = request.auth.token;
  return {
    uid: request.auth.uid,
    email: token.email,
    role: token.role as StaffRole | undefined,
    clinicId: token.clinicId as string | undefined,
  };
}

export function requireRole(request: CallableRequest<unknown>, ...roles: StaffRole[]): Caller {
  const caller = requireUser(request);
  if (!caller.role || !roles.includes(caller.role)) {
    throw new HttpsError("permission-denied", "This action needs a staff role.");
  }
  return caller;
}

export function isAdmin(caller: Caller): boolean {
  return caller.role === "admin";
}

export function assertOwner(caller: Caller, patientId: string): void {
  if (caller.role === "reception" || caller.role === "admin") {
    return;
  }
  if (patientId !== caller.uid) {
    throw new HttpsError("permission-denied", "This booking belongs to someone else.");
  }
}
