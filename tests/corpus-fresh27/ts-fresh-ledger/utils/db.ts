import { config } from "./config.ts";

export interface Expense {
  id: string;
  teamId: string;
  authorId: string;
  amountCents: number;
  currency: string;
  description: string;
  status: "pending" | "approved" | "rejected";
  receiptKey?: string;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  teamId: string;
  passwordHash: string;
}

export const kv = await Deno.openKv(config.kvPath);

export async function getUserByEmail(email: string): Promise<User | null> {
  const res = await kv.get<User>(["users_by_email", email.toLowerCase()]);
  return res.value;
}

export async function getExpense(id: string): Promise<Expense | null> {
  const res = await kv.get<Expense>(["expenses", id]);
  return res.value;
}

export async function listExpenses(
  teamId: string,
  opts: { limit: number; cursor?: string },
): Promise<{ items: Expense[]; cursor: string }> {
  const iter = kv.list<Expense>({ prefix: ["expenses_by_team", teamId] }, {
    limit: opts.limit,
    reverse: true,
  });
  const items: Expense[] = [];
  for await (const entry of iter) items.push(entry.value);
  return { items, cursor: iter.cursor };
}

export async function saveExpense(expense: Expense): Promise<void> {
  const res = await kv.atomic()
    .set(["expenses", expense.id], expense)
    .set(["expenses_by_team", expense.teamId, expense.createdAt, expense.id], expense)
    .commit();
  if (!res.ok) throw new Error(`failed to persist expense ${expense.id}`);
}

export async function deleteExpense(expense: Expense): Promise<void> {
  await kv.atomic()
    .delete(["expenses", expense.id])
    .delete(["expenses_by_team", expense.teamId, expense.createdAt, expense.id])
    .commit();
}

export async function writeAudit(actorId: string, action: string, target: string): Promise<void> {
  const at = new Date().toISOString();
  await kv.set(["audit", at, crypto.randomUUID()], { actorId, action, target, at });
}

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
