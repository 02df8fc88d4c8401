import { describe, expect, it } from "vitest";
import { activeFreeze, type Freeze, parseDuration } from "../src/lib/freezeWindow.js";

const base: Freeze = {
  id: 1,
  owner: "acme",
  repo: "web",
  reason: "quarter close",
  startsAt: new Date("2024-03-28T00:00:00Z"),
  endsAt: new Date("2024-04-02T00:00:00Z"),
  createdBy: "release-manager",
  liftedAt: null,
};

describe("parseDuration", () => {
  it.each([
    ["30m", 1_800_000],
    ["4h", 14_400_000],
    ["2d", 172_800_000],
  ])("parses %s", (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it("rejects zero and garbage", () => {
    expect(() => parseDuration("0h")).toThrow(RangeError);
    expect(() => parseDuration("soon")).toThrow(/invalid duration/);
  });
});

describe("activeFreeze", () => {
  it("ignores lifted and expired freezes", () => {
    const lifted = { ...base, id: 2, liftedAt: new Date("2024-03-29T00:00:00Z") };
    const expired = { ...base, id: 3, endsAt: new Date("2024-03-29T00:00:00Z") };
    expect(activeFreeze([lifted, expired], new Date("2024-03-30T00:00:00Z"))).toBeUndefined();
  });

  it("prefers the freeze that ends last", () => {
    const longer = { ...base, id: 4, endsAt: new Date("2024-04-05T00:00:00Z") };
    expect(activeFreeze([base, longer], new Date("2024-03-30T00:00:00Z"))?.id).toBe(4);
  });
});
