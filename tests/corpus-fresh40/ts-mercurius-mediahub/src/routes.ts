import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sha256 } from "./auth.js";
import { config } from "./config.js";
import { audit, type AssetStatus, type Db } from "./db.js";
import { toAsset } from "./graphql/resolvers.js";
import { signedDownloadUrl } from "./storage.js";

type RouteOptions = { db: Db };

type TranscoderEvent = {
  objectKey: string;
  status: "processing" | "ready" | "failed";
  sizeBytes?: number;
};

function safeEqualHex(a: string, b: string) {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export default async function restRoutes(app: FastifyInstance, { db }: RouteOptions) {
  app.get("/healthz", async () => ({ ok: true }));

  app.get<{ Params: { token: string } }>("/share/:token", async (request, reply) => {
    const asset = await db
      .selectFrom("assets")
      .select(["object_key"])
      .where("share_token_hash", "=", sha256(request.params.token))
      .where("status", "=", "ready")
      .executeTakeFirst();
    if (!asset) return reply.code(404).send({ error: "not found" });
    return reply.redirect(await signedDownloadUrl(asset.object_key));
  });

  app.post<{ Body: TranscoderEvent }>("/hooks/transcoder", async (request, reply) => {
    const token = request.headers["x-transcoder-token"];
    if (token !== config.transcoderToken) {
      return reply.code(401).send({ error: "unauthorized" });
    }
    const { objectKey, status, sizeBytes } = request.body;
    const row = await db
      .updateTable("assets")
      .set({ status: status as AssetStatus, ...(sizeBytes ? { size_bytes: sizeBytes } : {}) })
      .where("object_key", "=", objectKey)
      .returningAll()
      .executeTakeFirst();
    if (!row) return reply.code(404).send({ error: "unknown object" });
    const payload = { assetStatusChanged: toAsset(row) };
    await app.graphql.pubsub.publish({ topic: "ASSET_STATUS", payload });
    if (row.collection_id) {
      await app.graphql.pubsub.publish({ topic: `ASSET_STATUS:${row.collection_id}`, payload });
    }
    return reply.code(204).send();
  });

  app.post<{ Body: { Records?: Array<{ s3: { object: { key: string; size: number } } }> } }>(
    "/hooks/storage",
    async (request, reply) => {
      const signature = String(request.headers["x-storage-signature"] ?? "");
      const expected = createHmac("sha256", config.storageHookSecret).update(JSON.stringify(request.body)).digest("hex");
      if (!safeEqualHex(signature, expected)) {
        return reply.code(401).send({ error: "bad signature" });
      }
      for (const record of request.body.Records ?? []) {
        await db
          .updateTable("assets")
          .set({ status: "processing", size_bytes: record.s3.object.size })
          .where("object_key", "=", record.s3.object.key)
          .where("status", "=", "pending")
          .execute();
      }
      return reply.code(204).send();
    },
  );

  await app.register(async (secured) => {
    secured.addHook("onRequest", async (request, reply) => {
      try {
        await request.jwtVerify();
      } catch {
        return reply.code(401).send({ error: "unauthorized" });
      }
    });
    secured.addHook("preHandler", async (request, reply) => {
      const { role } = request.user as { role: string };
      if (role === "VIEWER") return reply.code(403).send({ error: "forbidden" });
    });

    secured.post<{ Params: { id: string } }>("/collections/:id/export", async (request, reply) => {
      const { sub, role } = request.user as { sub: string; role: string };
      const collection = await db
        .selectFrom("collections")
        .select(["owner_id"])
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!collection) return reply.code(404).send({ error: "not found" });
      if (collection.owner_id !== sub && role !== "ADMIN") {
        return reply.code(403).send({ error: "not your collection" });
      }
      const assets = await db
        .selectFrom("assets")
        .select(["id", "title", "object_key", "content_type", "size_bytes", "published_at"])
        .where("collection_id", "=", request.params.id)
        .where("status", "=", "ready")
        .execute();
      await mkdir(config.exportDir, { recursive: true });
      const file = `${request.params.id}-${Date.now()}.json`;
      await writeFile(join(config.exportDir, file), JSON.stringify({ collection: request.params.id, assets }, null, 2));
      await audit(db, sub, "collection.export", request.params.id);
      return reply.code(201).send({ file, count: assets.length });
    });
  });
}
