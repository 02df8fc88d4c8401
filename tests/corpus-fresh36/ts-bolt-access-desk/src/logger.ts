import pino from "pino";
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "access-desk" },
  redact: ["req.headers.authorization", "*.token", "*.botToken", "*.clientSecret"],
});

const levelMap: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

/** Adapts pino to the Logger interface Bolt and @slack/web-api expect. */
export function boltLogger(name = "bolt"): SlackLogger {
  const child = logger.child({ component: name });
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => child.debug(msg.join(" ")),
    info: (...msg) => child.info(msg.join(" ")),
    warn: (...msg) => child.warn(msg.join(" ")),
    error: (...msg) => child.error(msg.join(" ")),
    setLevel: (l) => {
      level = l;
      child.level = levelMap[l];
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
