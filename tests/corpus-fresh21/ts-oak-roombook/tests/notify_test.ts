import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { assertSnapshot } from "@std/testing/snapshot";
import { renderIcs, writeIcs } from "../src/services/notify.ts";
import type { Booking, Room } from "../src/services/bookings.ts";

const room: Room = { id: "r-1", name: "Fjord", building: "HQ", capacity: 8, hasVideo: true };
const booking: Booking = {
  id: "b-42",
  roomId: "r-1",
  userId: "u-1",
  title: "Quarterly planning",
  startsAt: new Date("2030-03-04T09:00:00Z"),
  endsAt: new Date("2030-03-04T10:30:00Z"),
  depositId: null,
  cancelledAt: null,
};

function assertValidIcs(text: string): void {
  const lines = text.split("\r\n");
  assertEquals(lines[0], "BEGIN:VCALENDAR");
  assertEquals(lines.at(-1), "END:VCALENDAR");
  assert(lines.some((l) => l.startsWith("UID:")), "missing UID");
}

Deno.test("renderIcs produces a calendar event", async (t) => {
  await assertSnapshot(t, renderIcs(booking, room));
});

Deno.test("renderIcs output is well formed", () => {
  assertValidIcs(renderIcs(booking, room));
});

Deno.test("writeIcs writes into the given directory", async () => {
  const dir = await Deno.makeTempDir();
  const path = await writeIcs(dir, booking, room);
  assertStringIncludes(path, dir);
  assertStringIncludes(await Deno.readTextFile(path), "SUMMARY:Quarterly planning");
  await Deno.remove(dir, { recursive: true });
});
