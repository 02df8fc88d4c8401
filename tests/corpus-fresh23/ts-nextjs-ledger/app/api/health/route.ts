import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

// Polled by the load balancer; must stay reachable without a session.
export async function GET() {
  const started = Date.now();
  try {
    await pool.query("SELECT 1");
    return NextResponse.json({ status: "ok", db: "up", latencyMs: Date.now() - started });
  } catch (err) {
    logger.error({ err }, "health check: database unreachable");
    return NextResponse.json({ status: "degraded", db: "down" }, { status: 503 });
  }
}
