import { GraphQLError } from "graphql";
import { Arg, Authorized, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { IsNull } from "typeorm";
import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { Member, Role } from "../entities/Member";
import { Tool } from "../entities/Tool";
import { AuditLog } from "../middlewares/AuditLog";

@InputType()
class NewToolInput {
  @Field()
  name: string;

  @Field()
  category: string;

  @Field(() => Int, { nullable: true })
  loanDays?: number;

  @Field(() => Int)
  replacementCents: number;
}

@Resolver(() => Tool)
export class ToolResolver {
  private readonly tools = AppDataSource.getRepository(Tool);
  private readonly loans = AppDataSource.getRepository(Loan);

  // The catalogue is public: the website lists tools to visitors before they join.
  @Query(() => [Tool])
  catalogue(@Arg("category", { nullable: true }) category?: string): Promise<Tool[]> {
    return this.tools.find({ where: { retired: false, ...(category ? { category } : {}) }, order: { name: "ASC" } });
  }

  @Query(() => Tool, { nullable: true })
  tool(@Arg("id", () => ID) id: string): Promise<Tool | null> {
    return this.tools.findOneBy({ id });
  }

  @FieldResolver(() => Boolean)
  async available(@Root() tool: Tool): Promise<boolean> {
    if (tool.retired) return false;
    const open = await this.loans.countBy({ tool: { id: tool.id }, returnedAt: IsNull() });
    return open === 0;
  }

  // Members coordinate hand-overs with each other, so a signed-in member can
  // see who currently has a tool (display name only; email is guarded).
  @Authorized()
  @FieldResolver(() => Member, { nullable: true })
  async currentBorrower(@Root() tool: Tool): Promise<Member | null> {
    const loan = await this.loans.findOne({
      where: { tool: { id: tool.id }, returnedAt: IsNull() },
      relations: { member: true },
    });
    return loan?.member ?? null;
  }

  @Authorized(Role.LIBRARIAN)
  @UseMiddleware(AuditLog)
  @Mutation(() => Tool)
  addTool(@Arg("input") input: NewToolInput): Promise<Tool> {
    return this.tools.save(this.tools.create({ ...input, loanDays: input.loanDays ?? 7 }));
  }

  @Authorized(Role.LIBRARIAN)
  @UseMiddleware(AuditLog)
  @Mutation(() => Tool)
  async retireTool(@Arg("id", () => ID) id: string): Promise<Tool> {
    const tool = await this.tools.findOneBy({ id });
    if (!tool) throw new GraphQLError("Tool not found", { extensions: { code: "NOT_FOUND" } });
    tool.retired = true;
    return this.tools.save(tool);
  }
}
