import { GraphQLError } from "graphql";
import { IsNull, LessThan } from "typeorm";
import { config } from "../config";
import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { Tool } from "../entities/Tool";

const DAY_MS = 86_400_000;
export const MAX_EXTENSIONS = 2;

export type FinePolicy = "daily" | "flat";

/**
 * Fine for a loan as of `asOf`. Nothing is charged during the grace period;
 * after it, the daily rate applies per late day, capped at the tool's
 * replacement value (or the global cap when the tool has none).
 */
export function computeFine(loan: Loan, asOf: Date, graceDays: number, policy: FinePolicy = "daily"): number {
  const end = loan.returnedAt ?? asOf;
  const lateDays = Math.ceil((end.getTime() - loan.dueAt.getTime()) / DAY_MS);
  if (lateDays <= 0) return 0;
  const cap = loan.tool.replacementCents || config.fines.capCents;
  switch (policy) {
    case "daily":
      return Math.min(lateDays * config.fines.dailyCents, cap);
    case "flat":
      return Math.min(config.fines.dailyCents * 10, cap);
    default:
      throw new Error(`unknown fine policy ${policy as string}`);
  }
}

export async function checkout(toolId: string, memberId: string): Promise<Loan> {
  return AppDataSource.transaction(async (tx) => {
    const tool = await tx.getRepository(Tool).findOneBy({ id: toolId, retired: false });
    if (!tool) throw new GraphQLError("Tool not found", { extensions: { code: "NOT_FOUND" } });
    const open = await tx.getRepository(Loan).findOne({
      where: { tool: { id: toolId }, returnedAt: IsNull() },
      lock: { mode: "pessimistic_write" },
    });
    if (open) throw new GraphQLError("Tool is already on loan", { extensions: { code: "CONFLICT" } });
    const loan = tx.getRepository(Loan).create({
      tool,
      memberId,
      dueAt: new Date(Date.now() + tool.loanDays * DAY_MS),
    });
    return tx.getRepository(Loan).save(loan);
  });
}

export function overdueLoans(asOf = new Date()): Promise<Loan[]> {
  return AppDataSource.getRepository(Loan).find({
    where: { returnedAt: IsNull(), dueAt: LessThan(asOf) },
    relations: { member: true },
    order: { dueAt: "ASC" },
  });
}
