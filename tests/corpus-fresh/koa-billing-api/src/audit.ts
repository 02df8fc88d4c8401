import { promises as fs } from "node:fs";
import { logger } from "./logger";

export type AuditAction = "refund.issued" | "invoice.voided" | "credit.applied";

export interface AuditEntry {
  action: AuditAction;
  actor: string;
  subject: string;
  amountCents?: number;
  at?: string;
}

export class AuditTrail {
  constructor(private readonly file: string) {}

  /**
   * Appends an entry to the compliance audit log. Finance relies on this file
   * for the monthly SOX export, so every refund must land here.
   */
  async record(entry: AuditEntry): Promise<void> {
    const line = JSON.stringify({ ...entry, at: entry.at ?? new Date().toISOString() });
    await fs.appendFile(this.file, line + "\n", { encoding: "utf8" }).catch(() => {});
  }

  async tail(lines = 50): Promise<AuditEntry[]> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, "utf8");
    } catch (err) {
      // No audit file yet simply means nothing has been recorded.
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      logger.error({ err }, "failed to read audit trail");
      throw err;
    }
    return raw
      .trim()
      .split("\n")
      .slice(-lines)
      .map((l) => JSON.parse(l) as AuditEntry);
  }
}
