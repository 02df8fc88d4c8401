import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { Event } from "../src/db/entities";
import { schema } from "../src/schema";
import { createTestApp, expectGraphQLError, gql, signIn } from "./helpers";

describe("events", () => {
  it("anonymous visitors see only published events", async () => {
    const app = await createTestApp();
    const { user: organizer } = await signIn(app.orm, "Olga", "organizer");
    const em = app.orm.em.fork();
    const base = { organizer, venue: "Pier 7", startsAt: new Date(Date.now() + 86400_000), capacity: 50, priceCents: 1500, currency: "EUR", cancelled: false };
    em.create(Event, { ...base, title: "Open Rehearsal", published: true });
    em.create(Event, { ...base, title: "Secret Gig", published: false });
    await em.flush();
    const body = await gql(app, "{ events { title remaining } }");
    expect(body.data.events).toEqual([{ title: "Open Rehearsal", remaining: 50 }]);
  });

  it("customers cannot publish events", async () => {
    const app = await createTestApp();
    const { user: organizer } = await signIn(app.orm, "Olga", "organizer");
    const em = app.orm.em.fork();
    const event = em.create(Event, {
      organizer,
      title: "Draft",
      venue: "Hall B",
      startsAt: new Date(Date.now() + 86400_000),
      capacity: 10,
      priceCents: 0,
      currency: "EUR",
      published: false,
      cancelled: false,
    });
    await em.flush();
    const { cookie } = await signIn(app.orm, "Mallory");
    expectGraphQLError(await gql(app, `mutation ($id: ID!) { publishEvent(id: $id) { id } }`, { id: event.id }, { cookie }), "FORBIDDEN");
  });

  it("schema is stable", () => {
    expect(printSchema(schema)).toMatchSnapshot();
  });
});
