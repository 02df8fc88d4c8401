import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { Event, Ticket, User } from "../db/entities";

export const UserRef = builder.objectType(User, {
  name: "User",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    email: t.exposeString("email", {
      authScopes: (user, _args, ctx) => (ctx.viewer !== null && ctx.viewer.id === user.id ? true : { admin: true }),
    }),
  }),
});

export const EventRef = builder.objectType(Event, {
  name: "Event",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    venue: t.exposeString("venue"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    priceCents: t.expose("priceCents", { type: "Money" }),
    currency: t.exposeString("currency"),
    published: t.exposeBoolean("published"),
    cancelled: t.exposeBoolean("cancelled"),
    remaining: t.int({
      resolve: async (event, _args, ctx) => Math.max(0, event.capacity - (await ctx.loaders.soldCount.load(event.id))),
    }),
    organizer: t.field({
      type: UserRef,
      nullable: true,
      resolve: (event, _args, ctx) => ctx.loaders.user.load(event.organizer.id),
    }),
    capacity: t.exposeInt("capacity", {
      authScopes: (event) => ({ organizerOf: event.id }),
    }),
  }),
});

const ScanResult = builder.simpleObject("ScanResult", {
  fields: (t) => ({
    valid: t.boolean(),
    holderName: t.string({ nullable: true }),
    reason: t.string({ nullable: true }),
  }),
});

const CreateEventInput = builder.inputType("CreateEventInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    venue: t.string({ required: true }),
    startsAt: t.field({ type: "DateTime", required: true }),
    capacity: t.int({ required: true }),
    priceCents: t.field({ type: "Money", required: true }),
    currency: t.string({ required: false }),
  }),
});

// The catalogue is public: anonymous visitors browse published events.
builder.queryField("events", (t) =>
  t.field({
    type: [EventRef],
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: (_root, { first }, ctx) =>
      ctx.em.find(
        Event,
        { published: true, cancelled: false, startsAt: { $gte: new Date() } },
        { orderBy: { startsAt: "asc" }, limit: Math.min(first ?? 20, 100) },
      ),
  }),
);

builder.queryField("event", (t) =>
  t.field({
    type: EventRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const event = await ctx.loaders.event.load(String(id));
      if (event === null) {
        return null;
      }
      if (event.published) {
        return event;
      }
      const isOrganizer = ctx.viewer !== null && (ctx.viewer.role === "admin" || event.organizer.id === ctx.viewer.id);
      return isOrganizer ? event : null;
    },
  }),
);

builder.mutationField("createEvent", (t) =>
  t.field({
    type: EventRef,
    authScopes: { organizer: true },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.capacity < 1) {
        throw new GraphQLError("capacity must be positive", { extensions: { code: "BAD_USER_INPUT" } });
      }
      const event = ctx.em.create(Event, {
        organizer: ctx.viewer!,
        title: input.title,
        venue: input.venue,
        startsAt: input.startsAt,
        capacity: input.capacity,
        priceCents: input.priceCents,
        currency: input.currency ?? "EUR",
        published: false,
        cancelled: false,
      });
      await ctx.em.persistAndFlush(event);
      return event;
    },
  }),
);

builder.mutationField("publishEvent", (t) =>
  t.field({
    type: EventRef,
    authScopes: (_root, args) => ({ organizerOf: String(args.id) }),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const event = await ctx.em.findOneOrFail(Event, { id: String(id) });
      event.published = true;
      await ctx.em.flush();
      return event;
    },
  }),
);

builder.mutationField("cancelEvent", (t) =>
  t.field({
    type: EventRef,
    authScopes: (_root, args) => ({ organizerOf: String(args.id) }),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const event = await ctx.em.findOneOrFail(Event, { id: String(id) });
      event.cancelled = true;
      event.published = false;
      await ctx.em.flush();
      return event;
    },
  }),
);

builder.mutationField("updateEventCapacity", (t) =>
  t.field({
    type: EventRef,
    args: { id: t.arg.id({ required: true }), capacity: t.arg.int({ required: true }) },
    resolve: async (_root, { id, capacity }, ctx) => {
      const event = await ctx.em.findOneOrFail(Event, { id: String(id) });
      const sold = await ctx.loaders.soldCount.load(event.id);
      if (capacity < sold) {
        throw new GraphQLError(`${sold} tickets are already sold`, { extensions: { code: "BAD_USER_INPUT" } });
      }
      event.capacity = capacity;
      await ctx.em.flush();
      return event;
    },
  }),
);

builder.mutationField("scanTicket", (t) =>
  t.field({
    type: ScanResult,
    authScopes: (_root, args) => ({ scannerFor: String(args.eventId) }),
    args: { eventId: t.arg.id({ required: true }), code: t.arg.string({ required: true }) },
    resolve: async (_root, { eventId, code }, ctx) => {
      const ticket = await ctx.em.findOne(Ticket, { code: code.trim().toUpperCase() }, { populate: ["order.event"] });
      if (ticket === null || ticket.order.event.id !== String(eventId)) {
        return { valid: false, holderName: null, reason: "unknown ticket" };
      }
      if (ticket.scannedAt) {
        return { valid: false, holderName: ticket.holderName, reason: `already scanned at ${ticket.scannedAt.toISOString()}` };
      }
      ticket.scannedAt = new Date();
      await ctx.em.flush();
      return { valid: true, holderName: ticket.holderName, reason: null };
    },
  }),
);
