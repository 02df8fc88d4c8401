import { randomUUID } from "node:crypto";
import { defineMiddleware, sequence } from "astro:middleware";
import { HttpError, json, loadSessionUser } from "./lib/auth";
import { log } from "./lib/log";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const withRequestId = defineMiddleware(async (context, next) => {
  context.locals.requestId = context.request.headers.get("x-request-id") ?? randomUUID();
  const started = performance.now();
  const response = await next();
  log.info(
    {
      requestId: context.locals.requestId,
      method: context.request.method,
      path: context.url.pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    },
    "request",
  );
  response.headers.set("x-request-id", context.locals.requestId);
  return response;
});

const withUser = defineMiddleware(async (context, next) => {
  context.locals.user = await loadSessionUser(context.cookies);
  return next();
});

// Session cookies are sameSite=lax, but older embedded browsers ignore that, so
// state-changing API calls must come from our own origin.
const sameOriginWrites = defineMiddleware(async (context, next) => {
  if (SAFE_METHODS.has(context.request.method)) return next();
  if (context.url.pathname.startsWith("/api/webhooks/")) return next();
  const origin = context.request.headers.get("origin");
  if (origin !== context.url.origin) {
    return json({ error: "cross-site request rejected" }, { status: 403 });
  }
  return next();
});

const withErrors = defineMiddleware(async (context, next) => {
  try {
    return await next();
  } catch (err) {
    if (err instanceof HttpError) {
      return json({ error: err.message }, { status: err.status });
    }
    log.error({ err, requestId: context.locals.requestId, path: context.url.pathname }, "unhandled error");
    throw err;
  }
});

export const onRequest = sequence(withRequestId, withErrors, withUser);
