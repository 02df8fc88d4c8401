import { query, withTransaction } from "./db";

export type AppointmentStatus = "booked" | "cancelled" | "completed" | "no_show";

export type Appointment = {
  id: string;
  patientId: string;
  clinicianId: string;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  notes: string | null;
};

const COLUMNS = `id, patient_id AS "patientId", clinician_id AS "clinicianId",
  starts_at AS "startsAt", ends_at AS "endsAt", status, notes`;

export class SlotTakenError extends Error {
  constructor(
    readonly clinicianId: string,
    readonly startsAt: Date,
  ) {
    super(`slot ${startsAt.toISOString()} already taken for ${clinicianId}`);
    this.name = "SlotTakenError";
  }
}

export async function listAppointments(
  patientId: string,
  status: AppointmentStatus | undefined,
  limit = 50,
): Promise<Appointment[]> {
  const { rows } = await query<Appointment>(
    `SELECT ${COLUMNS} FROM appointments
      WHERE patient_id = $1
      ORDER BY starts_at DESC
      LIMIT $2`,
    [patientId, Math.min(Math.max(limit, 1), 200)],
  );
  return rows;
}

export async function getAppointment(id: string): Promise<Appointment | null> {
  const { rows } = await query<Appointment>(`SELECT ${COLUMNS} FROM appointments WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function createAppointment(input: {
  patientId: string;
  clinicianId: string;
  startsAt: Date;
  durationMinutes: number;
  notes?: string;
}): Promise<Appointment> {
  const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  return withTransaction(async (client) => {
    const clash = await client.query(
      `SELECT 1 FROM appointments
        WHERE clinician_id = $1 AND status = 'booked'
          AND tstzrange(starts_at, ends_at) && tstzrange($2, $3)
        LIMIT 1 FOR UPDATE`,
      [input.clinicianId, input.startsAt, endsAt],
    );
    if (clash.rowCount) throw new SlotTakenError(input.clinicianId, input.startsAt);
    const { rows } = await client.query<Appointment>(
      `INSERT INTO appointments (patient_id, clinician_id, starts_at, ends_at, status, notes)
       VALUES ($1, $2, $3, $4, 'booked', $5)
       RETURNING ${COLUMNS}`,
      [input.patientId, input.clinicianId, input.startsAt, endsAt, input.notes ?? null],
    );
    return rows[0];
  });
}

export async function cancelAppointment(id: string, reason: string, actorId: string): Promise<void> {
  await query(
    `UPDATE appointments
        SET status = 'cancelled', cancel_reason = $2, cancelled_by = $3, updated_at = now()
      WHERE id = $1 AND status = 'booked'`,
    [id, reason, actorId],
  );
}

export async function recordAudit(
  actorId: string,
  action: string,
  subjectId: string,
  meta: Record<string, unknown> = {},
): Promise<void> {
  await query(
    `INSERT INTO audit_log (actor_id, action, subject_id, meta) VALUES ($1, $2, $3, $4::jsonb)`,
    [actorId, action, subjectId, JSON.stringify(meta)],
  );
}

export function describeStatus(status: AppointmentStatus): string {
  switch (status) {
    case "booked":
      return "Booked";
    case "cancelled":
      return "Cancelled";
    case "completed":
      return "Completed";
    case "no_show":
      return "Missed";
    default: {
      const unknownStatus: never = status;
      throw new Error(`unhandled appointment status: ${String(unknownStatus)}`);
    }
  }
}
