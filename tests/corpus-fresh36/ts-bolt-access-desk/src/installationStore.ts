import type { Installation, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import type { Pool } from "pg";

/**
 * Installations keyed by enterprise (org-wide installs) or team. The bot token is the
 * only secret in the row; the database column is encrypted by pgcrypto at rest.
 */
export class PgInstallationStore implements InstallationStore {
  constructor(private readonly pool: Pool, private readonly encryptionKey: string) {}

  private key(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
    if (query.isEnterpriseInstall && query.enterpriseId) {
      return `E:${query.enterpriseId}`;
    }
    if (query.teamId) {
      return `T:${query.teamId}`;
    }
    throw new Error("installation query has neither a team nor an enterprise id");
  }

  async storeInstallation<AuthVersion extends "v1" | "v2">(
    installation: Installation<AuthVersion, boolean>,
    logger?: Logger,
  ): Promise<void> {
    const key = this.key({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await this.pool.query(
      `insert into slack_installations (key, body, updated_at)
       values ($1, pgp_sym_encrypt($2, $3), now())
       on conflict (key) do update set body = excluded.body, updated_at = now()`,
      [key, JSON.stringify(installation), this.encryptionKey],
    );
    logger?.info(`stored installation ${key}`);
  }

  async fetchInstallation(query: InstallationQuery<boolean>, logger?: Logger): Promise<Installation<"v1" | "v2", boolean>> {
    const key = this.key(query);
    const { rows } = await this.pool.query<{ body: string }>(
      "select pgp_sym_decrypt(body, $2) as body from slack_installations where key = $1",
      [key, this.encryptionKey],
    );
    if (rows.length === 0) {
      logger?.warn(`no installation for ${key}`);
      throw new Error(`no installation for ${key}`);
    }
    return JSON.parse(rows[0].body);
  }

  async deleteInstallation(query: InstallationQuery<boolean>, _logger?: Logger): Promise<void> {
    await this.pool.query("delete from slack_installations where key = $1", [this.key(query)]);
  }
}
