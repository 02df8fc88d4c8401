import type { APIRoute } from "astro";
import { json } from "../../lib/auth";
import { sql } from "../../lib/db";

export const prerender = false;

export const GET: APIRoute = async () => {
  const started = Date.now();
  await sql`select 1`;
  return json({ status: "ok", db_ms: Date.now() - started });
};
