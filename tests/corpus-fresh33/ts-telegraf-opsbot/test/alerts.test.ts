import { describe, expect, it } from "vitest";
import { silenceButton } from "../src/commands/alerts.js";
import { PlainFormatter } from "../src/format.js";
import { fakeContext } from "./fakes.js";

describe("silence button", () => {
  it("silences the monitor from the inline button", async () => {
    const ctx = fakeContext({ match: ["silence:m-1:120", "m-1", "120"] });
    await silenceButton(ctx);
  });

  it("reports failures to the user and rethrows for bot.catch", async () => {
    const ctx = fakeContext({
      match: ["silence:m-1:30", "m-1", "30"],
      monitoring: { silence: () => Promise.reject(new Error("503 from monitoring")) },
    });
    await expect(silenceButton(ctx)).rejects.toThrow("503 from monitoring");
    expect(ctx.answerCbQuery).toHaveBeenCalledWith("Silence failed, try /silence");
  });
});

describe("PlainFormatter", () => {
  it("renders severity, team and monitor", () => {
    const text = new PlainFormatter().format(
      {
        id: 7,
        fingerprint: "abc",
        monitorId: "m-9",
        team: "payments",
        severity: "critical",
        summary: "checkout error rate above 5%",
        firedAt: new Date("2024-05-01T10:00:00Z"),
        resolvedAt: null,
      },
      "de-DE",
    );
    expect(text).toMatchInlineSnapshot(`
      "🔴 [payments] checkout error rate above 5%
      monitor m-9 · fired 2024-05-01T10:00:00.000Z"
    `);
  });
});
