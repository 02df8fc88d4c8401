import { FreshContext } from "$fresh/server.ts";
import { readSession, type Session } from "../utils/session.ts";

export interface State {
  session: Session | null;
  requestId: string;
}

export async function handler(req: Request, ctx: FreshContext<State>) {
  const started = performance.now();
  ctx.state.requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  ctx.state.session = ctx.destination === "route" ? await readSession(req) : null;

  const res = await ctx.next();
  if (ctx.destination === "route") {
    const ms = (performance.now() - started).toFixed(1);
    console.log(`${ctx.state.requestId} ${req.method} ${new URL(req.url).pathname} ${res.status} ${ms}ms`);
  }
  res.headers.set("x-request-id", ctx.state.requestId);
  return res;
}
