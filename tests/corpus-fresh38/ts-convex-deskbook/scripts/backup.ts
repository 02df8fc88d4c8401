import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";

const CONVEX_URL = process.env.CONVEX_URL;
const AUTH_TOKEN = process.env.DESKBOOK_BACKUP_JWT;
const OUT_DIR = process.env.DESKBOOK_BACKUP_DIR ?? "/Users/priya/Dropbox/deskbook/backups";

async function main(orgIds: string[]): Promise<void> {
  if (!CONVEX_URL || !AUTH_TOKEN) {
    throw new Error("CONVEX_URL and DESKBOOK_BACKUP_JWT must be set");
  }
  if (orgIds.length === 0) {
    throw new Error("usage: tsx scripts/backup.ts <orgId> [orgId ...]");
  }
  const client = new ConvexHttpClient(CONVEX_URL);
  client.setAuth(AUTH_TOKEN);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = join(OUT_DIR, stamp);
  await mkdir(dir, { recursive: true });
  for (const orgId of orgIds) {
    const snapshot = await client.query(api.exports.orgSnapshot, { orgId: orgId as Id<"organizations"> });
    const file = join(dir, `${orgId}.json`);
    await writeFile(file, JSON.stringify(snapshot, null, 2), "utf8");
    console.log(`wrote ${file} (${snapshot.bookings.length} bookings, ${snapshot.invoices.length} invoices)`);
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
