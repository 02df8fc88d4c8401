import type { NextFunction, Request, Response } from "@tinyhttp/app";

declare module "@tinyhttp/app" {
  interface Request {
    rawBody?: Buffer;
  }
}

const MAX_BODY = 1024 * 1024;

/** Buffers the request body; webhooks need the exact bytes for HMAC checks. */
export function collectRawBody(req: Request, res: Response, next?: NextFunction): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      res.status(413).send("payload too large");
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    req.rawBody = Buffer.concat(chunks);
    next?.();
  });
  req.on("error", (err) => next?.(err));
}

export function jsonBody(req: Request, res: Response, next?: NextFunction): void {
  if (!req.rawBody || req.rawBody.length === 0 || !String(req.headers["content-type"] ?? "").includes("json")) {
    next?.();
    return;
  }
  try {
    req.body = JSON.parse(req.rawBody.toString("utf8"));
  } catch {
    res.status(400).json({ error: "malformed JSON" });
    return;
  }
  next?.();
}
