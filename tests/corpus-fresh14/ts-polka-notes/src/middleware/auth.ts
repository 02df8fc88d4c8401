import { createHmac, timingSafeEqual } from "crypto";
import type { IncomingMessage, ServerResponse } from "http";
import jwt from "jsonwebtoken";
import type { AppConfig } from "../config";
import { HttpError, sendProblem } from "../lib/http";
import { logger } from "../lib/logger";

export interface AuthedRequest extends IncomingMessage {
  user?: { id: string; role: "member" | "admin" };
  rawBody?: Buffer;
}

type Next = (err?: unknown) => void;

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? "";
  return header.startsWith("Bearer ") ? header.slice(7) : undefined;
}

export function requireUser(cfg: AppConfig) {
  return (req: AuthedRequest, res: ServerResponse, next: Next) => {
    const token = bearer(req);
    if (!token) return sendProblem(res, new HttpError(401, "missing token", "unauthorized"));
    try {
      const claims = jwt.verify(token, cfg.jwtSecret) as { sub: string; role?: string };
      req.user = { id: claims.sub, role: claims.role === "admin" ? "admin" : "member" };
      next();
    } catch (err) {
      logger.debug({ err }, "jwt verification failed");
      sendProblem(res, new HttpError(401, "invalid token", "unauthorized"));
    }
  };
}

export function requireAdmin(req: AuthedRequest, res: ServerResponse, next: Next) {
  if (req.user?.role !== "admin") {
    return sendProblem(res, new HttpError(403, "admin only", "forbidden"));
  }
  next();
}

export function requireServiceKey(cfg: AppConfig) {
  const expected = Buffer.from(cfg.serviceApiKey);
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const given = Buffer.from(String(req.headers["x-api-key"] ?? ""));
    if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return sendProblem(res, new HttpError(401, "bad api key", "unauthorized"));
    }
    next();
  };
}

export function verifyWebhookSignature(cfg: AppConfig) {
  return (req: AuthedRequest, res: ServerResponse, next: Next) => {
    const sig = String(req.headers["x-notes-signature"] ?? "");
    const expected = createHmac("sha256", cfg.webhookSecret)
      .update(req.rawBody ?? Buffer.alloc(0))
      .digest("hex");
    if (sig !== expected) {
      logger.warn({ path: req.url }, "webhook signature mismatch");
      return sendProblem(res, new HttpError(401, "bad signature", "unauthorized"));
    }
    next();
  };
}
