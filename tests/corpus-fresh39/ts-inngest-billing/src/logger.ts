import pino from "pino";
import { config } from "./config.js";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (config.env === "production" ? "info" : "debug"),
  base: { service: "billing-jobs" },
  redact: {
    paths: ["req.headers.authorization", "req.headers.cookie", "*.cardNumber", "*.token"],
    censor: "[redacted]",
  },
});

export function childLogger(bindings: Record<string, unknown>) {
  return logger.child(bindings);
}
