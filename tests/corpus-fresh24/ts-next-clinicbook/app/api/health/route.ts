import { NextResponse } from "next/server";
import { pool } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pool.query("SELECT 1");
    return NextResponse.json({ status: "ok", version: process.env.APP_VERSION ?? "dev" });
  } catch (err) {
    console.error("[health] database check failed", err);
    return NextResponse.json({ status: "degraded" }, { status: 503 });
  }
}
