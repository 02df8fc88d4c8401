import { describe, expect, it, vi } from "vitest";

import { db } from "~/lib/db.server";
import { action as billingAction } from "~/routes/billing";
import { action as settingsAction } from "~/routes/settings.notifications";
import { cookieFor, formRequest } from "./helpers";

function mockUser() {
  vi.mocked(db.user.findUnique).mockResolvedValue({
    id: "u1",
    email: "a@example.com",
    role: "customer",
  } as never);
}

describe("billing action", () => {
  it("rejects malformed payments", async () => {
    mockUser();
    const req = formRequest(
      "http://localhost/billing",
      { invoiceId: "", amountCents: "-5", reference: "x" },
      await cookieFor("u1"),
    );
    const res = await billingAction({ request: req, params: {}, context: {} });
    expect(res.status).toBe(400);
  });

  it("records a payment", async () => {
    mockUser();
    vi.mocked(db.payment.create).mockResolvedValue({} as never);
    const req = formRequest(
      "http://localhost/billing",
      { invoiceId: "inv_1", amountCents: "1200", reference: "REF-001" },
      await cookieFor("u1"),
    );
    await billingAction({ request: req, params: {}, context: {} });
  });
});

describe("notification settings", () => {
  it("is read-only for now", async () => {
    mockUser();
    const req = formRequest("http://localhost/settings/notifications", {}, await cookieFor("u1"));
    await expect(
      settingsAction({ request: req, params: {}, context: {} }),
    ).rejects.toThrow(/Not implemented/);
  });
});
