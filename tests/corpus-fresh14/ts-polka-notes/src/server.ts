import polka from "polka";
import { json } from "body-parser";
import type { IncomingMessage, ServerResponse } from "http";
import { loadConfig, AppConfig } from "./config";
import { logger } from "./lib/logger";
import { sendJson } from "./lib/http";
import { requireServiceKey, requireUser, verifyWebhookSignature } from "./middleware/auth";
import { createPool } from "./repo/db";
import { NoteRepo } from "./repo/noteRepo";
import { NoteService, Mailer } from "./services/noteService";
import { notesRouter } from "./routes/notes";
import { adminRouter } from "./routes/admin";
import { webhooksRouter } from "./routes/webhooks";

export function buildApp(cfg: AppConfig, repo: NoteRepo, mailer: Mailer) {
  const service = new NoteService(repo, mailer);

  return polka({
    onError(err: any, _req: IncomingMessage, res: ServerResponse) {
      logger.error({ err }, "unhandled error");
      sendJson(res, err.status ?? 500, { error: "internal" });
    },
  })
    .get("/healthz", (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 200, { ok: true }))
    .use("/webhooks", webhooksRouter(verifyWebhookSignature(cfg)))
    .use(json({ limit: "1mb" }))
    .use("/notes", requireUser(cfg), notesRouter(service))
    .use("/admin", requireUser(cfg), adminRouter(repo))
    .use("/internal", requireServiceKey(cfg), adminRouter(repo));
}

if (require.main === module) {
  const cfg = loadConfig();
  const repo = new NoteRepo(createPool(cfg));
  const mailer: Mailer = {
    async send(to, subject) {
      logger.info({ to, subject }, "mail queued");
    },
  };
  buildApp(cfg, repo, mailer).listen(cfg.port, () => {
    logger.info({ port: cfg.port }, "notes-api listening");
  });
}
