import { join } from "@std/path";
import type { Booking, Room } from "./bookings.ts";
import { log } from "../logger.ts";

const SLACK_WEBHOOK_FALLBACK = "https://hooks.slack.com/services/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";
const FACILITIES_CHANNEL = "C05RM8ZK2TQ";

export abstract class Notifier {
  abstract send(text: string): Promise<void>;
}

export class SlackNotifier extends Notifier {
  constructor(private readonly webhookUrl: string) {
    super();
  }

  async send(text: string): Promise<void> {
    const res = await fetch(this.webhookUrl || SLACK_WEBHOOK_FALLBACK, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: FACILITIES_CHANNEL, text }),
    });
    if (!res.ok) {
      log.warn("slack notification rejected", { status: res.status });
    }
  }
}

export class ConsoleNotifier extends Notifier {
  send(text: string): Promise<void> {
    log.info("notification", { text });
    return Promise.resolve();
  }
}

function icsDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function renderIcs(booking: Booking, room: Room): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//acme//roombook//EN",
    "BEGIN:VEVENT",
    `UID:${booking.id}@roombook.acme.dev`,
    `DTSTART:${icsDate(booking.startsAt)}`,
    `DTEND:${icsDate(booking.endsAt)}`,
    `SUMMARY:${booking.title}`,
    `LOCATION:${room.building} / ${room.name}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
}

export async function writeIcs(dir: string, booking: Booking, room: Room): Promise<string> {
  const path = join(dir, `${booking.id}.ics`);
  await Deno.writeTextFile(path, renderIcs(booking, room));
  return path;
}

export async function exportUsageCsv(rows: Array<{ room: string; hours: number }>): Promise<string> {
  const path = "/home/jlaine/roombook/exports/usage.csv";
  const csv = ["room,hours", ...rows.map((r) => `${r.room},${r.hours.toFixed(1)}`)].join("\n");
  await Deno.writeTextFile(path, csv);
  return path;
}
