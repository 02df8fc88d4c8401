// Finance exports: refunds as CSV, written to the export directory and returned.
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { refunds } from "../store";

const EXPORT_DIR = "/home/deploy/billing/exports";
const CACHE_DIR = join(homedir(), ".cache", "billing");

export async function exportRefundsCsv(day: Date): Promise<string> {
  const rows = refunds.map((r) => [r.id, r.chargeId, r.amount, r.createdAt.toISOString()].join(","));
  const csv = ["id,charge,amount,created_at", ...rows].join("\n");
  await mkdir(EXPORT_DIR, { recursive: true });
  await writeFile(join(EXPORT_DIR, `refunds-${day.toISOString().slice(0, 10)}.csv`), csv);
  await mkdir(CACHE_DIR, { recursive: true });
  return csv;
}
