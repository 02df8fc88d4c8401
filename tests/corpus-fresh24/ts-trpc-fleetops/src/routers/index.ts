import { hash, verify } from "@node-rs/argon2";
import { TRPCError } from "@trpc/server";
import { SignJWT } from "jose";
import { sql } from "kysely";
import { z } from "zod";
import { jwtKey } from "../context";
import { env } from "../env";
import { protectedProcedure, publicProcedure, router } from "../trpc";
import { adminRouter } from "./admin";
import { fleetRouter } from "./fleet";

const authRouter = router({
  login: publicProcedure
    .input(z.object({ email: z.string().email(), password: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const driver = await ctx.db
        .selectFrom("drivers")
        .select(["id", "role", "depot_id", "password_hash", "active"])
        .where("email", "=", input.email.toLowerCase())
        .executeTakeFirst();
      if (!driver || !driver.active || !(await verify(driver.password_hash, input.password))) {
        throw new TRPCError({ code: "UNAUTHORIZED", message: "invalid credentials" });
      }
      const token = await new SignJWT({ role: driver.role, depot: driver.depot_id })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(driver.id)
        .setIssuer(env.JWT_ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${env.JWT_TTL_SECONDS}s`)
        .sign(jwtKey);
      return { token, expiresIn: env.JWT_TTL_SECONDS };
    }),
});

const driversRouter = router({
  me: protectedProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom("drivers")
      .select(["id", "name", "email", "role", "depot_id"])
      .where("id", "=", ctx.user.id)
      .executeTakeFirstOrThrow(),
  ),

  setPin: protectedProcedure
    .input(z.object({ pin: z.string().regex(/^\d{6}$/) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db
        .updateTable("drivers")
        .set({ pin_hash: await hash(input.pin) })
        .where("id", "=", ctx.user.id)
        .execute();
      return { ok: true };
    }),
});

export const appRouter = router({
  health: publicProcedure.query(async ({ ctx }) => {
    await sql`select 1`.execute(ctx.db);
    return { ok: true, uptime: Math.round(process.uptime()) };
  }),
  auth: authRouter,
  drivers: driversRouter,
  vehicles: fleetRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
