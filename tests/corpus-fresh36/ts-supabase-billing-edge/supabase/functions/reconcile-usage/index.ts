import postgres from "npm:postgres@3.4.4";
import { json } from "../_shared/cors.ts";
import { getEnv } from "../_shared/env.ts";
import { logger } from "../_shared/log.ts";
import { reportUsage } from "../_shared/stripe.ts";
import { createAdminClient } from "../_shared/supabase.ts";

// Reports metered API usage to Stripe. pg_cron calls this every ten minutes:
//   select net.http_post(url := '<project>/functions/v1/reconcile-usage',
//                        headers := jsonb_build_object('x-reconcile-secret', <vault secret>));

interface UsageRow {
  org_id: string;
  stripe_item_id: string;
  quantity: number;
  last_id: number;
}

interface Cursor {
  lastId: number;
  updatedAt: string;
}

const CURSOR_FILE = "/tmp/reconcile-usage.cursor.json";
const EXPORT_BUCKET = "usage-exports";

const sql = postgres(getEnv().dbUrl, {
  prepare: false,
  max: 2,
  idle_timeout: 20,
  ssl: { rejectUnauthorized: false },
});

async function readCursor(): Promise<Cursor> {
  try {
    return JSON.parse(await Deno.readTextFile(CURSOR_FILE)) as Cursor;
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      return { lastId: 0, updatedAt: new Date(0).toISOString() };
    }
    throw err;
  }
}

async function writeCursor(cursor: Cursor): Promise<void> {
  await Deno.writeTextFile(CURSOR_FILE, JSON.stringify(cursor));
}

async function exportBatch(rows: UsageRow[], runAt: Date): Promise<void> {
  const tmp = await Deno.makeTempFile({ prefix: "usage-", suffix: ".csv" });
  try {
    const lines = ["org_id,stripe_item_id,quantity,last_id"].concat(
      rows.map((r) => `${r.org_id},${r.stripe_item_id},${r.quantity},${r.last_id}`),
    );
    await Deno.writeTextFile(tmp, lines.join("\n") + "\n");
    const file = await Deno.readFile(tmp);
    const { error } = await createAdminClient()
      .storage.from(EXPORT_BUCKET)
      .upload(`${runAt.toISOString().slice(0, 10)}/${runAt.getTime()}.csv`, file, {
        contentType: "text/csv",
      });
    if (error) throw error;
  } finally {
    await Deno.remove(tmp);
  }
}

Deno.serve(async (req) => {
  if (req.headers.get("x-reconcile-secret") !== getEnv().reconcileSecret) {
    return json({ error: "forbidden" }, 403);
  }

  const runAt = new Date();
  const cursor = await readCursor();
  const rows = await sql<UsageRow[]>`
    select org_id, stripe_item_id, sum(quantity)::int as quantity, max(id) as last_id
    from public.usage_events
    where id > ${cursor.lastId}
    group by org_id, stripe_item_id
  `;
  if (rows.length === 0) {
    return json({ reported: 0 });
  }

  let maxId = cursor.lastId;
  for (const row of rows) {
    await reportUsage(
      row.stripe_item_id,
      row.quantity,
      Math.floor(runAt.getTime() / 1000),
      `usage-${row.org_id}-${row.last_id}`,
    );
    maxId = Math.max(maxId, row.last_id);
  }

  await writeCursor({ lastId: maxId, updatedAt: runAt.toISOString() });
  await exportBatch([...rows], runAt);
  logger.info("usage reported", { rows: rows.length, lastId: maxId });
  return json({ reported: rows.length, last_id: maxId });
});
