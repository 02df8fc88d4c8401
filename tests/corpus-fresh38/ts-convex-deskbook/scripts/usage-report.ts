import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { ConvexHttpClient } from "convex/browser";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    month: { type: "string" },
    out: { type: "string", default: "/dev/stdout" },
  },
});

async function main(): Promise<void> {
  const url = process.env.CONVEX_URL;
  const token = process.env.DESKBOOK_REPORT_JWT;
  if (!url || !token || !values.org || !values.month) {
    throw new Error("usage: CONVEX_URL=... DESKBOOK_REPORT_JWT=... tsx scripts/usage-report.ts --org <id> --month YYYY-MM [--out file.csv]");
  }
  const [year, month] = values.month.split("-").map(Number);
  const from = Date.UTC(year, month - 1, 1);
  const to = Date.UTC(year, month, 1);
  const client = new ConvexHttpClient(url);
  client.setAuth(token);
  const rows = await client.query(api.exports.usageByRoom, { orgId: values.org as Id<"organizations">, from, to });
  const out = createWriteStream(values.out!);
  out.write("room,hours\n");
  for (const row of rows) {
    out.write(`"${row.room.replace(/"/g, '""')}",${row.hours}\n`);
  }
  out.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
