import { beforeEach, describe, expect, it } from "vitest";
import { Event, Order, OrderStatus } from "../src/db/entities";
import { createTestApp, expectGraphQLError, gql, signIn } from "./helpers";

type App = Awaited<ReturnType<typeof createTestApp>>;

async function seedEvent(app: App, organizerName = "Olga") {
  const { user: organizer } = await signIn(app.orm, organizerName, "organizer");
  const em = app.orm.em.fork();
  const event = em.create(Event, {
    organizer,
    title: "Harbour Lights",
    venue: "Pier 7",
    startsAt: new Date(Date.now() + 7 * 86400_000),
    capacity: 100,
    priceCents: 2500,
    currency: "EUR",
    published: true,
    cancelled: false,
  });
  await em.persistAndFlush(event);
  return event;
}

describe("orders", () => {
  let app: App;

  beforeEach(async () => {
    app = await createTestApp();
  });

  it("checkout creates a pending order and returns the Mollie checkout url", async () => {
    const event = await seedEvent(app);
    const { cookie } = await signIn(app.orm, "Ben");
    const body = await gql(
      app,
      `mutation ($eventId: ID!) { checkout(eventId: $eventId, quantity: 2, idempotencyKey: "k-1") { orderId checkoutUrl } }`,
      { eventId: event.id },
      { cookie },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.checkout.checkoutUrl).toContain("mollie.com/checkout");
    const order = await app.orm.em.fork().findOneOrFail(Order, { id: body.data.checkout.orderId });
    expect(order.status).toBe(OrderStatus.Pending);
    expect(order.amountCents).toBe(5000);
    expect(order.paymentId).toBe("tr_test1");
  });

  it("lists the viewer's orders", async () => {
    const event = await seedEvent(app);
    const { cookie } = await signIn(app.orm, "Cleo");
    await gql(app, `mutation ($e: ID!) { checkout(eventId: $e, quantity: 1, idempotencyKey: "k-2") { orderId } }`, { e: event.id }, { cookie });
    const res = await app.yoga.fetch("http://boxoffice.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query: "{ myOrders(first: 5) { id status amountCents event { title } } }" }),
    });
    await res.json();
  });

  it("does not show another buyer's order", async () => {
    const event = await seedEvent(app);
    const buyer = await signIn(app.orm, "Dana");
    const other = await signIn(app.orm, "Eli");
    const created = await gql(
      app,
      `mutation ($e: ID!) { checkout(eventId: $e, quantity: 1, idempotencyKey: "k-3") { orderId } }`,
      { e: event.id },
      { cookie: buyer.cookie },
    );
    const body = await gql(app, `query ($id: ID!) { order(id: $id) { id amountCents } }`, { id: created.data.checkout.orderId }, { cookie: other.cookie });
    expectGraphQLError(body, "FORBIDDEN");
  });

  it("refunds are admin-only", async () => {
    const { cookie } = await signIn(app.orm, "Finn");
    const body = await gql(app, `mutation { refundOrder(id: "00000000-0000-0000-0000-000000000000") { id } }`, {}, { cookie });
    expectGraphQLError(body, "FORBIDDEN");
    expect(app.deps.mollie.createRefund).not.toHaveBeenCalled();
  });
});
