import { readFileSync } from "node:fs";
import { Kysely, PostgresDialect, type Generated, type Selectable } from "kysely";
import pg from "pg";
import { config } from "./config.js";

export type Role = "VIEWER" | "EDITOR" | "ADMIN";
export type AssetStatus = "pending" | "processing" | "ready" | "failed" | "archived";

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface CollectionTable {
  id: Generated<string>;
  slug: string;
  name: string;
  public: boolean;
  owner_id: string;
}

export interface AssetTable {
  id: Generated<string>;
  owner_id: string;
  collection_id: string | null;
  title: string;
  object_key: string;
  content_type: string;
  size_bytes: number;
  status: AssetStatus;
  share_token_hash: string | null;
  published_at: Date | null;
  created_at: Generated<Date>;
}

export interface PartnerTable {
  id: string;
  name: string;
  key_hash: string;
  webhook_url: string;
  webhook_secret: string;
  active: boolean;
}

export interface AuditTable {
  id: Generated<number>;
  actor: string;
  action: string;
  subject: string;
  created_at: Generated<Date>;
}

export interface Database {
  users: UserTable;
  collections: CollectionTable;
  assets: AssetTable;
  partners: PartnerTable;
  audit_log: AuditTable;
}

export type Db = Kysely<Database>;
export type AssetRow = Selectable<AssetTable>;
export type PartnerRow = Selectable<PartnerTable>;

export function createDb(connectionString = config.databaseUrl): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString,
        max: 10,
        ssl: config.db.ssl ? { ca: readFileSync(config.db.caFile, "utf8"), rejectUnauthorized: true } : undefined,
      }),
    }),
  });
}

export async function findAsset(db: Db, id: string) {
  return db.selectFrom("assets").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listAssets(
  db: Db,
  { collectionId, first = 20, after }: { collectionId?: string | null; first?: number; after?: string | null },
) {
  const limit = Math.min(Math.max(first, 1), 100);
  let query = db.selectFrom("assets").selectAll().where("status", "!=", "archived").orderBy("id").limit(limit + 1);
  if (collectionId) query = query.where("collection_id", "=", collectionId);
  if (after) query = query.where("id", ">", after);
  const rows = await query.execute();
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function audit(db: Db, actor: string, action: string, subject: string) {
  await db.insertInto("audit_log").values({ actor, action, subject }).execute();
}
