import type { APIEvent } from "@solidjs/start/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, enrollments, payments } from "~/lib/db";
import { POST } from "~/routes/api/webhooks/billing";
import { seedCourse, seedUser, signPayload } from "./helpers";

function checkoutEvent(id: string, userId: number, courseId: number, amount = 4900) {
  return {
    id,
    type: "checkout.completed",
    data: { charge_id: `ch_${id}`, amount, currency: "eur", metadata: { userId: String(userId), courseId: String(courseId) } },
  };
}

function deliver(body: object, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(body);
  const signature = signPayload(payload, options.secret ?? process.env.BILLING_WEBHOOK_SECRET!, options.timestamp);
  const request = new Request("http://localhost/api/webhooks/billing", {
    method: "POST",
    body: payload,
    headers: { "content-type": "application/json", "paybridge-signature": signature },
  });
  return POST({ request, params: {} } as unknown as APIEvent);
}

describe("billing webhook", () => {
  it("enrolls the buyer when a checkout completes", async () => {
    const user = seedUser();
    const course = seedCourse({ priceCents: 4900 });

    const res = await deliver(checkoutEvent("evt_1", user.id, course.id));

    expect(res.status).toBe(204);
    const enrollment = db.select().from(enrollments).where(eq(enrollments.userId, user.id)).get();
    expect(enrollment).toMatchObject({ courseId: course.id, status: "active" });
  });

  it("rejects a payload signed with another secret", async () => {
    const res = await deliver(checkoutEvent("evt_2", 1, 1), { secret: "whsec_someone_else" });
    expect(res.status).toBe(401);
  });

  it("rejects a stale timestamp", async () => {
    const res = await deliver(checkoutEvent("evt_3", 1, 1), { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(res.status).toBe(400);
  });

  it("accepts the same event delivered twice", async () => {
    const user = seedUser();
    const course = seedCourse({ priceCents: 1900 });
    const event = checkoutEvent("evt_4", user.id, course.id, 1900);

    await deliver(event);
    await deliver(event);
  });

  it("records a partial refund without revoking access", async () => {
    const user = seedUser();
    const course = seedCourse({ priceCents: 4900 });
    await deliver(checkoutEvent("evt_5", user.id, course.id));

    const res = await deliver({
      id: "evt_6",
      type: "charge.refunded",
      data: { charge_id: "ch_evt_5", amount: 4900, amount_refunded: 900, currency: "eur" },
    });

    expect(res.status).toBe(204);
    const payment = db.select().from(payments).where(eq(payments.chargeId, "ch_evt_5")).get();
    expect(payment?.status).toBe("partially_refunded");
    expect(db.select().from(enrollments).get()?.status).toBe("active");
  });
});
