import { TRPCError } from "@trpc/server";
import { sql, type SelectQueryBuilder } from "kysely";
import { z } from "zod";
import type { Database, DB, Vehicle } from "../db";
import { protectedProcedure, publicProcedure, router } from "../trpc";

const vehicleStatus = z.enum(["active", "in_service", "retired"]);

const listInput = z.object({
  depotId: z.string().uuid().optional(),
  status: vehicleStatus.optional(),
  search: z.string().trim().min(2).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

type VehicleFilter = z.infer<typeof listInput>;

function applyVehicleFilter<O>(
  q: SelectQueryBuilder<Database, "vehicles", O>,
  filter: VehicleFilter,
): SelectQueryBuilder<Database, "vehicles", O> {
  let out = q;
  if (filter.depotId) out = out.where("depot_id", "=", filter.depotId);
  if (filter.status) out = out.where("status", "=", filter.status);
  if (filter.search) {
    const like = `%${filter.search}%`;
    out = out.where((eb) => eb.or([eb("plate", "ilike", like), eb("vin", "ilike", like)]));
  }
  return out;
}

export async function listVehicles(db: DB, filter: VehicleFilter): Promise<Vehicle[]> {
  return applyVehicleFilter(db.selectFrom("vehicles").selectAll(), filter)
    .orderBy("plate")
    .limit(filter.limit)
    .execute();
}

export async function dueForService(db: DB, depotId: string, withinDays: number): Promise<Vehicle[]> {
  const horizon = new Date(Date.now() + 7 * 86_400_000);
  return db
    .selectFrom("vehicles")
    .selectAll()
    .where("depot_id", "=", depotId)
    .where("status", "=", "active")
    .where((eb) =>
      eb.or([
        eb("next_service_at", "<=", horizon),
        eb("odometer_km", ">=", sql<number>`next_service_km - 500`),
      ]),
    )
    .orderBy("next_service_at")
    .execute();
}

export const fleetRouter = router({
  list: protectedProcedure.input(listInput).query(({ ctx, input }) => {
    const depotId = ctx.user.role === "admin" ? input.depotId : (ctx.user.depotId ?? undefined);
    return listVehicles(ctx.db, { ...input, depotId });
  }),

  byVin: publicProcedure
    .input(z.object({ vin: z.string().length(17) }))
    .query(async ({ ctx, input }) => {
      const vehicle = await ctx.db
        .selectFrom("vehicles")
        .selectAll()
        .where("vin", "=", input.vin.toUpperCase())
        .executeTakeFirst();
      if (!vehicle) throw new TRPCError({ code: "NOT_FOUND" });
      return vehicle;
    }),

  dueForService: protectedProcedure
    .input(
      z.object({
        depotId: z.string().uuid(),
        withinDays: z.number().int().min(1).max(90).default(14),
      }),
    )
    .query(({ ctx, input }) => dueForService(ctx.db, input.depotId, input.withinDays)),

  updateStatus: protectedProcedure
    .input(
      z.object({
        id: z.string().uuid(),
        status: vehicleStatus,
        expectedVersion: z.number().int().nonnegative(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("vehicles")
          .select(["id", "version"])
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw new TRPCError({ code: "NOT_FOUND" });
        if (current.version !== input.expectedVersion) {
          throw new TRPCError({ code: "CONFLICT", message: "vehicle was changed by someone else" });
        }
        return trx
          .updateTable("vehicles")
          .set({ status: input.status, version: current.version + 1, updated_at: new Date() })
          .where("id", "=", input.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      }),
    ),

  scheduleMaintenance: protectedProcedure
    .input(
      z.object({
        vehicleId: z.string().uuid(),
        kind: z.enum(["oil", "tyres", "inspection", "brakes"]),
        dueAt: z.coerce.date(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db
        .insertInto("maintenance_jobs")
        .values({
          vehicle_id: input.vehicleId,
          kind: input.kind,
          due_at: input.dueAt,
          created_by: ctx.user.id,
          completed_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
});
