import { createMiddleware } from "@solidjs/start/middleware";
import type { FetchEvent } from "@solidjs/start/server";
import { timingSafeEqual } from "node:crypto";
import { config } from "./lib/config";
import { log } from "./lib/log";
import { currentUser } from "./lib/session";

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function adminApiGuard(event: FetchEvent) {
  const { pathname } = new URL(event.request.url);
  if (!pathname.startsWith("/api/admin/")) return;
  const header = event.request.headers.get("authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (!token || !safeEqual(token, config.adminApiToken)) {
    log.warn("admin api rejected", { pathname });
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
}

async function adminPageGuard(event: FetchEvent) {
  const url = new URL(event.request.url);
  if (url.pathname !== "/admin" && !url.pathname.startsWith("/admin/")) return;
  const user = await currentUser(event.nativeEvent);
  if (!user || user.role !== "admin") {
    return Response.redirect(new URL("/login", url), 302);
  }
}

function securityHeaders(event: FetchEvent) {
  const headers = event.response.headers;
  headers.set("x-frame-options", "DENY");
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "strict-origin-when-cross-origin");
}

export default createMiddleware({
  onRequest: [adminApiGuard, adminPageGuard],
  onBeforeResponse: [securityHeaders],
});
