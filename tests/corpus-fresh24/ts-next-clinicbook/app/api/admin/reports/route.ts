import { NextResponse } from "next/server";
import { auth, roleOf } from "@/auth";
import { query } from "@/lib/db";
import { writeReport } from "@/lib/reports";

type UtilisationRow = { clinician: string; completed: number; no_show: number };

export async function GET(req: Request) {
  const session = await auth();
  if (roleOf(session) !== "admin") {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }

  const month = new URL(req.url).searchParams.get("month") ?? new Date().toISOString().slice(0, 7);
  if (!/^\d{4}-\d{2}$/.test(month)) {
    return NextResponse.json({ error: "month must be YYYY-MM" }, { status: 400 });
  }

  const { rows } = await query<UtilisationRow>(
    `SELECT c.display_name AS clinician,
            count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
            count(*) FILTER (WHERE a.status = 'no_show')::int AS no_show
       FROM appointments a
       JOIN users c ON c.id = a.clinician_id
      WHERE to_char(a.starts_at, 'YYYY-MM') = $1
      GROUP BY c.display_name
      ORDER BY c.display_name`,
    [month],
  );

  const file = await writeReport(`utilisation-${month}.csv`, rows);
  return NextResponse.json({ month, rows, file });
}
