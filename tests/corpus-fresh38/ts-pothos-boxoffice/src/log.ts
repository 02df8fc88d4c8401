import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "boxoffice-api" },
  redact: {
    paths: ["req.headers.cookie", "req.headers.authorization", "*.apiKey", "*.password"],
    censor: "[redacted]",
  },
});

export function childLogger(requestId: string) {
  return logger.child({ requestId });
}
