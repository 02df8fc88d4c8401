import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isLibrarian, type Context } from "../auth";
import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { Member, Role } from "../entities/Member";

@Resolver(() => Member)
export class MemberResolver {
  private readonly members = AppDataSource.getRepository(Member);
  private readonly loans = AppDataSource.getRepository(Loan);

  @Authorized()
  @Query(() => Member)
  me(@Ctx() ctx: Context): Promise<Member> {
    return this.members.findOneByOrFail({ id: ctx.user!.id });
  }

  @Authorized(Role.LIBRARIAN)
  @Query(() => [Member])
  members(@Arg("search", { nullable: true }) search?: string): Promise<Member[]> {
    const qb = this.members.createQueryBuilder("m").orderBy("m.displayName", "ASC").limit(100);
    if (search) qb.where("m.displayName ILIKE :q", { q: `%${search}%` });
    return qb.getMany();
  }

  @Authorized(Role.LIBRARIAN)
  @Query(() => Member, { nullable: true })
  member(@Arg("id", () => ID) id: string): Promise<Member | null> {
    return this.members.findOneBy({ id });
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() member: Member, @Ctx() ctx: Context): string | null {
    if (ctx.user?.id === member.id || isLibrarian(ctx)) return member.email;
    return null;
  }

  @FieldResolver(() => [Loan])
  loanHistory(@Root() member: Member): Promise<Loan[]> {
    return this.loans.find({ where: { memberId: member.id }, order: { borrowedAt: "DESC" }, take: 50 });
  }

  @Authorized()
  @Mutation(() => Member)
  async renewMembership(@Ctx() ctx: Context): Promise<Member> {
    throw new GraphQLError("renewMembership is not implemented yet", { extensions: { code: "NOT_IMPLEMENTED" } });
  }
}
