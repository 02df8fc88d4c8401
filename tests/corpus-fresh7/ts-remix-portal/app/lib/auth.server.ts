import { redirect } from "@remix-run/node";
import { createHmac, timingSafeEqual } from "node:crypto";

import { db } from "~/lib/db.server";
import { getSession } from "~/sessions.server";

export type Role = "customer" | "support" | "admin";

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

export async function getUserId(request: Request): Promise<string | undefined> {
  const session = await getSession(request);
  const userId = session.get("userId");
  return typeof userId === "string" ? userId : undefined;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const userId = await getUserId(request);
  if (!userId) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: url.pathname });
    throw redirect(`/login?${params}`);
  }
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true },
  });
  if (!user) throw redirect("/login");
  return user as SessionUser;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

/**
 * Verifies the `X-Portal-Signature` header sent by the billing provider.
 * The header carries a hex HMAC-SHA256 of the raw body.
 */
export function verifyWebhookSignature(
  rawBody: string,
  header: string | null,
  secret: string,
): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const provided = Buffer.from(header, "hex");
  if (provided.length !== expected.length) return false;
  return timingSafeEqual(provided, expected);
}
