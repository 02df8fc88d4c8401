// JSON Schema of every KB row type and of the config, generated from the zod schemas (the only source).
import { z } from "zod";
import { Config } from "../core/config";
import { EvalRow } from "./schemas/eval-row";
import { AuditRow } from "./schemas/audit-row";
import { ReviewAnswer } from "./schemas/review-answer";
import { ReviewRowV4, ReviewRowV5 } from "./schemas/review-row";
import { RunRow } from "./schemas/run-row";
import { MissRow, TrustRow } from "./schemas/trust-row";

export const SCHEMAS = {
  "review-row.v4": ReviewRowV4,
  "review-row.v5": ReviewRowV5,
  "trust-row": TrustRow,
  "trust-miss-row": MissRow,
  "run-row": RunRow,
  "eval-row": EvalRow,
  "audit-row": AuditRow,
  "review-answer": ReviewAnswer,
  config: Config,
} as const;

export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" })]),
  );
}
