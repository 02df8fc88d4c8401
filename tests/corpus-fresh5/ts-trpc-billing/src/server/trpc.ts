import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "../lib/session";

export interface Context {
  session: Session | null;
  requestId: string;
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;

const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED" });
  }
  return next({ ctx: { ...ctx, session: ctx.session } });
});

const isFinanceAdmin = t.middleware(({ ctx, next }) => {
  if (!ctx.session?.roles.includes("finance-admin")) {
    throw new TRPCError({ code: "FORBIDDEN" });
  }
  return next({ ctx: { ...ctx, session: ctx.session! } });
});

export const protectedProcedure = t.procedure.use(isAuthed);
export const financeProcedure = protectedProcedure.use(isFinanceAdmin);
