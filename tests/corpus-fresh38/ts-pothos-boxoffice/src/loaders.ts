import type { EntityManager } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { Event, Order, OrderStatus, User } from "./db/entities";

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(em: EntityManager) {
  return {
    event: new DataLoader<string, Event | null>(async (ids) => byId(ids, await em.find(Event, { id: { $in: [...ids] } }))),
    user: new DataLoader<string, User | null>(async (ids) => byId(ids, await em.find(User, { id: { $in: [...ids] } }))),
    soldCount: new DataLoader<string, number>(async (eventIds) => {
      const orders = await em.find(Order, {
        event: { $in: [...eventIds] },
        status: { $in: [OrderStatus.Pending, OrderStatus.Paid] },
      });
      const totals = new Map<string, number>();
      for (const order of orders) {
        totals.set(order.event.id, (totals.get(order.event.id) ?? 0) + order.quantity);
      }
      return eventIds.map((id) => totals.get(id) ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
