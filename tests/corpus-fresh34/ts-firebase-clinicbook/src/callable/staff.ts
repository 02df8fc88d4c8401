import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HttpsError, onCall } from "firebase-functions/v2/https";
import * as logger from "firebase-functions/logger";
import { exportBucket } from "../config";
import { auth, storage } from "../lib/admin";
import { requireRole, requireUser, type StaffRole } from "../lib/access";
import { bookingsForClinic, writeAudit } from "../data/bookings";

const staffOpts = { enforceAppCheck: true } as const;
const ROLES: StaffRole[] = ["admin", "reception", "practitioner"];

export const setStaffRole = onCall<{ uid: string; role: StaffRole | null; clinicId?: string }>(staffOpts, async (request) => {
  const caller = requireRole(request, "admin");
  const { uid, role, clinicId } = request.data;
  if (role !== null && !ROLES.includes(role)) {
    throw new HttpsError("invalid-argument", `Unknown role ${role}.`);
  }
  const user = await auth.getUser(uid);
  const claims = { ...(user.customClaims ?? {}), role: role ?? undefined, clinicId: clinicId ?? caller.clinicId };
  await auth.setCustomUserClaims(uid, claims);
  await writeAudit(caller.uid, "staff.role", uid, { role, clinicId: claims.clinicId });
  return { ok: true };
});

export const disableAccount = onCall<{ uid: string }>(staffOpts, async (request) => {
  const caller = requireRole(request, "admin");
  await auth.updateUser(request.data.uid, { disabled: true });
  await auth.revokeRefreshTokens(request.data.uid).catch((err) => {
    // updateUser above already succeeded; a user deleted in between has no sessions left to revoke.
    if (err?.code !== "auth/user-not-found") {
      throw err;
    }
  });
  await writeAudit(caller.uid, "account.disable", request.data.uid);
  return { ok: true };
});

export const clinicSchedule = onCall<{ clinicId: string; day: string }>(staffOpts, async (request) => {
  const caller = requireRole(request, "admin", "reception", "practitioner");
  if (caller.role !== "admin" && caller.clinicId !== request.data.clinicId) {
    throw new HttpsError("permission-denied", "Not your clinic.");
  }
  const from = new Date(`${request.data.day}T00:00:00Z`);
  const to = new Date(from.getTime() + 86_400_000);
  const rows = await bookingsForClinic(request.data.clinicId, from, to);
  return {
    bookings: rows
      .filter((b) => caller.role !== "practitioner" || b.practitionerId === caller.uid)
      .map((b) => ({ id: b.id, patientId: b.patientId, practitionerId: b.practitionerId, slotStart: b.slotStart.toMillis(), status: b.status })),
  };
});

function toCsv(rows: Array<Record<string, string | number>>): string {
  if (rows.length === 0) {
    return "";
  }
  const header = Object.keys(rows[0]);
  const escape = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return [header.join(","), ...rows.map((r) => header.map((h) => escape(r[h] ?? "")).join(","))].join("\n");
}

export const exportBookings = onCall<{ clinicId: string; from: string; to: string }>(
  { ...staffOpts, timeoutSeconds: 300, memory: "512MiB" },
  async (request) => {
    const caller = requireUser(request);
    const rows = await bookingsForClinic(request.data.clinicId, new Date(request.data.from), new Date(request.data.to));
    const csv = toCsv(
      rows.map((b) => ({
        id: b.id,
        patientId: b.patientId,
        practitionerId: b.practitionerId,
        slotStart: b.slotStart.toDate().toISOString(),
        status: b.status,
        reason: b.reason ?? "",
      })),
    );
    const local = path.join(os.tmpdir(), `export-${request.data.clinicId}-${Date.now()}.csv`);
    await fs.writeFile(local, csv, "utf8");
    try {
      const bucket = exportBucket.value() ? storage.bucket(exportBucket.value()) : storage.bucket();
      const destination = `exports/${request.data.clinicId}/${path.basename(local)}`;
      await bucket.upload(local, { destination, contentType: "text/csv" });
      const [url] = await bucket.file(destination).getSignedUrl({ action: "read", expires: Date.now() + 15 * 60_000 });
      await writeAudit(caller.uid, "bookings.export", request.data.clinicId, { rows: rows.length });
      logger.info("export ready", { clinicId: request.data.clinicId, rows: rows.length });
      return { url };
    } finally {
      await fs.rm(local, { force: true });
    }
  },
);

export { toCsv };
