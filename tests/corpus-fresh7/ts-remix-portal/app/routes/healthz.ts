import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/lib/db.server";

// Public liveness probe for the load balancer; deliberately unauthenticated.
export async function loader(_args: LoaderFunctionArgs) {
  try {
    await db.$queryRaw`SELECT 1`;
    return new Response("ok", { status: 200 });
  } catch (err) {
    console.error("healthcheck db ping failed", err);
    return new Response("db unavailable", { status: 503 });
  }
}
