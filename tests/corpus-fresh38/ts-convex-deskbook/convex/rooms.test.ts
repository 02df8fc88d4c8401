import { convexTest } from "convex-test";
import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import schema from "./schema";
import { modules } from "./test.setup";

async function seedOrg(t: ReturnType<typeof convexTest>) {
  return await t.run(async (ctx) => {
    const orgId = await ctx.db.insert("organizations", { name: "Harbour Works", slug: "harbour", timezone: "Europe/Berlin" });
    const adminId = await ctx.db.insert("users", { tokenIdentifier: "test|ada", name: "Ada", email: "ada@harbour.test" });
    const memberId = await ctx.db.insert("users", { tokenIdentifier: "test|bo", name: "Bo", email: "bo@harbour.test" });
    await ctx.db.insert("memberships", { orgId, userId: adminId, role: "admin" });
    await ctx.db.insert("memberships", { orgId, userId: memberId, role: "member" });
    return { orgId, adminId, memberId };
  });
}

describe("rooms", () => {
  test("admins create rooms hidden from the kiosk by default", async () => {
    const t = convexTest(schema, modules);
    const { orgId } = await seedOrg(t);
    const asAda = t.withIdentity({ tokenIdentifier: "test|ada", name: "Ada" });
    const roomId = await asAda.mutation(api.rooms.create, {
      orgId,
      name: "Lighthouse",
      capacity: 8,
      hourlyRateCents: 4500,
      amenities: ["screen"],
    });
    const room = await t.run(async (ctx) => await ctx.db.get(roomId));
    expect(room).toMatchObject({ name: "Lighthouse", archived: false, kioskVisible: false });
  });

  test("members cannot create rooms", async () => {
    const t = convexTest(schema, modules);
    const { orgId } = await seedOrg(t);
    const asBo = t.withIdentity({ tokenIdentifier: "test|bo", name: "Bo" });
    await expect(
      asBo.mutation(api.rooms.create, { orgId, name: "Annex", capacity: 2, hourlyRateCents: 1000, amenities: [] }),
    ).rejects.toThrowError(/FORBIDDEN/);
  });

  test("kiosk board shows only kiosk-visible rooms", async () => {
    const t = convexTest(schema, modules);
    const { orgId } = await seedOrg(t);
    await t.run(async (ctx) => {
      await ctx.db.insert("rooms", { orgId, name: "Dock", capacity: 4, hourlyRateCents: 2000, amenities: [], archived: false, kioskVisible: true });
      await ctx.db.insert("rooms", { orgId, name: "Boardroom", capacity: 12, hourlyRateCents: 9000, amenities: [], archived: false, kioskVisible: false });
    });
    const board = await t.query(api.rooms.kioskBoard, { orgSlug: "harbour" });
    expect(board).toEqual([{ name: "Dock", capacity: 4, busy: false }]);
  });
});
