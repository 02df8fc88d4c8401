import path from "node:path";

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 4000),
  db: {
    host: process.env.PGHOST ?? "localhost",
    port: Number(process.env.PGPORT ?? 5432),
    database: process.env.PGDATABASE ?? "toolshed",
    username: process.env.PGUSER ?? "toolshed",
    password: need("PGPASSWORD"),
  },
  jwt: {
    secret: process.env.JWT_SECRET || "tS9#kQ2v!pL7xW4rZ8mN3bF6hJ1cY5dG",
    audience: "toolshed-api",
    issuer: "https://auth.toolshed.coop",
  },
  kioskKey: process.env.KIOSK_KEY ?? "",
  payments: {
    baseUrl: process.env.PAYMO_URL ?? "https://api.paymo.example/v1",
    apiKey: need("PAYMO_API_KEY"),
    webhookSecret: need("PAYMO_WEBHOOK_SECRET"),
    caBundle: process.env.PAYMO_CA_BUNDLE,
  },
  fines: {
    dailyCents: Number(process.env.FINE_DAILY_CENTS ?? 50),
    graceDays: Number(process.env.FINE_GRACE_DAYS ?? 2),
    capCents: Number(process.env.FINE_CAP_CENTS ?? 2500),
  },
  exportDir: process.env.EXPORT_DIR ?? path.join(process.cwd(), "var", "exports"),
  overdueCron: process.env.OVERDUE_CRON ?? "15 7 * * *",
};
