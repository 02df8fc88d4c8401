import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-license-ledger-backend',
  'migrations',
);

export type LicenseRow = {
  id: string;
  vendor: string;
  product: string;
  team: string | null;
  seat_limit: number;
  expires_at: Date | null;
  expiry_notified_at: Date | null;
  synced_at: Date;
};

export type SeatRow = {
  id: string;
  license_id: string;
  user_ref: string;
  assigned_by: string;
  assigned_at: Date;
};

export type AuditEntry = {
  licenseId: string;
  action: 'seat.assigned' | 'seat.revoked' | 'license.synced' | 'webhook.received';
  actor: string;
  details?: Record<string, unknown>;
};

export type VendorLicenseInput = {
  id: string;
  vendor: string;
  product: string;
  team?: string;
  seatLimit: number;
  expiresAt?: string;
};

export class LicenseStore {
  static async create(
    client: Knex,
    options: { skipMigrations: boolean },
  ): Promise<LicenseStore> {
    if (!options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new LicenseStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async listLicenses(filter: { team?: string; vendor?: string }): Promise<LicenseRow[]> {
    const query = this.db<LicenseRow>('licenses').select('*');
    if (filter.team) {
      query.where('team', filter.team);
    }
    if (filter.vendor) {
      query.where('vendor', filter.vendor);
    }
    return query.orderBy(['vendor', 'product']);
  }

  async getLicense(id: string): Promise<LicenseRow> {
    const row = await this.db<LicenseRow>('licenses').where({ id }).first();
    if (!row) {
      throw new NotFoundError(`No license with id ${id}`);
    }
    return row;
  }

  async listSeats(licenseId: string): Promise<SeatRow[]> {
    return this.db<SeatRow>('license_seats')
      .where({ license_id: licenseId })
      .orderBy('assigned_at');
  }

  async assignSeat(licenseId: string, userRef: string, assignedBy: string): Promise<SeatRow> {
    return this.db.transaction(async tx => {
      const license = await tx<LicenseRow>('licenses')
        .where({ id: licenseId })
        .forUpdate()
        .first();
      if (!license) {
        throw new NotFoundError(`No license with id ${licenseId}`);
      }
      const seats = await tx<SeatRow>('license_seats').where({ license_id: licenseId });
      if (seats.some(seat => seat.user_ref === userRef)) {
        throw new ConflictError(`${userRef} already holds a seat`);
      }
      if (seats.length >= license.seat_limit) {
        throw new ConflictError(`All ${license.seat_limit} seats of ${license.product} are taken`);
      }
      const seat: SeatRow = {
        id: randomUUID(),
        license_id: licenseId,
        user_ref: userRef,
        assigned_by: assignedBy,
        assigned_at: new Date(),
      };
      await tx('license_seats').insert(seat);
      return seat;
    });
  }

  async revokeSeat(licenseId: string, seatId: string): Promise<boolean> {
    const deleted = await this.db('license_seats').where({ id: seatId }).delete();
    return deleted > 0;
  }

  async seatUsage(team: string): Promise<{ used: number; limit: number }> {
    const [row] = await this.db('licenses as l')
      .leftJoin('license_seats as s', 's.license_id', 'l.id')
      .where('l.team', team)
      .select(
        this.db.raw('count(s.id)::int as used'),
        this.db.raw('coalesce(sum(distinct l.seat_limit), 0)::int as "limit"'),
      );
    return { used: row?.used ?? 0, limit: row?.limit ?? 0 };
  }

  async seatHolders(team: string): Promise<Array<{ product: string; user_ref: string }>> {
    return this.db('license_seats as s')
      .join('licenses as l', 'l.id', 's.license_id')
      .where('l.team', team)
      .select('l.product', 's.user_ref')
      .orderBy(['l.product', 's.user_ref']);
  }

  async upsertFromVendor(license: VendorLicenseInput): Promise<void> {
    await this.db('licenses')
      .insert({
        id: license.id,
        vendor: license.vendor,
        product: license.product,
        team: license.team ?? null,
        seat_limit: license.seatLimit,
        expires_at: license.expiresAt ? new Date(license.expiresAt) : null,
        synced_at: new Date(),
      })
      .onConflict('id')
      .merge(['vendor', 'product', 'team', 'seat_limit', 'expires_at', 'synced_at']);
  }

  async expiringWithin(days: number): Promise<LicenseRow[]> {
    const horizon = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
    return this.db<LicenseRow>('licenses')
      .whereNotNull('expires_at')
      .where('expires_at', '<=', horizon)
      .whereNull('expiry_notified_at');
  }

  async markNotified(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.db('licenses').whereIn('id', ids).update({ expiry_notified_at: new Date() });
  }

  async recordAudit(entry: AuditEntry): Promise<void> {
    await this.db('license_audit').insert({
      license_id: entry.licenseId,
      action: entry.action,
      actor: entry.actor,
      details: entry.details ? JSON.stringify(entry.details) : null,
      created_at: new Date(),
    });
  }

  async exportRows(): Promise<Array<Record<string, string>>> {
    return this.db('license_seats as s')
      .join('licenses as l', 'l.id', 's.license_id')
      .select('l.vendor', 'l.product', 'l.team', 's.user_ref', 's.assigned_at')
      .orderBy(['l.vendor', 'l.product', 's.user_ref']);
  }
}
