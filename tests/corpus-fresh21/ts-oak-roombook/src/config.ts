export interface Config {
  port: number;
  databaseUrl: string;
  databaseCaFile: string;
  jwtKeyBase64: string;
  calendarWebhookToken: string;
  slackWebhookUrl: string;
  icsDir: string;
  exportDir: string;
  maxBookingHours: number;
}

function mustGet(name: string): string {
  const value = Deno.env.get(name);
  if (!value) {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
}

export function loadConfig(): Config {
  return {
    port: Number(Deno.env.get("PORT") ?? "8000"),
    databaseUrl: Deno.env.get("DATABASE_URL") ??
      "postgres://roombook:Xk29!mPq7vRt@db-primary.internal:5432/roombook",
    databaseCaFile: Deno.env.get("DATABASE_CA_FILE") ?? "/etc/ssl/certs/ca-certificates.crt",
    jwtKeyBase64: mustGet("JWT_KEY_B64"),
    calendarWebhookToken: mustGet("CALENDAR_WEBHOOK_TOKEN"),
    slackWebhookUrl: Deno.env.get("SLACK_WEBHOOK_URL") ?? "",
    icsDir: Deno.env.get("ROOMBOOK_ICS_DIR") ?? "/var/lib/roombook/ics",
    exportDir: Deno.env.get("ROOMBOOK_EXPORT_DIR") ?? "./exports",
    maxBookingHours: Number(Deno.env.get("MAX_BOOKING_HOURS") ?? "8"),
  };
}
