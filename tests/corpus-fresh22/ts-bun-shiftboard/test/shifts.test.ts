import { describe, expect, it } from "bun:test";
import { db, type Shift } from "../src/db";
import { createShift, deleteShift, exportSite, listShifts } from "../src/handlers/shifts";
import { toIcs } from "../src/services/exporter";
import { seedUser } from "./helpers";

function req<P extends string>(url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  return Object.assign(new Request(`http://localhost${url}`, init), { params, cookies: new Map() }) as any;
}

function insertShift(siteId: number, userId: number | null = null): Shift {
  return db
    .query<Shift, [number, number | null]>(
      "INSERT INTO shifts (site_id, user_id, starts_at, ends_at) VALUES (?, ?, '2030-01-01T08:00:00Z', '2030-01-01T16:00:00Z') RETURNING *",
    )
    .get(siteId, userId)!;
}

describe("shifts", () => {
  it("creates a shift for the lead's site", async () => {
    const { user } = await seedUser("lead", 7);
    const body = JSON.stringify({ starts_at: "2030-02-01T08:00:00Z", ends_at: "2030-02-01T12:00:00Z" });
    const res = await createShift(req("/api/shifts", { method: "POST", body }), user);
    expect(res.status).toBe(201);
    expect((await res.json()).site_id).toBe(7);
  });

  it("hides other staff's shifts", async () => {
    const { user } = await seedUser("staff", 8);
    const { user: other } = await seedUser("staff", 8);
    insertShift(8, other.id);
    const mine = insertShift(8, user.id);
    const res = listShifts(req("/api/shifts?from=2000-01-01T00:00:00Z"), user);
    const { shifts } = await res.json();
    expect(shifts.map((s: Shift) => s.id)).toEqual([mine.id]);
  });

  it("returns 404 when deleting a shift from another site", async () => {
    const { user } = await seedUser("manager", 9);
    const foreign = insertShift(10);
    const res = deleteShift(req(`/api/shifts/${foreign.id}`, { method: "DELETE" }, { id: String(foreign.id) }), user);
    expect(res.status).toBe(404);
  });

  it("renders an iCalendar feed", () => {
    const shift = { id: 1, site_id: 1, user_id: 1, starts_at: "2030-01-01T08:00:00Z", ends_at: "2030-01-01T16:00:00Z", note: "Early; ward B" };
    const ics = toIcs([shift], "Ward B", "Europe/Berlin").replace(/DTSTAMP:\w+/, "DTSTAMP:X");
    expect(ics).toMatchSnapshot();
  });

  it("exports the site calendar to disk", async () => {
    const { user } = await seedUser("manager", 11);
    insertShift(11, user.id);
    insertShift(11);
    await exportSite(req("/api/sites/export", { method: "POST" }), user);
  });
});
