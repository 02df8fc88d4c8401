import pino from "pino";
import { config } from "./config.js";

export const log = pino({
  level: config.logLevel,
  redact: {
    paths: ["accessToken", "req.headers.authorization", "req.headers['x-shopify-access-token']"],
    censor: "[redacted]",
  },
  base: { service: "bundler-app" },
});

export function child(component: string) {
  return log.child({ component });
}
