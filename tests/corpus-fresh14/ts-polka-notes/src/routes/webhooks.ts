import polka from "polka";
import type { ServerResponse } from "http";
import type { AuthedRequest } from "../middleware/auth";
import { sendJson } from "../lib/http";
import { logger } from "../lib/logger";

function captureRawBody(req: AuthedRequest, _res: ServerResponse, next: () => void) {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    req.rawBody = Buffer.concat(chunks);
    next();
  });
}

export function webhooksRouter(verify: (req: AuthedRequest, res: ServerResponse, next: () => void) => void) {
  return polka()
    .use(captureRawBody, verify)
    .post("/billing", (req: AuthedRequest, res: ServerResponse) => {
      const event = JSON.parse(req.rawBody!.toString("utf8"));
      logger.info({ type: event.type }, "billing webhook received");
      sendJson(res, 200, { received: true });
    });
}
