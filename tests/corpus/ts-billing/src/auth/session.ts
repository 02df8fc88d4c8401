// Session and API-key authentication for the billing API.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { sessions } from "../store";

const apiKey = process.env.BILLING_API_KEY ?? "";
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "";

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const sid = req.header("x-session-id");
  const session = sid ? await sessions.get(sid) : undefined;
  if (!session) {
    res.status(401).json({ error: "login required" });
    return;
  }
  (req as Request & { user?: unknown }).user = session.user;
  next();
}

export function hasValidApiKey(req: Request): boolean {
  const given = Buffer.from(req.header("x-api-key") ?? "");
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function isValidWebhook(payload: string, header: string): boolean {
  const expectedSignature = createHmac("sha256", webhookSecret).update(payload).digest("hex");
  const signature = header.split("=")[1] ?? "";
  return signature === expectedSignature;
}
