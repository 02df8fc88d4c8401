import { describe, expect, it } from "vitest";
import { Event, Order, OrderStatus, Ticket, User } from "../src/db/entities";
import { Mailer } from "../src/mail";
import { CapturingTransport } from "./helpers";

function fixtureOrder(): { order: Order; tickets: Ticket[] } {
  const buyer = Object.assign(new User(), { email: "ben@example.test", name: "Ben" });
  const event = Object.assign(new Event(), {
    title: "Harbour Lights",
    venue: "Pier 7",
    startsAt: new Date("2031-05-01T19:00:00Z"),
    currency: "EUR",
  });
  const order = Object.assign(new Order(), { buyer, event, quantity: 2, amountCents: 5000, status: OrderStatus.Paid });
  const tickets = ["ABCDE-FGHJK", "LMNPQ-RSTUV"].map((code) => Object.assign(new Ticket(), { order, code, holderName: "Ben" }));
  return { order, tickets };
}

describe("mailer", () => {
  it("sends the order confirmation", async () => {
    const transport = new CapturingTransport();
    const { order, tickets } = fixtureOrder();
    await new Mailer(transport).sendOrderConfirmation(order, tickets, ["/srv/a.pdf", "/srv/b.pdf"]);
  });

  it("refund notice states the refunded amount", async () => {
    const transport = new CapturingTransport();
    const { order } = fixtureOrder();
    await new Mailer(transport).sendRefundNotice(order);
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0].text).toContain("EUR 50.00");
    expect(transport.sent[0].to).toBe("ben@example.test");
  });
});
