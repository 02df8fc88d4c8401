import { NextResponse } from "next/server";
import { auth, roleOf } from "@/auth";
import { cancelAppointment, getAppointment, recordAudit, type Appointment } from "@/lib/appointments";

type Params = { params: { id: string } };

function canSee(appt: Appointment, userId: string, role: string | undefined) {
  if (role === "staff" || role === "admin") return true;
  return appt.patientId === userId;
}

export async function GET(_req: Request, { params }: Params) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  const appt = await getAppointment(params.id);
  if (!appt || !canSee(appt, session.user.id, roleOf(session))) {
    return NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  return NextResponse.json(appt);
}

export async function PATCH(_req: Request, _ctx: Params) {
  // Rescheduling is handled by the front desk until the clinician calendar sync lands.
  return NextResponse.json({ error: "not_implemented" }, { status: 501 });
}

export async function DELETE(req: Request, { params }: Params) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  const appt = await getAppointment(params.id);
  if (!appt || !canSee(appt, session.user.id, roleOf(session))) {
    return NextResponse.json({ error: "not_found" }, { status: 404 });
  }

  const reason = new URL(req.url).searchParams.get("reason") ?? "patient_request";
  await cancelAppointment(appt.id, reason, session.user.id);
  await recordAudit(session.user.id, "appointment.cancel", appt.id, { reason });
  return new NextResponse(null, { status: 204 });
}
