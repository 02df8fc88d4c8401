import { sqlite } from "~/lib/db";

export function GET() {
  sqlite.prepare("select 1").get();
  return Response.json({ ok: true, version: process.env.npm_package_version ?? "dev" });
}
