import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { canEdit, identityFromClaims, internalKeyMatches, signInvite, verifyInvite } from "../src/auth";

const env = { INVITE_SIGNING_SECRET: "unit-test-invite-secret-0000000000", LOBBY_INTERNAL_KEY: "lobby-test-key" };

describe("identityFromClaims", () => {
  it("maps Clerk org roles to board roles", () => {
    expect(identityFromClaims({ sub: "user_1", org_id: "org_1", org_role: "org:admin" }).role).toBe("owner");
    expect(identityFromClaims({ sub: "user_2", org_id: "org_1", org_role: "org:member" }).role).toBe("editor");
    expect(identityFromClaims({ sub: "user_3", org_id: "org_1" }).role).toBe("viewer");
  });

  it("refuses tokens without an organisation", () => {
    expect(() => identityFromClaims({ sub: "user_1" })).toThrow(/organisation/);
  });
});

describe("invites", () => {
  it("round-trips an editor invite for the same board", async () => {
    const token = await signInvite(env, "board-1", "editor");
    await expect(verifyInvite(token, env, "board-1")).resolves.toBe("editor");
  });

  it("rejects an invite for another board", async () => {
    const token = await signInvite(env, "board-1", "viewer");
    await expect(verifyInvite(token, env, "board-2")).rejects.toThrow("another board");
  });

  it("rejects invites signed with a different key", async () => {
    const forged = await new SignJWT({ board: "board-1", role: "editor" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("attacker-chosen-key-000000000000"));
    await expect(verifyInvite(forged, env, "board-1")).rejects.toThrow();
  });
});

describe("internalKeyMatches", () => {
  it("accepts only the configured key", async () => {
    const ok = new Request("https://x/rooms", { headers: { "x-internal-key": "lobby-test-key" } });
    const bad = new Request("https://x/rooms", { headers: { "x-internal-key": "lobby-test-kez" } });
    expect(await internalKeyMatches(ok, env)).toBe(true);
    expect(await internalKeyMatches(bad, env)).toBe(false);
  });
});

it("only owners and editors can edit", () => {
  expect([canEdit("owner"), canEdit("editor"), canEdit("viewer")]).toEqual([true, true, false]);
});
