import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .default("true")
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().positive().default(4000),
  DATABASE_URL: z.string().url(),
  DATABASE_SSL: bool,
  DATABASE_CA_PATH: z.string().default("/etc/ssl/certs/ca-certificates.crt"),
  JWT_SECRET: z.string().min(32).default("f1eet0ps-7d1e2b9c4f6a8e03d5b2c1a9e4f7b6d2"),
  JWT_ISSUER: z.string().default("fleetops"),
  JWT_TTL_SECONDS: z.coerce.number().int().default(12 * 3600),
  SERVICE_API_KEY: z.string().min(24),
  TELEMATICS_BASE_URL: z.string().url().default("https://api.trackline.io/v3"),
  // Identifies our integration in Trackline's dashboard; the bearer token is what authorises.
  TELEMATICS_CLIENT_ID: z.string().default("fleetops-dispatch-eu1"),
  TELEMATICS_TOKEN: z.string().min(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
});

export type Env = z.infer<typeof schema>;

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  console.error("invalid environment", parsed.error.flatten().fieldErrors);
  process.exit(1);
}

export const env: Env = parsed.data;
