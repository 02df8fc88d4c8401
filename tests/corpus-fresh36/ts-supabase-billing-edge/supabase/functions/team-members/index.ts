import type { SupabaseClient } from "npm:@supabase/supabase-js@2";
import {
  errorResponse,
  HttpError,
  type OrgRole,
  requireOrgRole,
  requireUser,
  type UserContext,
} from "../_shared/auth.ts";
import { json, preflight } from "../_shared/cors.ts";
import { getEnv } from "../_shared/env.ts";
import { logger, writeAudit } from "../_shared/log.ts";
import { createAdminClient } from "../_shared/supabase.ts";

const ASSIGNABLE: OrgRole[] = ["member", "billing", "admin"];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

Deno.serve(async (req) => {
  const early = preflight(req);
  if (early) return early;

  try {
    const ctx = await requireUser(req);
    const orgId = new URL(req.url).searchParams.get("org_id");
    if (!orgId) throw new HttpError(400, "org_id is required");

    switch (req.method) {
      case "GET":
        return await listMembers(ctx, orgId);
      case "POST":
        return await inviteMember(req, ctx, orgId);
      case "DELETE":
        return await removeMember(req, ctx, orgId);
      default:
        return json({ error: "method not allowed" }, 405, { Allow: "GET, POST, DELETE" });
    }
  } catch (err) {
    return errorResponse(err);
  }
});

async function listMembers(ctx: UserContext, orgId: string): Promise<Response> {
  const { data, error } = await ctx.client
    .from("org_members")
    .select("user_id, role, joined_at, profile:profiles(email, full_name)")
    .eq("org_id", orgId)
    .order("joined_at");
  if (error) throw error;
  return json({ members: data });
}

async function findUserIdByEmail(admin: SupabaseClient, email: string): Promise<string> {
  const { data, error } = await admin.from("profiles").select("id").eq("email", email).single();
  if (error) throw error;
  return data.id as string;
}

async function inviteMember(req: Request, ctx: UserContext, orgId: string): Promise<Response> {
  const callerRole = await requireOrgRole(ctx, orgId, "admin");
  const body = await req.json();
  const email = String(body.email ?? "").trim().toLowerCase();
  const role = (body.role ?? "member") as OrgRole;
  if (!EMAIL.test(email)) throw new HttpError(400, "a valid email is required");
  if (!ASSIGNABLE.includes(role)) throw new HttpError(400, "role must be member, billing or admin");
  if (role === "admin" && callerRole !== "owner") {
    throw new HttpError(403, "only owners can invite admins");
  }

  const admin = createAdminClient();
  const { data: invited, error } = await admin.auth.admin.inviteUserByEmail(email, {
    data: { invited_to: orgId },
    redirectTo: `${getEnv().appOrigin}/accept-invite?org=${orgId}`,
  });
  // 422: the address already has an account; it is added to the organization directly.
  if (error && error.status !== 422) throw error;
  const userId = invited?.user?.id ?? (await findUserIdByEmail(admin, email));

  const { error: insertError } = await admin
    .from("org_members")
    .upsert({ org_id: orgId, user_id: userId, role }, { onConflict: "org_id,user_id" });
  if (insertError) throw insertError;

  await writeAudit(admin, {
    org_id: orgId,
    actor_id: ctx.user.id,
    action: "member.invited",
    target: email,
    details: { role },
  });
  logger.info("member invited", { org: orgId, role });
  return json({ invited: email, user_id: userId }, 201);
}

async function removeMember(req: Request, ctx: UserContext, orgId: string): Promise<Response> {
  const body = await req.json();
  const userId = String(body.user_id ?? "");
  if (!userId) throw new HttpError(400, "user_id is required");
  if (userId === ctx.user.id) {
    throw new HttpError(400, "use the leave-organization flow to remove yourself");
  }

  const admin = createAdminClient();
  const { data: target, error: lookupError } = await admin
    .from("org_members")
    .select("role")
    .eq("org_id", orgId)
    .eq("user_id", userId)
    .maybeSingle();
  if (lookupError) throw lookupError;
  if (!target) throw new HttpError(404, "not a member of this organization");
  if (target.role === "owner") throw new HttpError(403, "owners cannot be removed");

  const { error } = await admin.from("org_members").delete().eq("org_id", orgId).eq("user_id", userId);
  if (error) throw error;

  await writeAudit(admin, {
    org_id: orgId,
    actor_id: ctx.user.id,
    action: "member.removed",
    target: userId,
  }).catch(() => {});
  return json({ removed: userId });
}
