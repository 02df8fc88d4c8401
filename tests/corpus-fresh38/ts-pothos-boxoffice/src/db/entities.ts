import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from "@mikro-orm/core";

export enum OrderStatus {
  Pending = "PENDING",
  Paid = "PAID",
  Cancelled = "CANCELLED",
  Refunded = "REFUNDED",
}

export type UserRole = "customer" | "organizer" | "admin";

@Entity({ tableName: "users" })
export class User {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ unique: true })
  email!: string;

  @Property()
  name!: string;

  @Property({ type: "string" })
  role: UserRole = "customer";

  @Property()
  createdAt: Date = new Date();
}

@Entity({ tableName: "sessions" })
export class Session {
  @PrimaryKey()
  id!: string;

  @ManyToOne(() => User)
  user!: User;

  @Property()
  expiresAt!: Date;
}

@Entity({ tableName: "events" })
export class Event {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true })
  organizer!: Ref<User>;

  @Property()
  title!: string;

  @Property()
  venue!: string;

  @Property()
  startsAt!: Date;

  @Property()
  capacity!: number;

  @Property()
  priceCents!: number;

  @Property()
  currency: string = "EUR";

  @Property()
  published: boolean = false;

  @Property()
  cancelled: boolean = false;

  @OneToMany(() => Order, (order) => order.event)
  orders = new Collection<Order>(this);
}

@Entity({ tableName: "scanner_devices" })
export class ScannerDevice {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property()
  name!: string;

  @Property({ unique: true })
  tokenHash!: string;

  @ManyToOne(() => Event)
  event!: Event;

  @Property({ nullable: true })
  revokedAt?: Date;
}

@Entity({ tableName: "orders" })
export class Order {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @ManyToOne(() => Event)
  event!: Event;

  @ManyToOne(() => User)
  buyer!: User;

  @Property()
  quantity!: number;

  @Property()
  amountCents!: number;

  @Enum(() => OrderStatus)
  status: OrderStatus = OrderStatus.Pending;

  @Property({ nullable: true, index: true })
  paymentId?: string;

  @Property({ unique: true })
  idempotencyKey!: string;

  @Property()
  createdAt: Date = new Date();

  @OneToMany(() => Ticket, (ticket) => ticket.order)
  tickets = new Collection<Ticket>(this);
}

@Entity({ tableName: "tickets" })
export class Ticket {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @ManyToOne(() => Order)
  order!: Order;

  @Property({ unique: true })
  code!: string;

  @Property()
  holderName!: string;

  @Property({ nullable: true })
  scannedAt?: Date;
}

@Entity({ tableName: "mail_outbox" })
export class MailOutbox {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property()
  kind!: "order-confirmation" | "refund-notice";

  @Property()
  orderId!: string;

  @Property()
  attempts: number = 0;

  @Property({ nullable: true, type: "text" })
  lastError?: string;

  @Property()
  createdAt: Date = new Date();
}

export const ENTITIES = [User, Session, Event, ScannerDevice, Order, Ticket, MailOutbox];
