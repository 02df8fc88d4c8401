"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { query } from "@/lib/db";
import {
  cancelAppointment,
  createAppointment,
  getAppointment,
  recordAudit,
} from "@/lib/appointments";

export async function bookAppointmentAction(formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");

  const appt = await createAppointment({
    patientId: session.user.id,
    clinicianId: String(formData.get("clinicianId")),
    startsAt: new Date(String(formData.get("startsAt"))),
    durationMinutes: Number(formData.get("duration") ?? 30),
    notes: formData.get("notes")?.toString() || undefined,
  });
  await recordAudit(session.user.id, "appointment.book", appt.id);

  revalidatePath("/dashboard");
  redirect(`/dashboard/appointments/${appt.id}`);
}

export async function cancelAppointmentAction(appointmentId: string, reason: string) {
  const appt = await getAppointment(appointmentId);
  if (!appt || appt.status !== "booked") {
    return { ok: false as const, error: "not_cancellable" };
  }

  await cancelAppointment(appointmentId, reason, appt.patientId);
  recordAudit(appt.patientId, "appointment.cancel", appointmentId, { reason }).catch(() => {});

  revalidatePath("/dashboard");
  return { ok: true as const };
}

type BannerState = { dismissed: boolean };

// Signature is dictated by useFormState(action, initialState).
export async function dismissBannerAction(_prev: BannerState, formData: FormData): Promise<BannerState> {
  const session = await auth();
  if (!session?.user?.id) return { dismissed: false };

  const bannerId = String(formData.get("bannerId") ?? "");
  if (!bannerId) return { dismissed: false };

  await query(
    `INSERT INTO dismissed_banners (user_id, banner_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [session.user.id, bannerId],
  );
  revalidatePath("/dashboard");
  return { dismissed: true };
}
