import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import { isLibrarian, type Context } from "../auth";
import { config } from "../config";
import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { Role } from "../entities/Member";
import { AuditLog } from "../middlewares/AuditLog";
import { payments } from "../services/payments";
import { MAX_EXTENSIONS, checkout, computeFine, overdueLoans } from "../services/loans";

const DAY_MS = 86_400_000;

@Resolver(() => Loan)
export class LoanResolver {
  private readonly loans = AppDataSource.getRepository(Loan);

  private async loadOwned(id: string, ctx: Context): Promise<Loan> {
    const loan = await this.loans.findOneBy({ id });
    if (!loan) throw new GraphQLError("Loan not found", { extensions: { code: "NOT_FOUND" } });
    if (loan.memberId !== ctx.user!.id && !isLibrarian(ctx)) {
      throw new GraphQLError("Not your loan", { extensions: { code: "FORBIDDEN" } });
    }
    return loan;
  }

  @Authorized()
  @UseMiddleware(AuditLog)
  @Mutation(() => Loan)
  borrow(@Arg("toolId", () => ID) toolId: string, @Ctx() ctx: Context): Promise<Loan> {
    return checkout(toolId, ctx.user!.id);
  }

  @Authorized()
  @UseMiddleware(AuditLog)
  @Mutation(() => Loan)
  async returnTool(@Arg("loanId", () => ID) loanId: string, @Ctx() ctx: Context): Promise<Loan> {
    const loan = await this.loadOwned(loanId, ctx);
    loan.returnedAt = new Date();
    loan.fineCents = computeFine(loan, loan.returnedAt, config.fines.graceDays);
    return this.loans.save(loan);
  }

  @Authorized()
  @UseMiddleware(AuditLog)
  @Mutation(() => Loan)
  async extendLoan(@Arg("loanId", () => ID) loanId: string, @Arg("days", () => Int) days: number): Promise<Loan> {
    const loan = await this.loans.findOneByOrFail({ id: loanId });
    if (loan.returnedAt) throw new GraphQLError("Loan already returned", { extensions: { code: "CONFLICT" } });
    if (loan.extensions >= MAX_EXTENSIONS) {
      throw new GraphQLError("No extensions left", { extensions: { code: "LIMIT" } });
    }
    loan.dueAt = new Date(loan.dueAt.getTime() + Math.min(days, 14) * DAY_MS);
    loan.extensions += 1;
    return this.loans.save(loan);
  }

  @Authorized(Role.LIBRARIAN)
  @Query(() => [Loan])
  overdue(): Promise<Loan[]> {
    return overdueLoans();
  }

  @Authorized(Role.LIBRARIAN)
  @UseMiddleware(AuditLog)
  @Mutation(() => Loan)
  async waiveFine(
    @Arg("loanId", () => ID) loanId: string,
    @Arg("chargeId", { nullable: true }) chargeId: string,
    @Arg("reason") reason: string,
  ): Promise<Loan> {
    const loan = await this.loans.findOneByOrFail({ id: loanId });
    if (chargeId) await payments.refund(chargeId, reason);
    loan.fineCents = 0;
    return this.loans.save(loan);
  }
}
