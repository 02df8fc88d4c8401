import pino from "pino";
import { config } from "../config";

export const logger = pino({
  level: config.logLevel,
  base: { service: "ledger-api", env: config.env },
  redact: {
    paths: ["req.headers.authorization", "req.headers['x-api-key']", "*.password"],
    censor: "[redacted]",
  },
});

export function childLogger(component: string) {
  return logger.child({ component });
}
