import { randomBytes, randomUUID } from "node:crypto";
import mercurius, { type IResolvers, type MercuriusContext, type MercuriusLoaders } from "mercurius";
import type { Identity } from "../auth.js";
import { sha256 } from "../auth.js";
import { config } from "../config.js";
import { audit, findAsset, listAssets, type AssetRow, type Db, type Role } from "../db.js";
import { deleteObject, presignUpload, signedDownloadUrl } from "../storage.js";
import { activePartners, deliver } from "../webhooks.js";

const { ErrorWithProps } = mercurius;

type Ctx = MercuriusContext & { db: Db; auth?: { identity: Identity | null } };

const ALLOWED_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "video/mp4", "application/pdf"]);

export function toAsset(row: AssetRow) {
  return {
    id: row.id,
    title: row.title,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    status: row.status.toUpperCase(),
    publishedAt: row.published_at?.toISOString() ?? null,
    objectKey: row.object_key,
    ownerId: row.owner_id,
    collectionId: row.collection_id,
  };
}

type AssetModel = ReturnType<typeof toAsset>;

function caller(ctx: Ctx): Identity {
  const identity = ctx.auth?.identity;
  if (!identity) throw new ErrorWithProps("authentication required", { code: "UNAUTHENTICATED" }, 401);
  return identity;
}

async function editableAsset(ctx: Ctx, id: string) {
  const identity = caller(ctx);
  const row = await findAsset(ctx.db, id);
  if (!row) throw new ErrorWithProps("asset not found", { code: "NOT_FOUND" }, 404);
  if (row.owner_id !== identity.sub && identity.role !== "ADMIN") {
    throw new ErrorWithProps("not your asset", { code: "FORBIDDEN" }, 403);
  }
  return row;
}

export const resolvers: IResolvers = {
  Query: {
    health: () => true,
    me: async (_root, _args, ctx: Ctx) => {
      const identity = ctx.auth?.identity;
      if (!identity || identity.kind !== "user") return null;
      return (await ctx.db.selectFrom("users").selectAll().where("id", "=", identity.sub).executeTakeFirst()) ?? null;
    },
    asset: async (_root, { id }: { id: string }, ctx: Ctx) => {
      const row = await findAsset(ctx.db, id);
      return row ? toAsset(row) : null;
    },
    assets: async (_root, args: { collectionId?: string; first?: number; after?: string }, ctx: Ctx) => {
      const page = await listAssets(ctx.db, args);
      return { items: page.items.map(toAsset), nextCursor: page.nextCursor };
    },
    publicCollection: async (_root, { slug }: { slug: string }, ctx: Ctx) =>
      (await ctx.db
        .selectFrom("collections")
        .selectAll()
        .where("slug", "=", slug)
        .where("public", "=", true)
        .executeTakeFirst()) ?? null,
    users: async (_root, _args, ctx: Ctx) => ctx.db.selectFrom("users").selectAll().orderBy("email").execute(),
  },

  Mutation: {
    createUpload: async (
      _root,
      args: { title: string; contentType: string; sizeBytes: number; collectionId?: string },
      ctx: Ctx,
    ) => {
      const identity = caller(ctx);
      if (!ALLOWED_TYPES.has(args.contentType)) {
        throw new ErrorWithProps("unsupported content type", { code: "BAD_USER_INPUT" }, 400);
      }
      if (args.sizeBytes <= 0 || args.sizeBytes > config.maxUploadBytes) {
        throw new ErrorWithProps("file too large", { code: "BAD_USER_INPUT", limit: config.maxUploadBytes }, 400);
      }
      const key = `uploads/${identity.sub}/${randomUUID()}`;
      const row = await ctx.db
        .insertInto("assets")
        .values({
          owner_id: identity.sub,
          collection_id: args.collectionId ?? null,
          title: args.title,
          object_key: key,
          content_type: args.contentType,
          size_bytes: args.sizeBytes,
          status: "pending",
          share_token_hash: null,
          published_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const post = await presignUpload(key, args.contentType, args.sizeBytes);
      return {
        assetId: row.id,
        url: post.url,
        fields: Object.entries(post.fields).map(([name, value]) => ({ name, value })),
      };
    },

    publishAsset: async (_root, { id }: { id: string }, ctx: Ctx) => {
      const identity = caller(ctx);
      const existing = await editableAsset(ctx, id);
      if (existing.status !== "ready") {
        throw new ErrorWithProps("only processed assets can be published", { code: "BAD_USER_INPUT" }, 400);
      }
      const row = await ctx.db
        .updateTable("assets")
        .set({ published_at: new Date() })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const partners = await activePartners(ctx.db);
      const event = { type: "asset.published" as const, assetId: id, occurredAt: new Date().toISOString() };
      await Promise.allSettled(partners.map((partner) => deliver(partner, event)));
      await audit(ctx.db, identity.sub, "asset.publish", id);
      return toAsset(row);
    },

    archiveAsset: async (_root, { id }: { id: string }, ctx: Ctx) => {
      const identity = caller(ctx);
      await editableAsset(ctx, id);
      const row = await ctx.db
        .updateTable("assets")
        .set({ status: "archived", published_at: null })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(ctx.db, identity.sub, "asset.archive", id);
      await ctx.pubsub.publish({ topic: "ASSET_STATUS", payload: { assetStatusChanged: toAsset(row) } });
      return toAsset(row);
    },

    reprocessAsset: async () => {
      throw new ErrorWithProps("Reprocessing is not implemented", { code: "NOT_IMPLEMENTED" }, 501);
    },

    createShareLink: async (_root, { id }: { id: string }, ctx: Ctx) => {
      const identity = caller(ctx);
      await editableAsset(ctx, id);
      const token = randomBytes(24).toString("base64url");
      await ctx.db.updateTable("assets").set({ share_token_hash: sha256(token) }).where("id", "=", id).execute();
      await audit(ctx.db, identity.sub, "asset.share", id);
      return `${config.publicUrl}/api/share/${token}`;
    },

    deleteAsset: async (_root, { id }: { id: string }, ctx: Ctx) => {
      const identity = caller(ctx);
      const row = await ctx.db.deleteFrom("assets").where("id", "=", id).returningAll().executeTakeFirst();
      if (!row) return false;
      try {
        await deleteObject(row.object_key);
      } catch (err) {
        // The bucket's lifecycle rule expires objects without a database row after 7 days.
        ctx.app.log.warn({ err, key: row.object_key }, "object delete failed; left for lifecycle expiry");
      }
      await audit(ctx.db, identity.sub, "asset.delete", id);
      return true;
    },

    deactivateUser: async (_root, { id }: { id: string }, ctx: Ctx) => {
      const identity = caller(ctx);
      const user = await ctx.db
        .updateTable("users")
        .set({ active: false })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(ctx.db, identity.sub, "user.deactivate", id);
      return user;
    },

    setUserRole: async (_root, { id, role }: { id: string; role: Role }, ctx: Ctx) => {
      const actor = ctx.auth?.identity?.sub ?? "anonymous";
      const user = await ctx.db.updateTable("users").set({ role }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
      await audit(ctx.db, actor, `user.role:${role}`, id);
      return user;
    },
  },

  Subscription: {
    assetStatusChanged: {
      subscribe: async (_root, { collectionId }: { collectionId?: string }, { pubsub }: Ctx) =>
        pubsub.subscribe(collectionId ? `ASSET_STATUS:${collectionId}` : "ASSET_STATUS"),
    },
  },

  Asset: {
    url: async (asset: AssetModel) => (asset.status === "READY" ? signedDownloadUrl(asset.objectKey) : null),
  },

  Collection: {
    assets: async (collection: { id: string }, args: { first?: number; after?: string }, ctx: Ctx) => {
      const page = await listAssets(ctx.db, { collectionId: collection.id, ...args });
      return { items: page.items.map(toAsset), nextCursor: page.nextCursor };
    },
  },
};

export const loaders: MercuriusLoaders = {
  Asset: {
    owner: async (queries: Array<{ obj: AssetModel }>, ctx: Ctx) => {
      const ids = [...new Set(queries.map(({ obj }) => obj.ownerId))];
      const rows = await ctx.db.selectFrom("users").selectAll().where("id", "in", ids).execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return queries.map(({ obj }) => byId.get(obj.ownerId) ?? null);
    },
    collection: async (queries: Array<{ obj: AssetModel }>, ctx: Ctx) => {
      const ids = [...new Set(queries.map(({ obj }) => obj.collectionId).filter((id): id is string => !!id))];
      if (ids.length === 0) return queries.map(() => null);
      const rows = await ctx.db.selectFrom("collections").selectAll().where("id", "in", ids).execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return queries.map(({ obj }) => (obj.collectionId ? (byId.get(obj.collectionId) ?? null) : null));
    },
  },
};
