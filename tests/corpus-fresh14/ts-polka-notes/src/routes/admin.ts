import polka from "polka";
import type { IncomingMessage, ServerResponse } from "http";
import { sendJson } from "../lib/http";
import { logger } from "../lib/logger";
import type { NoteRepo } from "../repo/noteRepo";

export function adminRouter(repo: NoteRepo) {
  return polka()
    .post("/purge", async (req: IncomingMessage & { query: Record<string, string> }, res: ServerResponse) => {
      const days = Number(req.query.days ?? 90);
      const removed = await repo.purgeArchived(days);
      logger.warn({ removed, days }, "purged archived notes");
      sendJson(res, 200, { removed });
    })
    .get("/stats", (_req: IncomingMessage, res: ServerResponse) => {
      sendJson(res, 200, { uptime: process.uptime(), memory: process.memoryUsage().rss });
    });
}
