import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { config } from "../config";
import type { Shift, User } from "../db";

function icsDate(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

export function toIcs(shifts: Shift[], calendarName: string, timezone: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Shiftboard//EN",
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const s of shifts) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:shift-${s.id}@shiftboard`,
      `DTSTAMP:${icsDate(new Date().toISOString())}`,
      `DTSTART:${icsDate(s.starts_at)}`,
      `DTEND:${icsDate(s.ends_at)}`,
      `SUMMARY:${escapeText(s.note ?? "Shift")}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.join("\r\n");
}

export async function writeSiteExport(siteId: number, shifts: Shift[], owner: User): Promise<string> {
  await mkdir(config.exportDir, { recursive: true });
  const file = join(config.exportDir, `site-${siteId}-${Date.now()}.ics`);
  await Bun.write(file, toIcs(shifts, `Site ${siteId}`, owner.timezone));
  return file;
}
