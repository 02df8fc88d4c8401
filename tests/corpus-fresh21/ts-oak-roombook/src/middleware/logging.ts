import { isHttpError, type Middleware } from "@oak/oak";
import { log } from "../logger.ts";
import type { AppState } from "./auth.ts";

export const requestId: Middleware<AppState> = async (ctx, next) => {
  ctx.state.requestId = ctx.request.headers.get("x-request-id") ?? crypto.randomUUID();
  ctx.response.headers.set("x-request-id", ctx.state.requestId);
  await next();
};

export const accessLog: Middleware<AppState> = async (ctx, next) => {
  const started = performance.now();
  try {
    await next();
  } catch (err) {
    log.error("request failed", { requestId: ctx.state.requestId, path: ctx.request.url.pathname, err });
    throw err;
  } finally {
    log.info("request", {
      requestId: ctx.state.requestId,
      method: ctx.request.method,
      path: ctx.request.url.pathname,
      status: ctx.response.status,
      ms: Math.round(performance.now() - started),
      user: ctx.state.user?.id,
    });
  }
};

export const errorHandler: Middleware<AppState> = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (isHttpError(err)) {
      ctx.response.status = err.status;
      ctx.response.body = { error: err.expose ? err.message : "request failed" };
      return;
    }
    ctx.response.status = 500;
    ctx.response.body = { error: "internal error", requestId: ctx.state.requestId };
  }
};
