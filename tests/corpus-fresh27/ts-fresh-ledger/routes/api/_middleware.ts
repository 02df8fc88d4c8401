import { FreshContext } from "$fresh/server.ts";
import type { State } from "../_middleware.ts";

// Callers outside the browser session authenticate these endpoints themselves.
const PUBLIC_PREFIXES = [
  "/api/webhooks/",
];

export async function handler(req: Request, ctx: FreshContext<State>) {
  const { pathname } = new URL(req.url);
  if (PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) {
    return await ctx.next();
  }
  if (!ctx.state.session) {
    return Response.json({ error: "unauthenticated" }, { status: 401 });
  }
  return await ctx.next();
}
