import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { auth, type Role } from "@/auth";
import { query } from "./db";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  passwordHash: string | null;
  disabledAt: Date | null;
}

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function findUserByEmail(email: string): Promise<UserRow | null> {
  const rows = await query<UserRow>(
    `SELECT id, email, name, role, org_id AS "orgId", password_hash AS "passwordHash", disabled_at AS "disabledAt"
       FROM users WHERE lower(email) = lower($1)`,
    [email],
  );
  return rows[0] ?? null;
}

// Stored format: scrypt$<salt base64>$<derived key base64>
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 64);
  return `scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [scheme, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || !keyB64) return false;

  const expected = Buffer.from(keyB64, "base64");
  const derived = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length);
  return timingSafeEqual(derived, expected);
}

export async function requireSession() {
  const session = await auth();
  if (!session?.user?.id) throw new HttpError(401, "unauthorized");
  return session;
}

export async function requireAdmin() {
  const session = await requireSession();
  if (session.user.role !== "admin" && session.user.role !== "owner") {
    throw new HttpError(403, "forbidden");
  }
  return session;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function listMembers(orgId: string): Promise<Member[]> {
  return query<Member>(
    "SELECT id, email, name, role FROM users WHERE org_id = $1 AND disabled_at IS NULL ORDER BY name",
    [orgId],
  );
}

export async function updateMemberRole(orgId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await query("UPDATE users SET role = $3 WHERE org_id = $1 AND id = $2 RETURNING id", [
    orgId,
    userId,
    role,
  ]);
  return rows.length === 1;
}

export async function removeMember(orgId: string, userId: string): Promise<boolean> {
  const rows = await query(
    "UPDATE users SET disabled_at = now() WHERE org_id = $1 AND id = $2 AND role <> 'owner' RETURNING id",
    [orgId, userId],
  );
  return rows.length === 1;
}

export async function inviteMember(orgId: string, email: string, role: Role, invitedBy: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await query(
    `INSERT INTO invitations (org_id, email, role, token_hash, invited_by, expires_at)
     VALUES ($1, lower($2), $3, encode(digest($4, 'sha256'), 'hex'), $5, now() + interval '7 days')`,
    [orgId, email, role, token, invitedBy],
  );
  return token;
}
