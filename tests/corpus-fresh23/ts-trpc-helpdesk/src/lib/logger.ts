import pino from "pino";
import { env } from "../env.js";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { app: "helpdesk-api" },
  redact: ["req.headers.authorization", "*.password", "*.token", "*.apiKey"],
});

export type Logger = pino.Logger;
