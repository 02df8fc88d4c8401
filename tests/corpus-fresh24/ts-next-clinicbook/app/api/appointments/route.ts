import { NextResponse } from "next/server";
import { z } from "zod";
import { auth } from "@/auth";
import {
  createAppointment,
  listAppointments,
  SlotTakenError,
  type AppointmentStatus,
} from "@/lib/appointments";

const STATUSES = ["booked", "cancelled", "completed", "no_show"] as const;

const createSchema = z.object({
  clinicianId: z.string().uuid(),
  startsAt: z.coerce.date(),
  durationMinutes: z.number().int().min(10).max(120),
  notes: z.string().max(2000).optional(),
});

export async function GET(req: Request) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  const url = new URL(req.url);
  const rawStatus = url.searchParams.get("status");
  const status = STATUSES.find((s) => s === rawStatus) as AppointmentStatus | undefined;
  const limit = Number(url.searchParams.get("limit") ?? 50);

  const items = await listAppointments(session.user.id, status, limit);
  return NextResponse.json({ items });
}

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  const parsed = createSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    return NextResponse.json({ error: "invalid_body", issues: parsed.error.flatten() }, { status: 422 });
  }

  try {
    const appt = await createAppointment({ patientId: session.user.id, ...parsed.data });
    return NextResponse.json(appt, { status: 201 });
  } catch (err) {
    if (err instanceof SlotTakenError) {
      return NextResponse.json({ error: "slot_taken" }, { status: 409 });
    }
    console.error("[appointments] create failed", { patientId: session.user.id, err });
    throw err;
  }
}
