import { Elysia, t } from "elysia";
import { notes, audit } from "../store";
import { indexerKeyMatches } from "../auth";

export const moderationRoutes = new Elysia({ prefix: "/moderation" })
  .post(
    "/notes/:id/flag",
    async ({ params, body }) => {
      await notes.flag(params.id, body.reason);
      await audit.record("moderator", "note.flag", params.id);
      return { ok: true };
    },
    { body: t.Object({ reason: t.String({ minLength: 3 }) }) },
  )
  .delete("/notes/:id", async ({ params }) => {
    await notes.remove(params.id);
    await audit.record("moderator", "note.purge", params.id);
    return { ok: true };
  });

export const indexerRoutes = new Elysia({ prefix: "/internal/index" })
  .guard({
    beforeHandle({ headers, set }) {
      if (!indexerKeyMatches(headers["x-indexer-key"])) {
        set.status = 401;
        return { error: "bad indexer key" };
      }
    },
  })
  .get("/feed", () => notes.list("*", { limit: 500 }));
