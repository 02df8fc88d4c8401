import { assert, assertEquals } from "jsr:@std/assert@1";
import type { SupabaseClient } from "npm:@supabase/supabase-js@2";
import { claimEvent, listInvoices } from "../_shared/invoices.ts";

type Call = [string, ...unknown[]];

/** A PostgREST builder stand-in that records every filter applied to it. */
function fakeClient(result: { data?: unknown; error?: unknown }) {
  const calls: Call[] = [];
  const builder: Record<string, unknown> = {};
  for (const method of ["select", "eq", "lt", "order", "limit", "insert", "maybeSingle"]) {
    builder[method] = (...args: unknown[]) => {
      calls.push([method, ...args]);
      return builder;
    };
  }
  builder.then = (resolve: (v: unknown) => void) =>
    resolve({ data: result.data ?? null, error: result.error ?? null });
  const client = {
    from(table: string) {
      calls.push(["from", table]);
      return builder;
    },
  } as unknown as SupabaseClient;
  return { client, calls };
}

function assertFilter(calls: Call[], method: string, ...args: unknown[]) {
  const found = calls.some((c) => c[0] === method && JSON.stringify(c.slice(1)) === JSON.stringify(args));
  assert(found, `expected ${method}(${args.join(", ")}) in ${JSON.stringify(calls)}`);
}

Deno.test("listInvoices is scoped to the organization", async () => {
  const { client, calls } = fakeClient({ data: [] });
  await listInvoices(client, "org_42", { limit: 20 });
  assertFilter(calls, "eq", "org_id", "org_42");
});

Deno.test("listInvoices pages with the before cursor", async () => {
  const { client, calls } = fakeClient({ data: [] });
  await listInvoices(client, "org_42", { limit: 20, before: "2024-05-01T00:00:00Z" });
  assertFilter(calls, "lt", "created_at", "2024-05-01T00:00:00Z");
  assertFilter(calls, "limit", 20);
});

Deno.test("listInvoices filters by status", async () => {
  const { client } = fakeClient({ data: [{ id: "in_1", status: "open" }] });
  const rows = await listInvoices(client, "org_42", { status: "open", limit: 10 });
  console.log(`got ${rows.length} open invoices`);
});

Deno.test("claimEvent reports a redelivered event as already claimed", async () => {
  const { client } = fakeClient({ error: { code: "23505", message: "duplicate key" } });
  assertEquals(await claimEvent(client, "evt_1", "invoice.paid"), false);
});
