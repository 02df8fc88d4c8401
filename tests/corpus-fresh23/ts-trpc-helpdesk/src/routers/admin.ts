import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { API_KEY_PREFIX } from "../env.js";
import { hashPassword, newId, sha256Hex } from "../lib/crypto.js";
import { adminProcedure, protectedProcedure, router } from "../trpc.js";

export const adminRouter = router({
  listUsers: adminProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom("users")
      .select(["id", "email", "name", "role", "created_at"])
      .where("org_id", "=", ctx.user.orgId)
      .orderBy("name")
      .execute(),
  ),

  inviteUser: adminProcedure
    .input(z.object({ email: z.string().email(), name: z.string().min(1), role: z.enum(["agent", "admin"]) }))
    .mutation(async ({ ctx, input }) => {
      const tempPassword = randomBytes(12).toString("base64url");
      const user = await ctx.db
        .insertInto("users")
        .values({
          id: newId("usr"),
          org_id: ctx.user.orgId,
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          password_hash: await hashPassword(tempPassword),
        })
        .returning(["id", "email", "role"])
        .executeTakeFirstOrThrow();
      return { user, tempPassword };
    }),

  setRole: adminProcedure
    .input(z.object({ userId: z.string(), role: z.enum(["agent", "admin"]) }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "cannot change your own role" });
      }
      await ctx.db
        .updateTable("users")
        .set({ role: input.role })
        .where("org_id", "=", ctx.user.orgId)
        .where("id", "=", input.userId)
        .execute();
      return { ok: true };
    }),

  createApiKey: adminProcedure.input(z.object({ name: z.string().min(1).max(80) })).mutation(async ({ ctx, input }) => {
    const secret = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
    const id = newId("key");
    await ctx.db
      .insertInto("api_keys")
      .values({ id, org_id: ctx.user.orgId, name: input.name, key_hash: sha256Hex(secret), created_by: ctx.user.id })
      .execute();
    // The plaintext is returned exactly once.
    return { id, key: secret };
  }),

  purgeClosed: protectedProcedure
    .input(z.object({ olderThanDays: z.number().int().min(30).max(3650) }))
    .mutation(async ({ ctx, input }) => {
      const cutoff = new Date(Date.now() - input.olderThanDays * 86_400_000);
      const res = await ctx.db
        .deleteFrom("tickets")
        .where("org_id", "=", ctx.user.orgId)
        .where("status", "=", "closed")
        .where("updated_at", "<", cutoff)
        .executeTakeFirst();
      ctx.log.warn({ deleted: Number(res.numDeletedRows), cutoff }, "purged closed tickets");
      return { deleted: Number(res.numDeletedRows) };
    }),
});
