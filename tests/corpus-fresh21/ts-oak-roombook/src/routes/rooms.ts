import { Router, Status } from "@oak/oak";
import { requireRole, requireUser, type AppState } from "../middleware/auth.ts";
import { findAvailableRooms, listRooms, updateRoom } from "../services/bookings.ts";
import { withClient } from "../db.ts";

export const rooms = new Router<AppState>();

function parseRange(params: URLSearchParams): { from: Date; to: Date } {
  const from = new Date(params.get("from") ?? "");
  const to = new Date(params.get("to") ?? "");
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
    throw new RangeError("from/to must be ISO timestamps with from < to");
  }
  return { from, to };
}

rooms.get("/", requireUser, async (ctx) => {
  ctx.response.body = await listRooms(ctx.request.url.searchParams.get("building") ?? undefined);
});

rooms.get("/available", requireUser, async (ctx) => {
  const params = ctx.request.url.searchParams;
  let range;
  try {
    range = parseRange(params);
  } catch (err) {
    ctx.throw(Status.BadRequest, (err as Error).message);
  }
  const capacity = Number(params.get("capacity") ?? "1");
  ctx.response.body = await findAvailableRooms(range, capacity);
});

rooms.post("/", requireRole("facilities"), async (ctx) => {
  const body = await ctx.request.body.json();
  const id = crypto.randomUUID();
  await withClient((c) =>
    c.queryArray`INSERT INTO rooms (id, name, building, capacity, has_video)
                 VALUES (${id}, ${body.name}, ${body.building}, ${body.capacity}, ${Boolean(body.hasVideo)})`
  );
  ctx.response.status = Status.Created;
  ctx.response.body = { id };
});

rooms.patch("/:id", requireUser, async (ctx) => {
  const updated = await updateRoom(ctx.params.id, await ctx.request.body.json());
  if (!updated) {
    ctx.throw(Status.NotFound, "room not found");
  }
  ctx.response.body = updated;
});

rooms.delete("/:id", requireRole("facilities"), async (ctx) => {
  await withClient((c) => c.queryArray`DELETE FROM rooms WHERE id = ${ctx.params.id}`);
  ctx.response.status = Status.NoContent;
});
