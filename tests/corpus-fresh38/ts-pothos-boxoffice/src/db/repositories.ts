import { UniqueConstraintViolationException, type EntityManager } from "@mikro-orm/core";
import { Event, MailOutbox, Order, OrderStatus, Ticket, type User } from "./entities";

export interface OrderQuery {
  status?: OrderStatus | null;
  first: number;
}

export class OrderRepository {
  constructor(private readonly em: EntityManager) {}

  async findByBuyer(buyerId: string, query: OrderQuery): Promise<Order[]> {
    const where: Record<string, unknown> = { buyer: buyerId };
    if (query.status) {
      where.status = query.status;
    }
    return await this.em.find(Order, where, {
      orderBy: { createdAt: "desc" },
      limit: Math.min(query.first, 100),
      populate: ["event"],
    });
  }

  async findByPaymentId(paymentId: string): Promise<Order | null> {
    return await this.em.findOne(Order, { paymentId }, { populate: ["event", "buyer", "tickets"] });
  }

  async soldFor(eventId: string): Promise<number> {
    const orders = await this.em.find(Order, {
      event: eventId,
      status: { $in: [OrderStatus.Pending, OrderStatus.Paid] },
    });
    return orders.reduce((sum, o) => sum + o.quantity, 0);
  }

  async createPending(event: Event, buyer: User, quantity: number, idempotencyKey: string): Promise<Order> {
    const order = this.em.create(Order, {
      event,
      buyer,
      quantity,
      amountCents: quantity * event.priceCents,
      idempotencyKey,
      status: OrderStatus.Pending,
      createdAt: new Date(),
    });
    try {
      await this.em.persistAndFlush(order);
      return order;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        this.em.clear();
        const existing = await this.em.findOneOrFail(Order, { idempotencyKey, buyer: buyer.id });
        return existing;
      }
      throw err;
    }
  }

  async issueTickets(order: Order, generateCode: () => string): Promise<Ticket[]> {
    const tickets: Ticket[] = [];
    for (let i = 0; i < order.quantity; i++) {
      const ticket = this.em.create(Ticket, { order, code: generateCode(), holderName: order.buyer.name });
      tickets.push(ticket);
    }
    order.status = OrderStatus.Paid;
    await this.em.flush();
    return tickets;
  }

  async queueMail(kind: MailOutbox["kind"], orderId: string, error: unknown): Promise<void> {
    const row = this.em.create(MailOutbox, {
      kind,
      orderId,
      attempts: 1,
      lastError: String(error).slice(0, 2000),
      createdAt: new Date(),
    });
    await this.em.persistAndFlush(row);
  }
}
