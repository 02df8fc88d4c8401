import { Handlers } from "$fresh/server.ts";
import type { State } from "../../_middleware.ts";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const handler: Handlers<unknown, State> = {
  GET(_req, ctx) {
    const { period } = ctx.params;
    if (!PERIOD.test(period)) {
      return Response.json({ error: "period must look like YYYY-MM" }, { status: 400 });
    }
    if (!ctx.state.session?.isAdmin) {
      return Response.json({ error: "admin only" }, { status: 403 });
    }
    return Response.json({ error: "monthly reports are not available", period }, { status: 501 });
  },

  OPTIONS() {
    return new Response(null, { status: 204, headers: { allow: "GET, OPTIONS" } });
  },
};
