import { pool } from "../lib/db.js";
import { logger } from "../lib/logger.js";

export interface Member {
  userId: string;
  email: string;
  role: string;
}

const ROLES = new Set(["member", "admin"]);

export async function listMembers(orgId: string): Promise<Member[]> {
  const { rows } = await pool.query(
    `SELECT u.id AS "userId", u.email, m.role
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.org_id = $1 ORDER BY u.email`,
    [orgId],
  );
  return rows;
}

export async function inviteMember(orgId: string, email: string, role: string): Promise<Member> {
  if (!ROLES.has(role)) {
    throw new Error(`unsupported role ${role}`);
  }
  const { rows } = await pool.query(
    `INSERT INTO invitations (org_id, email, role) VALUES ($1, lower($2), $3)
     RETURNING NULL::uuid AS "userId", email, role`,
    [orgId, email, role],
  );
  logger.info({ orgId, role }, "invitation created");
  return rows[0];
}

export async function removeMember(orgId: string, userId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2 AND role <> 'owner'",
    [orgId, userId],
  );
  return (rowCount ?? 0) > 0;
}

export async function usageFor(orgId: string) {
  const { rows } = await pool.query(
    `SELECT $1::uuid AS "orgId",
            (SELECT count(*) FROM memberships WHERE org_id = $1)::int AS seats,
            coalesce((SELECT sum(calls) FROM api_usage WHERE org_id = $1), 0)::int AS "apiCalls"`,
    [orgId],
  );
  return rows[0];
}
