import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { Event, Order, OrderStatus, Ticket } from "../db/entities";
import { OrderRepository } from "../db/repositories";
import { childLogger } from "../log";
import { EventRef } from "./events";

export const OrderStatusEnum = builder.enumType(OrderStatus, { name: "OrderStatus" });

export const TicketRef = builder.objectType(Ticket, {
  name: "Ticket",
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    holderName: t.exposeString("holderName"),
    scannedAt: t.expose("scannedAt", { type: "DateTime", nullable: true }),
  }),
});

export const OrderRef = builder.objectType(Order, {
  name: "Order",
  authScopes: (order, ctx) => (ctx.viewer !== null && order.buyer.id === ctx.viewer.id ? true : { admin: true }),
  fields: (t) => ({
    id: t.exposeID("id"),
    quantity: t.exposeInt("quantity"),
    amountCents: t.expose("amountCents", { type: "Money" }),
    status: t.expose("status", { type: OrderStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    event: t.field({ type: EventRef, resolve: (order) => order.event }),
    tickets: t.field({
      type: [TicketRef],
      resolve: async (order) => (order.status === OrderStatus.Paid ? await order.tickets.loadItems() : []),
    }),
  }),
});

const CheckoutSession = builder.simpleObject("CheckoutSession", {
  fields: (t) => ({
    orderId: t.id(),
    checkoutUrl: t.string(),
  }),
});

builder.queryField("myOrders", (t) =>
  t.field({
    type: [OrderRef],
    authScopes: { loggedIn: true },
    args: {
      status: t.arg({ type: OrderStatusEnum, required: false }),
      first: t.arg.int({ defaultValue: 20 }),
    },
    resolve: (_root, { status, first }, ctx) =>
      new OrderRepository(ctx.em).findByBuyer(ctx.viewer!.id, { status, first: first ?? 20 }),
  }),
);

builder.queryField("order", (t) =>
  t.field({
    type: OrderRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.em.findOne(Order, { id: String(id) }, { populate: ["event", "buyer"] }),
  }),
);

builder.mutationField("checkout", (t) =>
  t.field({
    type: CheckoutSession,
    authScopes: { loggedIn: true },
    args: {
      eventId: t.arg.id({ required: true }),
      quantity: t.arg.int({ required: true }),
      idempotencyKey: t.arg.string({ required: true }),
    },
    resolve: async (_root, { eventId, quantity, idempotencyKey }, ctx) => {
      const log = childLogger(ctx.requestId);
      if (quantity < 1 || quantity > 10) {
        throw new GraphQLError("between 1 and 10 tickets per order", { extensions: { code: "BAD_USER_INPUT" } });
      }
      const event = await ctx.em.findOne(Event, { id: String(eventId), published: true, cancelled: false });
      if (event === null) {
        throw new GraphQLError("event not on sale", { extensions: { code: "NOT_FOUND" } });
      }
      const orders = new OrderRepository(ctx.em);
      if ((await orders.soldFor(event.id)) + quantity > event.capacity) {
        throw new GraphQLError("not enough tickets left", { extensions: { code: "SOLD_OUT" } });
      }
      const order = await orders.createPending(event, ctx.viewer!, quantity, idempotencyKey);
      const { config, mollie } = ctx.deps;
      const payment = await mollie.createPayment({
        amountCents: order.amountCents,
        currency: event.currency,
        description: `${quantity}x ${event.title}`,
        redirectUrl: `${config.publicUrl}/orders/${order.id}`,
        webhookUrl: `${config.publicUrl}/webhooks/mollie`,
        metadata: { orderId: order.id },
        idempotencyKey: `checkout-${order.id}`,
      });
      order.paymentId = payment.id;
      try {
        await ctx.em.flush();
      } catch {
        log.debug({ orderId: order.id }, "payment id not stored");
      }
      return { orderId: order.id, checkoutUrl: payment._links.checkout?.href ?? `${config.publicUrl}/orders/${order.id}` };
    },
  }),
);

builder.mutationField("cancelOrder", (t) =>
  t.field({
    type: OrderRef,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const order = await ctx.em.findOneOrFail(Order, { id: String(id) }, { populate: ["buyer", "event"] });
      if (order.buyer.id !== ctx.viewer!.id) {
        throw new GraphQLError("not your order", { extensions: { code: "FORBIDDEN" } });
      }
      if (order.status !== OrderStatus.Pending) {
        throw new GraphQLError("only pending orders can be cancelled", { extensions: { code: "BAD_USER_INPUT" } });
      }
      order.status = OrderStatus.Cancelled;
      await ctx.em.flush();
      return order;
    },
  }),
);

builder.mutationField("refundOrder", (t) =>
  t.field({
    type: OrderRef,
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const order = await ctx.em.findOneOrFail(Order, { id: String(id) }, { populate: ["buyer", "event"] });
      if (order.status !== OrderStatus.Paid || !order.paymentId) {
        throw new GraphQLError("order is not paid", { extensions: { code: "BAD_USER_INPUT" } });
      }
      await ctx.deps.mollie.createRefund(order.paymentId, order.amountCents, order.event.currency, `Refund ${order.id}`);
      order.status = OrderStatus.Refunded;
      await ctx.em.flush();
      await ctx.deps.mailer.sendRefundNotice(order);
      return order;
    },
  }),
);

builder.mutationField("transferTicket", (t) =>
  t.field({
    type: TicketRef,
    authScopes: { loggedIn: true },
    args: { ticketId: t.arg.id({ required: true }), toEmail: t.arg.string({ required: true }) },
    resolve: async () => {
      throw new GraphQLError("Ticket transfers are coming soon", { extensions: { code: "NOT_IMPLEMENTED" } });
    },
  }),
);
