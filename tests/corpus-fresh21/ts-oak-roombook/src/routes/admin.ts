import { Router } from "@oak/oak";
import { requireRole, type AppState } from "../middleware/auth.ts";
import { withClient } from "../db.ts";
import { exportUsageCsv } from "../services/notify.ts";

export const admin = new Router<AppState>();

admin.use(requireRole("admin"));

admin.get("/usage", async (ctx) => {
  const rows = await withClient(async (c) =>
    (await c.queryObject<{ room: string; hours: number }>`
      SELECT r.name AS room, coalesce(sum(extract(epoch FROM b.ends_at - b.starts_at)) / 3600, 0)::float AS hours
        FROM rooms r LEFT JOIN bookings b ON b.room_id = r.id AND b.cancelled_at IS NULL
       GROUP BY r.name ORDER BY hours DESC`).rows
  );
  ctx.response.body = rows;
});

admin.post("/usage/export", async (ctx) => {
  const rows = await withClient(async (c) =>
    (await c.queryObject<{ room: string; hours: number }>`
      SELECT r.name AS room, coalesce(sum(extract(epoch FROM b.ends_at - b.starts_at)) / 3600, 0)::float AS hours
        FROM rooms r LEFT JOIN bookings b ON b.room_id = r.id AND b.cancelled_at IS NULL
       GROUP BY r.name`).rows
  );
  ctx.response.body = { path: await exportUsageCsv(rows) };
});
