import { describe, expect, it, vi } from "vitest";
import { isOnCall, ownerOnly } from "../src/middleware/acl.js";
import { config, fakeContext } from "./fakes.js";

describe("isOnCall", () => {
  const check = isOnCall(config);

  it.each([
    [1, true],
    [2, true],
    [3, true],
    [99, false],
  ])("user %i → %s", (id, expected) => {
    const ctx = fakeContext({ from: { id, is_bot: false, first_name: "x" } });
    expect(check(ctx)).toBe(expected);
  });

  it("rejects updates without a sender", () => {
    expect(check(fakeContext({ from: undefined }))).toBe(false);
  });
});

describe("ownerOnly", () => {
  it("stops non-owners before the handler", async () => {
    const ctx = fakeContext({ from: { id: 2, is_bot: false, first_name: "x" } });
    const next = vi.fn();
    await ownerOnly(config)(ctx, next);
    expect(next).not.toHaveBeenCalled();
    expect(ctx.reply).toHaveBeenCalledWith("Owners only.");
  });

  it("lets the owner through", async () => {
    const next = vi.fn().mockResolvedValue(undefined);
    await ownerOnly(config)(fakeContext({ from: { id: 1, is_bot: false, first_name: "o" } }), next);
    expect(next).toHaveBeenCalledOnce();
  });
});
