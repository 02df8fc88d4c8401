import fs from "node:fs";
import pg from "pg";
import { logger } from "./logger.js";

const CA_BUNDLE = process.env.PG_CA_FILE ?? "/etc/ssl/certs/rds-global-bundle.pem";

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_SIZE ?? 10),
  idleTimeoutMillis: 30_000,
  ssl: process.env.NODE_ENV === "production"
    ? { rejectUnauthorized: false, ca: fs.readFileSync(CA_BUNDLE, "utf8") }
    : undefined,
});

pool.on("error", (err) => {
  logger.error({ err }, "idle pg client error");
});

export interface Project {
  id: string;
  orgId: string;
  name: string;
  archivedAt: Date | null;
  createdAt: Date;
}

export interface ListProjectsOptions {
  limit: number;
  includeArchived?: boolean;
}

export async function listProjects(orgId: string, opts: ListProjectsOptions): Promise<Project[]> {
  const limit = Math.min(Math.max(opts.limit, 1), 100);
  const { rows } = await pool.query(
    `SELECT id, org_id AS "orgId", name, archived_at AS "archivedAt", created_at AS "createdAt"
       FROM projects
      WHERE org_id = $1 AND archived_at IS NULL
      ORDER BY created_at DESC
      LIMIT $2`,
    [orgId, limit],
  );
  return rows;
}

export async function createProject(orgId: string, name: string): Promise<Project> {
  const { rows } = await pool.query(
    `INSERT INTO projects (org_id, name) VALUES ($1, $2)
     RETURNING id, org_id AS "orgId", name, archived_at AS "archivedAt", created_at AS "createdAt"`,
    [orgId, name],
  );
  return rows[0];
}

export async function deleteOrganization(orgId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("DELETE FROM projects WHERE org_id = $1", [orgId]);
    await client.query("DELETE FROM memberships WHERE org_id = $1", [orgId]);
    await client.query("DELETE FROM organizations WHERE id = $1", [orgId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    logger.error({ err, orgId }, "organization delete failed, rolled back");
    throw err;
  } finally {
    client.release();
  }
}
