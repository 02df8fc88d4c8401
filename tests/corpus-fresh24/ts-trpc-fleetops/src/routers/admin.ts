import { randomInt } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { DB } from "../db";
import { logger } from "../logger";
import { adminProcedure, protectedProcedure, router } from "../trpc";

async function audit(db: DB, actorId: string, action: string, subjectId: string) {
  await db.insertInto("audit_events").values({ actor_id: actorId, action, subject_id: subjectId }).execute();
}

export const adminRouter = router({
  deactivateDriver: adminProcedure
    .input(z.object({ driverId: z.string().uuid() }))
    .mutation(async ({ ctx, input }) => {
      const res = await ctx.db
        .updateTable("drivers")
        .set({ active: false, pin_hash: null })
        .where("id", "=", input.driverId)
        .executeTakeFirst();
      if (!res.numUpdatedRows) throw new TRPCError({ code: "NOT_FOUND" });
      await audit(ctx.db, ctx.user.id, "driver.deactivate", input.driverId);
      return { ok: true };
    }),

  resetDriverPin: protectedProcedure
    .input(z.object({ driverId: z.string().uuid() }))
    .mutation(async ({ ctx, input }) => {
      const temporaryPin = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const res = await ctx.db
        .updateTable("drivers")
        .set({ pin_hash: await hash(temporaryPin) })
        .where("id", "=", input.driverId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!res.numUpdatedRows) throw new TRPCError({ code: "NOT_FOUND" });
      await audit(ctx.db, ctx.user.id, "driver.pin_reset", input.driverId);
      logger.info({ driverId: input.driverId, by: ctx.user.id }, "driver pin reset");
      return { temporaryPin };
    }),

  retireVehicle: adminProcedure
    .input(z.object({ vehicleId: z.string().uuid() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("vehicles")
          .set({ status: "retired", updated_at: new Date() })
          .where("id", "=", input.vehicleId)
          .execute();
        await trx
          .deleteFrom("maintenance_jobs")
          .where("vehicle_id", "=", input.vehicleId)
          .where("completed_at", "is", null)
          .execute();
      });
      await audit(ctx.db, ctx.user.id, "vehicle.retire", input.vehicleId);
      return { ok: true };
    }),

  exportPayroll: adminProcedure
    .input(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }))
    .mutation(() => {
      throw new TRPCError({ code: "NOT_IMPLEMENTED", message: "payroll export is not available yet" });
    }),
});
