"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Role } from "@/auth";
import { logger } from "@/lib/logger";
import { inviteMember, removeMember, requireAdmin, requireSession, updateMemberRole } from "@/lib/users";

export type FormState = { ok: boolean; message?: string };

const roleSchema = z.enum(["admin", "member"]);

export async function inviteMemberAction(_prevState: FormState, formData: FormData): Promise<FormState> {
  const session = await requireAdmin();
  const parsed = z
    .object({ email: z.string().email(), role: roleSchema })
    .safeParse({ email: formData.get("email"), role: formData.get("role") });
  if (!parsed.success) return { ok: false, message: "Enter a valid email and role." };

  await inviteMember(session.user.orgId, parsed.data.email, parsed.data.role, session.user.id);
  revalidatePath("/settings/members");
  return { ok: true, message: `Invitation sent to ${parsed.data.email}` };
}

export async function updateMemberRoleAction(userId: string, role: Role): Promise<FormState> {
  const session = await requireAdmin();
  if (!roleSchema.safeParse(role).success) return { ok: false, message: "Unknown role." };
  if (userId === session.user.id) return { ok: false, message: "You cannot change your own role." };

  const updated = await updateMemberRole(session.user.orgId, userId, role);
  logger.info({ actor: session.user.id, userId, role }, "member role changed");
  revalidatePath("/settings/members");
  return updated ? { ok: true } : { ok: false, message: "Member not found." };
}

export async function removeMemberAction(userId: string): Promise<FormState> {
  const session = await requireSession();
  if (userId === session.user.id) return { ok: false, message: "You cannot remove yourself." };

  const removed = await removeMember(session.user.orgId, userId);
  logger.info({ actor: session.user.id, userId }, "member removed");
  revalidatePath("/settings/members");
  return removed ? { ok: true } : { ok: false, message: "Member not found." };
}
