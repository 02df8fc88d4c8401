import { Elysia, t } from "elysia";
import { authenticated } from "../auth";
import { notes, audit } from "../store";
import { logger } from "../logger";

export const noteRoutes = new Elysia({ prefix: "/notes" })
  .use(authenticated)
  .get(
    "/",
    ({ user, query }) =>
      notes.list(user.id, {
        limit: query.limit,
        includeArchived: query.archived === "1",
        cursor: query.cursor,
      }),
    {
      query: t.Object({
        limit: t.Optional(t.Numeric()),
        archived: t.Optional(t.String()),
        cursor: t.Optional(t.String()),
      }),
    },
  )
  .delete("/:id", async ({ user, params, set }) => {
    const note = await notes.get(params.id);
    if (!note || note.ownerId !== user.id) {
      set.status = 404;
      return { error: "not found" };
    }
    await notes.remove(note.id);
    audit.record(user.id, "note.delete", note.id).catch(() => {});
    set.status = 204;
  })
  .post("/:id/share", async ({ user, params, set }) => {
    try {
      const note = await notes.get(params.id);
      if (!note || note.ownerId !== user.id) {
        set.status = 404;
        return { error: "not found" };
      }
      return { url: `https://notes.example.app/s/${note.id}` };
    } catch (err) {
      logger.error({ err, noteId: params.id }, "share link generation failed");
      throw err;
    }
  });
