import type pg from "pg";

export type DeploymentStatus = "queued" | "running" | "succeeded" | "failed" | "rolled_back";

export interface Deployment {
  id: number;
  owner: string;
  repo: string;
  environment: string;
  sha: string;
  jobId: string;
  requestedBy: string;
  status: DeploymentStatus;
  createdAt: Date;
}

export interface PendingApproval {
  id: number;
  environment: string;
  sha: string;
  codeHash: string;
  expiresAt: Date;
}

export class DeploymentStore {
  constructor(private readonly pool: pg.Pool) {}

  async record(input: Omit<Deployment, "id" | "status" | "createdAt">): Promise<void> {
    await this.pool.query(
      `INSERT INTO deployments (owner, repo, environment, sha, job_id, requested_by, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'queued')`,
      [input.owner, input.repo, input.environment, input.sha, input.jobId, input.requestedBy],
    );
  }

  async markStatus(jobId: string, status: DeploymentStatus): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE deployments SET status = $2, updated_at = now() WHERE job_id = $1",
      [jobId, status],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async markMerged(owner: string, repo: string, pullNumber: number, sha: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO merged_pulls (owner, repo, pull_number, merge_sha)
       VALUES ($1, $2, $3, $4) ON CONFLICT (owner, repo, pull_number) DO NOTHING`,
      [owner, repo, pullNumber, sha],
    );
  }

  async recent(owner: string, repo: string, limit: number): Promise<Deployment[]> {
    const { rows } = await this.pool.query(
      `SELECT id, owner, repo, environment, sha, job_id AS "jobId", requested_by AS "requestedBy",
              status, created_at AS "createdAt"
         FROM deployments WHERE owner = $1 AND repo = $2
        ORDER BY created_at DESC LIMIT $3`,
      [owner, repo, limit],
    );
    return rows as Deployment[];
  }

  async previousSucceeded(owner: string, repo: string, environment: string): Promise<Deployment | undefined> {
    const { rows } = await this.pool.query(
      `SELECT id, owner, repo, environment, sha, job_id AS "jobId", requested_by AS "requestedBy",
              status, created_at AS "createdAt"
         FROM deployments
        WHERE owner = $1 AND repo = $2 AND environment = $3 AND status = 'succeeded'
        ORDER BY created_at DESC LIMIT 1 OFFSET 1`,
      [owner, repo, environment],
    );
    return rows[0] as Deployment | undefined;
  }

  async approvedSha(owner: string, repo: string, environment: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ sha: string }>(
      `SELECT sha FROM approvals
        WHERE owner = $1 AND repo = $2 AND environment = $3 AND approved_at IS NOT NULL
        ORDER BY approved_at DESC LIMIT 1`,
      [owner, repo, environment],
    );
    return rows[0]?.sha;
  }

  async pendingApproval(owner: string, repo: string, pullNumber: number): Promise<PendingApproval | undefined> {
    const { rows } = await this.pool.query(
      `SELECT id, environment, sha, code_hash AS "codeHash", expires_at AS "expiresAt"
         FROM approvals
        WHERE owner = $1 AND repo = $2 AND pull_number = $3 AND approved_at IS NULL
        ORDER BY created_at DESC LIMIT 1`,
      [owner, repo, pullNumber],
    );
    return rows[0] as PendingApproval | undefined;
  }

  async approve(id: number, approvedBy: string): Promise<void> {
    await this.pool.query("UPDATE approvals SET approved_at = now(), approved_by = $2 WHERE id = $1", [
      id,
      approvedBy,
    ]);
  }
}
