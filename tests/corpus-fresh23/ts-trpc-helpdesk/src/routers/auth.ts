import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "../env.js";
import { issueSessionToken, newId, verifyPassword } from "../lib/crypto.js";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";

export const authRouter = router({
  // Must stay public: this is how agents obtain a session in the first place.
  login: publicProcedure
    .input(z.object({ email: z.string().email(), password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db
        .selectFrom("users")
        .select(["id", "password_hash"])
        .where("email", "=", input.email.toLowerCase())
        .executeTakeFirst();

      const ok = user ? await verifyPassword(input.password, user.password_hash) : false;
      if (!user || !ok) {
        ctx.log.warn({ email: input.email, ip: ctx.ip }, "failed login");
        throw new TRPCError({ code: "UNAUTHORIZED", message: "invalid credentials" });
      }

      const sessionId = newId("ses");
      const expiresAt = new Date(Date.now() + env.SESSION_TTL_HOURS * 3_600_000);
      await ctx.db.insertInto("sessions").values({ id: sessionId, user_id: user.id, expires_at: expiresAt }).execute();
      return { token: issueSessionToken(sessionId), expiresAt };
    }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.deleteFrom("sessions").where("id", "=", ctx.user.sessionId).execute();
    return { ok: true };
  }),

  me: protectedProcedure.query(({ ctx }) => ({ id: ctx.user.id, email: ctx.user.email, role: ctx.user.role })),
});
