import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DISCORD_TOKEN = "test-token";
  process.env.DISCORD_APP_ID = "100000000000000001";
  process.env.SENTINEL_WEBHOOK_SECRET = "test-webhook-secret";
  process.env.MODBOT_DB = ":memory:";
});

import { createStore } from "../src/db/store";
import { verifySignature } from "../src/http/verdictWebhook";

const SECRET = "whsec_fixture_only";

function sign(body: Buffer): string {
  return "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
}

describe("verifySignature", () => {
  const body = Buffer.from(JSON.stringify({ guild: "1", message: "2", action: "delete", labels: ["spam"] }));

  it("accepts a payload signed with the shared secret", () => {
    expect(verifySignature(body, sign(body), SECRET)).toBe(true);
  });

  it("rejects a payload signed with another secret", () => {
    expect(verifySignature(body, sign(body), "another-secret")).toBe(false);
  });

  it("rejects a truncated signature without throwing", () => {
    expect(verifySignature(body, sign(body).slice(0, 20), SECRET)).toBe(false);
  });
});

describe("store", () => {
  function freshStore() {
    const dir = mkdtempSync(join(tmpdir(), "modbot-"));
    return createStore(join(dir, "cases.db"));
  }

  it("moves a case to appealed when an appeal is opened", () => {
    const s = freshStore();
    const id = s.recordCase("1", "55", "7", "ban", "raid");
    s.openAppeal(id, "I was not part of the raid, my account was compromised at the time.");
    expect(s.getCase(id)?.status).toBe("appealed");
  });

  it("stores sentinel verdicts", () => {
    const s = freshStore();
    s.recordVerdict("1", "2001", "delete", ["spam", "link"]);
    s.recordVerdict("1", "2002", "flag", ["toxicity"]);
  });
});
