import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "opsbot" },
  redact: ["req.headers.authorization", "req.headers['x-telegram-bot-api-secret-token']"],
});

// Who acknowledged, silenced or opened what: kept for the post-incident review.
export const audit = pino(
  { base: { stream: "audit" }, timestamp: pino.stdTimeFunctions.isoTime },
  pino.destination({ dest: "/tmp/opsbot/audit.log", mkdir: true, sync: false }),
);
