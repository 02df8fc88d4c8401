import pino from "pino";
import { env } from "./env";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "fleetops-api" },
  redact: {
    paths: ["req.headers.authorization", "req.headers['x-api-key']", "*.password", "*.pin"],
    censor: "[redacted]",
  },
  transport: env.NODE_ENV === "development" ? { target: "pino-pretty" } : undefined,
});
