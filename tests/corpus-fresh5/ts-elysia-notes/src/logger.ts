import pino from "pino";

export const logger = pino(
  { level: process.env.LOG_LEVEL ?? "info" },
  pino.destination({ dest: "/home/tfinch/notes-api/logs/app.log", mkdir: true, sync: false }),
);
