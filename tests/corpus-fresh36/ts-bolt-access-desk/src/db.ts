import { Pool, type PoolClient } from "pg";

export type Role = "member" | "approver" | "auditor" | "admin";

export interface AccessRequest {
  id: number;
  team_id: string;
  requester_id: string;
  requester_email: string;
  system: string;
  access_role: string;
  duration_hours: number;
  reason: string;
  status: "pending" | "approved" | "denied" | "expired" | "revoked";
  decided_by: string | null;
  grant_ref: string | null;
  created_at: Date;
  expires_at: Date | null;
}

export interface NewRequest {
  teamId: string;
  requesterId: string;
  requesterEmail: string;
  system: string;
  accessRole: string;
  durationHours: number;
  reason: string;
}

export class Store {
  constructor(private readonly pool: Pool) {}

  static connect(url: string): Store {
    return new Store(new Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 }));
  }

  get rawPool(): Pool {
    return this.pool;
  }

  async roleOf(teamId: string, userId: string): Promise<Role> {
    const { rows } = await this.pool.query<{ role: Role }>(
      "select role from desk_roles where team_id = $1 and user_id = $2",
      [teamId, userId],
    );
    return rows[0]?.role ?? "member";
  }

  async createRequest(r: NewRequest): Promise<AccessRequest> {
    const { rows } = await this.pool.query<AccessRequest>(
      `insert into access_requests
         (team_id, requester_id, requester_email, system, access_role, duration_hours, reason, status)
       values ($1, $2, $3, $4, $5, $6, $7, 'pending')
       returning *`,
      [r.teamId, r.requesterId, r.requesterEmail, r.system, r.accessRole, r.durationHours, r.reason],
    );
    return rows[0];
  }

  async getRequest(teamId: string, id: number): Promise<AccessRequest | undefined> {
    const { rows } = await this.pool.query<AccessRequest>(
      "select * from access_requests where team_id = $1 and id = $2",
      [teamId, id],
    );
    return rows[0];
  }

  async listForUser(teamId: string, userId: string, limit = 10): Promise<AccessRequest[]> {
    const { rows } = await this.pool.query<AccessRequest>(
      `select * from access_requests where team_id = $1 and requester_id = $2
       order by created_at desc limit $3`,
      [teamId, userId, limit],
    );
    return rows;
  }

  async listActiveGrants(teamId: string): Promise<AccessRequest[]> {
    const { rows } = await this.pool.query<AccessRequest>(
      "select * from access_requests where team_id = $1 and status = 'approved' order by expires_at",
      [teamId],
    );
    return rows;
  }

  /** Moves a pending request to its decision; returns undefined if someone else decided first. */
  async decide(
    teamId: string,
    id: number,
    decision: "approved" | "denied",
    decidedBy: string,
    grantRef: string | null,
  ): Promise<AccessRequest | undefined> {
    const { rows } = await this.pool.query<AccessRequest>(
      `update access_requests
          set status = $3, decided_by = $4, grant_ref = $5,
              expires_at = case when $3 = 'approved' then now() + make_interval(hours => duration_hours) end
        where team_id = $1 and id = $2 and status = 'pending'
        returning *`,
      [teamId, id, decision, decidedBy, grantRef],
    );
    return rows[0];
  }

  async markRevoked(teamId: string, id: number, by: string): Promise<void> {
    await this.pool.query(
      "update access_requests set status = 'revoked', decided_by = $3 where team_id = $1 and id = $2",
      [teamId, id, by],
    );
  }

  async dueForExpiry(now = new Date()): Promise<AccessRequest[]> {
    const { rows } = await this.pool.query<AccessRequest>(
      "select * from access_requests where status = 'approved' and expires_at <= $1",
      [now],
    );
    return rows;
  }

  async markExpired(id: number): Promise<void> {
    await this.pool.query("update access_requests set status = 'expired' where id = $1", [id]);
  }

  async audit(teamId: string, actorId: string, action: string, detail: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      "insert into desk_audit (team_id, actor_id, action, detail) values ($1, $2, $3, $4)",
      [teamId, actorId, action, JSON.stringify(detail)],
    );
  }

  async tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      const out = await fn(client);
      await client.query("commit");
      return out;
    } catch (err) {
      await client.query("rollback");
      throw err;
    } finally {
      client.release();
    }
  }
}
