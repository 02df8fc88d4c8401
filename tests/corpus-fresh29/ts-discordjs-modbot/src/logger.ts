import pino from "pino";
import { config } from "./config";

export const log = pino({
  level: config.logLevel,
  base: { service: "modbot" },
  redact: ["req.headers.authorization", "token"],
});

export function child(component: string) {
  return log.child({ component });
}
