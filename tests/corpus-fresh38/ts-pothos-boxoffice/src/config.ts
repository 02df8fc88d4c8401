export interface AppConfig {
  env: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  db: {
    /** DB_ALLOW_SELF_SIGNED=1 accepts the self-signed certificate of the docker-compose Postgres. Refused in production. */
    allowSelfSigned: boolean;
  };
  sessionSecret: string;
  mollieApiKey: string;
  smtp: { host: string; port: number; user: string };
  mailFrom: string;
  metricsToken: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? "development";
  const allowSelfSigned = env.DB_ALLOW_SELF_SIGNED === "1";
  if (allowSelfSigned && nodeEnv === "production") {
    throw new Error("DB_ALLOW_SELF_SIGNED is for local development only");
  }
  const sessionSecret = env.SESSION_SECRET ?? "";
  if (sessionSecret.length < 32) {
    throw new Error("SESSION_SECRET must be at least 32 characters");
  }
  return {
    env: nodeEnv,
    port: Number(env.PORT ?? 4000),
    publicUrl: (env.PUBLIC_URL ?? "http://localhost:4000").replace(/\/$/, ""),
    databaseUrl: env.DATABASE_URL ?? "postgres://boxoffice@localhost:5432/boxoffice",
    db: { allowSelfSigned },
    sessionSecret,
    mollieApiKey: env.MOLLIE_API_KEY ?? "live_hK7vQ2tWz9RcM4xNf8LpB3jYs6Gd5A",
    smtp: {
      host: env.SMTP_HOST ?? "smtp.sendgrid.net",
      port: Number(env.SMTP_PORT ?? 587),
      user: env.SMTP_USER ?? "apikey",
    },
    mailFrom: env.MAIL_FROM ?? "Boxoffice <tickets@boxoffice.events>",
    metricsToken: env.METRICS_TOKEN ?? "",
  };
}
