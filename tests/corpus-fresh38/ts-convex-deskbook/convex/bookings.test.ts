import { convexTest } from "convex-test";
import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import schema from "./schema";
import { modules } from "./test.setup";

const HOUR = 3600_000;

async function seed(t: ReturnType<typeof convexTest>) {
  return await t.run(async (ctx) => {
    const orgId = await ctx.db.insert("organizations", { name: "Harbour Works", slug: "harbour", timezone: "UTC" });
    const aliceId = await ctx.db.insert("users", { tokenIdentifier: "test|alice", name: "Alice", email: "alice@harbour.test" });
    const carlId = await ctx.db.insert("users", { tokenIdentifier: "test|carl", name: "Carl", email: "carl@harbour.test" });
    await ctx.db.insert("memberships", { orgId, userId: aliceId, role: "member" });
    await ctx.db.insert("memberships", { orgId, userId: carlId, role: "member" });
    const roomId = await ctx.db.insert("rooms", {
      orgId,
      name: "Dock",
      capacity: 4,
      hourlyRateCents: 2000,
      amenities: [],
      archived: false,
      kioskVisible: true,
    });
    return { orgId, roomId, aliceId, carlId };
  });
}

async function expectStatus(t: ReturnType<typeof convexTest>, bookingId: Id<"bookings">, status: string) {
  const booking = await t.run(async (ctx) => await ctx.db.get(bookingId));
  expect(booking?.status).toBe(status);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("bookings", () => {
  test("a second hold on an occupied slot is rejected", async () => {
    const t = convexTest(schema, modules);
    const { roomId } = await seed(t);
    const start = Date.now() + 24 * HOUR;
    await t.withIdentity({ tokenIdentifier: "test|alice" }).mutation(api.bookings.create, {
      roomId,
      title: "Standup",
      startsAt: start,
      endsAt: start + HOUR,
    });
    await expect(
      t.withIdentity({ tokenIdentifier: "test|carl" }).mutation(api.bookings.create, {
        roomId,
        title: "1:1",
        startsAt: start + HOUR / 2,
        endsAt: start + 2 * HOUR,
      }),
    ).rejects.toThrowError(/ROOM_TAKEN/);
  });

  test("members cannot cancel someone else's booking", async () => {
    const t = convexTest(schema, modules);
    const { roomId } = await seed(t);
    const start = Date.now() + 48 * HOUR;
    const bookingId = await t.withIdentity({ tokenIdentifier: "test|alice" }).mutation(api.bookings.create, {
      roomId,
      title: "Planning",
      startsAt: start,
      endsAt: start + HOUR,
    });
    await expect(
      t.withIdentity({ tokenIdentifier: "test|carl" }).mutation(api.bookings.cancel, { bookingId }),
    ).rejects.toThrowError(/FORBIDDEN/);
    await expectStatus(t, bookingId, "held");
  });

  test("confirming a booking sends the confirmation email", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ MessageID: "m-1" }), { status: 200 })));
    const t = convexTest(schema, modules);
    const { roomId } = await seed(t);
    const asAlice = t.withIdentity({ tokenIdentifier: "test|alice" });
    const start = Date.now() + 3 * HOUR;
    const bookingId = await asAlice.mutation(api.bookings.create, {
      roomId,
      title: "Design review",
      startsAt: start,
      endsAt: start + HOUR,
    });
    await asAlice.mutation(api.bookings.confirm, { bookingId });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
  });

  test("expired holds are released", async () => {
    vi.useFakeTimers();
    const t = convexTest(schema, modules);
    const { roomId } = await seed(t);
    const start = Date.now() + 5 * HOUR;
    const bookingId = await t.withIdentity({ tokenIdentifier: "test|alice" }).mutation(api.bookings.create, {
      roomId,
      title: "Retro",
      startsAt: start,
      endsAt: start + HOUR,
    });
    vi.advanceTimersByTime(11 * 60 * 1000);
    await t.mutation(internal.bookings.releaseExpiredHolds, {});
    await expectStatus(t, bookingId, "cancelled");
  });

  test("room listing excludes cancelled bookings", async () => {
    const t = convexTest(schema, modules);
    const { roomId } = await seed(t);
    const asAlice = t.withIdentity({ tokenIdentifier: "test|alice" });
    const start = Date.UTC(2031, 0, 6, 9);
    const keep = await asAlice.mutation(api.bookings.create, { roomId, title: "Kickoff", startsAt: start, endsAt: start + HOUR });
    const drop = await asAlice.mutation(api.bookings.create, { roomId, title: "Dropped", startsAt: start + 2 * HOUR, endsAt: start + 3 * HOUR });
    await asAlice.mutation(api.bookings.cancel, { bookingId: drop, reason: "moved online" });
    const listed = await asAlice.query(api.bookings.listForRoom, { roomId, from: start, to: start + 24 * HOUR });
    expect(listed.map((b) => ({ id: b._id === keep, title: b.title, status: b.status }))).toMatchInlineSnapshot(`
      [
        {
          "id": true,
          "status": "held",
          "title": "Kickoff",
        },
      ]
    `);
  });
});
