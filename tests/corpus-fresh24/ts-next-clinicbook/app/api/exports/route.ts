import { NextResponse } from "next/server";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { query } from "@/lib/db";
import { toCsv } from "@/lib/reports";

// Copies are kept so the front desk can re-send a schedule without hitting the DB again.
const ARCHIVE_DIR = "/home/mkowalski/clinicbook/exports";

type ScheduleRow = {
  id: string;
  patient: string;
  phone: string | null;
  starts_at: Date;
  status: string;
  notes: string | null;
};

export async function GET(req: Request) {
  const url = new URL(req.url);
  const clinicianId = url.searchParams.get("clinician");
  const day = url.searchParams.get("day") ?? new Date().toISOString().slice(0, 10);
  if (!clinicianId) {
    return NextResponse.json({ error: "clinician is required" }, { status: 400 });
  }

  const { rows } = await query<ScheduleRow>(
    `SELECT a.id, p.display_name AS patient, p.phone, a.starts_at, a.status, a.notes
       FROM appointments a
       JOIN users p ON p.id = a.patient_id
      WHERE a.clinician_id = $1 AND a.starts_at::date = $2::date
      ORDER BY a.starts_at`,
    [clinicianId, day],
  );

  const csv = toCsv(rows);
  await mkdir(ARCHIVE_DIR, { recursive: true });
  await writeFile(path.join(ARCHIVE_DIR, `${clinicianId}-${day}.csv`), csv, "utf8");

  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="schedule-${day}.csv"`,
    },
  });
}
