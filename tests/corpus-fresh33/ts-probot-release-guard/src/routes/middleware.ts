import type { NextFunction, Request, Response } from "express";
import type { Logger } from "probot";
import { verifySignature } from "../lib/signature.js";

export function requireAdminToken(expected: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get("authorization") ?? "";
    if (header !== `Bearer ${expected}`) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    next();
  };
}

export function verifyDeployCallback(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifySignature(secret, body, req.get("x-deploy-signature"))) {
      res.status(401).json({ error: "bad signature" });
      return;
    }
    next();
  };
}

export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.originalUrl, status: res.statusCode, ms }, "http");
    });
    next();
  };
}

// Express recognises error handlers by arity, so the unused `next` must stay.
export function errorHandler(log: Logger) {
  return (err: Error, req: Request, res: Response, _next: NextFunction): void => {
    log.error({ err, path: req.originalUrl }, "route failed");
    res.status(500).json({ error: "internal error" });
  };
}
