import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveUser, type SessionUser } from "../src/context";
import { createDb } from "../src/db";
import { appRouter } from "../src/routers";
import { createCallerFactory } from "../src/trpc";

const db = createDb(process.env.DATABASE_URL);
const createCaller = createCallerFactory(appRouter);
const depotId = "7b0c9f5e-2a41-4c1d-9a57-0d2f3e8b6c11";

const callerAs = (user: SessionUser | null) => createCaller({ db, user, requestId: "test" });
const admin = callerAs({ id: "9a1e4c27-0b6d-4f8a-a3c5-71d2e8f05b94", role: "admin", depotId: null });
const dispatcher = callerAs({ id: "2d4b7e0c-5a18-4f63-b1c9-8e2a0d6f3b57", role: "dispatcher", depotId });
const anonymous = callerAs(null);

let driverId: string;

async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"]) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
}

beforeAll(async () => {
  await db.deleteFrom("drivers").execute();
  const row = await db
    .insertInto("drivers")
    .values({ name: "Ines Duarte", email: "ines@fleetops.test", depot_id: depotId, role: "driver", password_hash: "x", pin_hash: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  driverId = row.id;
});

afterAll(async () => {
  await db.destroy();
});

describe("admin router", () => {
  it("forbids dispatchers from deactivating drivers", () =>
    expectTrpcError(dispatcher.admin.deactivateDriver({ driverId }), "FORBIDDEN"));

  it("rejects anonymous callers", () =>
    expectTrpcError(anonymous.admin.retireVehicle({ vehicleId: driverId }), "UNAUTHORIZED"));

  it("deactivates a driver", async () => {
    await admin.admin.deactivateDriver({ driverId });
    const row = await db.selectFrom("drivers").select("active").where("id", "=", driverId).executeTakeFirstOrThrow();
    expect(row.active).toBe(false);
  });
});

describe("resolveUser", () => {
  it("maps the service key to the service principal", async () => {
    const user = await resolveUser(undefined, process.env.SERVICE_API_KEY);
    expect(user).toEqual({ id: "svc:internal", role: "service", depotId: null });
  });

  it("treats a garbage bearer token as anonymous", async () => {
    expect(await resolveUser("Bearer not-a-jwt", undefined)).toBeNull();
  });
});
