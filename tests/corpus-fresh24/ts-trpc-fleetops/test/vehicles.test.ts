import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db";
import { appRouter } from "../src/routers";
import { createCallerFactory } from "../src/trpc";

const db = createDb(process.env.DATABASE_URL);
const createCaller = createCallerFactory(appRouter);

const depotId = "7b0c9f5e-2a41-4c1d-9a57-0d2f3e8b6c11";
const otherDepot = "0f5d8a11-93c2-4b7e-8d0a-6a2b9c4e7f30";
let vehicleId: string;

const dispatcher = createCaller({
  db,
  user: { id: "2d4b7e0c-5a18-4f63-b1c9-8e2a0d6f3b57", role: "dispatcher", depotId },
  requestId: "test",
});

beforeAll(async () => {
  await db.deleteFrom("maintenance_jobs").execute();
  await db.deleteFrom("vehicles").execute();
  const inserted = await db
    .insertInto("vehicles")
    .values([
      { vin: "WDB9066331S123456", plate: "KX21 FLT", depot_id: depotId, status: "active", odometer_km: 48_210, next_service_km: 50_000, next_service_at: null },
      { vin: "VF1MA000564738291", plate: "LN70 VAN", depot_id: otherDepot, status: "active", odometer_km: 12_004, next_service_km: 30_000, next_service_at: null },
    ])
    .returning("id")
    .execute();
  vehicleId = inserted[0].id;
});

afterAll(async () => {
  await db.destroy();
});

describe("vehicles router", () => {
  it("lists only vehicles in the caller's depot", async () => {
    const rows = await dispatcher.vehicles.list({ limit: 10 });
    expect(rows.map((r) => r.plate)).toEqual(["KX21 FLT"]);
  });

  it("rejects stale status updates", async () => {
    await expect(
      dispatcher.vehicles.updateStatus({ id: vehicleId, status: "in_service", expectedVersion: 42 }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "CONFLICT");
  });

  it("schedules maintenance for a vehicle", async () => {
    await dispatcher.vehicles.scheduleMaintenance({
      vehicleId,
      kind: "oil",
      dueAt: new Date("2024-07-01T08:00:00Z"),
    });
  });

  it("serialises a vehicle for the dispatch board", async () => {
    const [v] = await dispatcher.vehicles.list({ limit: 1 });
    expect({ plate: v.plate, status: v.status, odometer_km: v.odometer_km }).toMatchInlineSnapshot(`
      {
        "odometer_km": 48210,
        "plate": "KX21 FLT",
        "status": "active",
      }
    `);
  });
});
