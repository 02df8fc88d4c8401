import pino from "pino";

const destination = import.meta.env.PROD
  ? pino.destination({ dest: "/Users/mkowalski/dev/invoicer/logs/invoicer.log", mkdir: true, sync: false })
  : pino.destination(1);

export const log = pino(
  {
    level: import.meta.env.LOG_LEVEL ?? "info",
    base: { service: "invoicer" },
    redact: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.passwordHash"],
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  destination,
);

export function requestLogger(requestId: string) {
  return log.child({ requestId });
}
