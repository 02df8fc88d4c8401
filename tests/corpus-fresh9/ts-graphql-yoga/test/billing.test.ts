import { createHmac } from "node:crypto";
import { verifyUsageSignature } from "../src/services/billing";

describe("verifyUsageSignature", () => {
  const secret = "whsec_test_fixture";
  const body = JSON.stringify({ orgId: "org_1", calls: 42 });
  const good = "sha256=" + createHmac("sha256", secret).update(body).digest("hex");

  it.each([
    ["valid", good, true],
    ["missing", null, false],
    ["wrong scheme", good.replace("sha256=", "sha1="), false],
    ["truncated", good.slice(0, 20), false],
  ])("%s header", (_label, header, expected) => {
    expect(verifyUsageSignature(body, header, secret)).toBe(expected);
  });
});
