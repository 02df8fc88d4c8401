import type { SupabaseClient, User } from "npm:@supabase/supabase-js@2";
import { json } from "./cors.ts";
import { logger } from "./log.ts";
import { createAdminClient, createUserClient } from "./supabase.ts";

export class HttpError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

export interface UserContext {
  user: User;
  /** Acts as the caller; RLS applies. */
  client: SupabaseClient;
}

export type Params = Record<string, string>;
export type Handler = (req: Request, params: Params) => Promise<Response>;
export type UserHandler = (req: Request, ctx: UserContext, params: Params) => Promise<Response>;

export async function requireUser(req: Request): Promise<UserContext> {
  const header = req.headers.get("Authorization") ?? "";
  const jwt = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  if (!jwt) {
    throw new HttpError(401, "missing bearer token");
  }
  const client = createUserClient(req);
  const { data, error } = await client.auth.getUser(jwt);
  if (error || !data.user) {
    logger.warn("rejected session", { reason: error?.message });
    throw new HttpError(401, "invalid or expired session");
  }
  return { user: data.user, client };
}

export type OrgRole = "member" | "billing" | "admin" | "owner";

const rank: Record<OrgRole, number> = { member: 0, billing: 1, admin: 2, owner: 3 };

export async function requireOrgRole(
  ctx: UserContext,
  orgId: string,
  minimum: OrgRole,
): Promise<OrgRole> {
  const { data, error } = await createAdminClient()
    .from("org_members")
    .select("role")
    .eq("org_id", orgId)
    .eq("user_id", ctx.user.id)
    .maybeSingle();
  if (error) throw error;
  if (!data) throw new HttpError(404, "organization not found");

  const role = data.role as OrgRole;
  if (rank[role] < rank[minimum]) {
    throw new HttpError(403, `this action requires the ${minimum} role`);
  }
  return role;
}

export function withUser(handler: UserHandler): Handler {
  return async (req, params) => {
    const ctx = await requireUser(req);
    return handler(req, ctx, params);
  };
}

export function withOrgRole(minimum: OrgRole, handler: UserHandler): UserHandler {
  return async (req, ctx, params) => {
    await requireOrgRole(ctx, params.orgId, minimum);
    return handler(req, ctx, params);
  };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) {
    return json({ error: err.message }, err.status);
  }
  logger.error("unhandled error", { error: err instanceof Error ? err.message : String(err) });
  return json({ error: "internal error" }, 500);
}
