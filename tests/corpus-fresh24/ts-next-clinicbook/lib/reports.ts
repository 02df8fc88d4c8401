import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const REPORT_DIR = process.env.REPORT_DIR ?? "/var/lib/clinicbook/reports";

function escapeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const headers = Object.keys(rows[0]);
  const lines = [headers.join(",")];
  for (const row of rows) {
    lines.push(headers.map((h) => escapeCell(row[h])).join(","));
  }
  return lines.join("\n") + "\n";
}

export async function writeReport(name: string, rows: Record<string, unknown>[], dir = REPORT_DIR) {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, path.basename(name));
  await writeFile(target, toCsv(rows), "utf8");
  return target;
}
