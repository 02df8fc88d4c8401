import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "helpdesk-bot" },
  redact: {
    paths: ["req.headers.authorization", "req.headers['x-telegram-bot-api-secret-token']", "token"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
