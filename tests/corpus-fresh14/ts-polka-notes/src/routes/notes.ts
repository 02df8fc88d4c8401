import polka from "polka";
import type { ServerResponse } from "http";
import type { AuthedRequest } from "../middleware/auth";
import { HttpError, sendJson, sendProblem } from "../lib/http";
import type { NoteService } from "../services/noteService";

type Req = AuthedRequest & { body?: any; query: Record<string, string>; params: Record<string, string> };

function handle(fn: (req: Req, res: ServerResponse) => Promise<void>) {
  return (req: Req, res: ServerResponse) => {
    fn(req, res).catch((err) => {
      if (err instanceof HttpError) return sendProblem(res, err);
      throw err;
    });
  };
}

export function notesRouter(service: NoteService) {
  return polka()
    .get("/", handle(async (req, res) => {
      const notes = await service.list(req.user!.id, {
        limit: req.query.limit ? Number(req.query.limit) : undefined,
        cursor: req.query.cursor,
        includeArchived: req.query.archived === "1",
      });
      sendJson(res, 200, { items: notes });
    }))
    .get("/export", handle(async (req, res) => {
      const format = req.query.format === "markdown" ? "markdown" : "json";
      const body = await service.exportAll(req.user!.id, format);
      sendJson(res, 200, { format, body });
    }))
    .get("/:id", handle(async (req, res) => {
      sendJson(res, 200, await service.get(req.user!.id, req.params.id));
    }))
    .post("/", handle(async (req, res) => {
      const { title = "", body = "" } = req.body ?? {};
      sendJson(res, 201, await service.create(req.user!.id, title, body));
    }))
    .post("/:id/share", handle(async (req, res) => {
      await service.share(req.user!.id, req.params.id, String(req.body?.email ?? ""));
      sendJson(res, 202, { ok: true });
    }))
    .delete("/:id", handle(async (req, res) => {
      await service.remove(req.user!.id, req.params.id);
      res.statusCode = 204;
      res.end();
    }));
}
