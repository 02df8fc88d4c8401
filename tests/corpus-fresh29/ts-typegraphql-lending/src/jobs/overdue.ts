import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import cron from "node-cron";
import { config } from "../config";
import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { logger } from "../logger";
import { payments } from "../services/payments";
import { computeFine, overdueLoans } from "../services/loans";

export interface SweepResult {
  charged: number;
  failed: number;
  exportFile: string;
}

export async function writeOverdueExport(loans: Loan[], asOf: Date): Promise<string> {
  await mkdir(config.exportDir, { recursive: true });
  const file = path.join(config.exportDir, `overdue-${asOf.toISOString().slice(0, 10)}.csv`);
  const rows = loans.map((l) =>
    [l.id, l.tool.name, l.member.displayName, l.dueAt.toISOString(), l.fineCents].join(","),
  );
  await writeFile(file, ["loan,tool,member,due,fine_cents", ...rows].join("\n") + "\n", "utf8");
  return file;
}

export async function runOverdueSweep(asOf = new Date()): Promise<SweepResult> {
  const repo = AppDataSource.getRepository(Loan);
  const loans = await overdueLoans(asOf);
  let charged = 0;
  let failed = 0;

  for (const loan of loans) {
    const fine = computeFine(loan, asOf, config.fines.graceDays);
    const customer = loan.member.paymentCustomerId;
    if (fine <= loan.fineCents || !customer) continue;
    try {
      const day = asOf.toISOString().slice(0, 10);
      await payments.chargeFine(customer, fine - loan.fineCents, `fine:${loan.id}:${day}`);
      loan.fineCents = fine;
      await repo.save(loan);
      charged += 1;
    } catch (err) {
      failed += 1;
      logger.error("could not charge overdue fine", { loanId: loan.id, error: (err as Error).message });
    }
  }

  const exportFile = await writeOverdueExport(loans, asOf);
  return { charged, failed, exportFile };
}

export function scheduleOverdueSweep(): cron.ScheduledTask {
  return cron.schedule(
    config.overdueCron,
    () => {
      runOverdueSweep()
        .then((r) => logger.info("overdue sweep finished", { ...r }))
        .catch((err) => logger.error("overdue sweep crashed", { error: (err as Error).stack }));
    },
    { timezone: "Europe/London" },
  );
}
