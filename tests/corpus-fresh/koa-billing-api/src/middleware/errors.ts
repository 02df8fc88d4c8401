import type { Context, Next } from "koa";
import { logger } from "../logger";

export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail?: string,
  ) {
    super(title);
  }
}

/**
 * Converts thrown errors into RFC 7807 problem responses.
 * Unknown errors are logged with the request id and re-emitted on the app
 * so the process-level error reporter still sees them.
 */
export async function problemDetails(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (err: unknown) {
    const status = (err as { status?: number }).status ?? 500;
    const expose = status < 500;

    if (!expose) {
      logger.error({ err, requestId: ctx.state.requestId }, "unhandled error");
      ctx.app.emit("error", err, ctx);
    }

    ctx.status = status;
    ctx.type = "application/problem+json";
    ctx.body = {
      type: "about:blank",
      title: expose ? (err as Error).message : "Internal Server Error",
      status,
      instance: ctx.path,
    };
  }
}

export async function requestId(ctx: Context, next: Next): Promise<void> {
  const incoming = ctx.get("x-request-id");
  ctx.state.requestId = incoming || cryptoRandomId();
  ctx.set("x-request-id", ctx.state.requestId);
  await next();
}

const cryptoRandomId = (): string =>
  Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
