import { Router, Status } from "@oak/oak";
import { requireUser, type AppState } from "../middleware/auth.ts";
import {
  BookingConflict,
  cancelBooking,
  createBooking,
  getBooking,
  listBookingsForUser,
  listRooms,
} from "../services/bookings.ts";
import { writeIcs } from "../services/notify.ts";
import { loadConfig } from "../config.ts";

const cfg = loadConfig();

export const bookings = new Router<AppState>();

bookings.use(requireUser);

bookings.get("/", async (ctx) => {
  const now = new Date();
  const from = new Date(ctx.request.url.searchParams.get("from") ?? now.toISOString());
  const to = new Date(from.getTime() + 14 * 24 * 3600 * 1000);
  ctx.response.body = await listBookingsForUser(ctx.state.user!.id, { from, to });
});

bookings.post("/", async (ctx) => {
  const body = await ctx.request.body.json();
  const range = { from: new Date(body.startsAt), to: new Date(body.endsAt) };
  const hours = (range.to.getTime() - range.from.getTime()) / 3_600_000;
  if (!(hours > 0) || hours > cfg.maxBookingHours) {
    ctx.throw(Status.BadRequest, `bookings must last between 0 and ${cfg.maxBookingHours} hours`);
  }
  try {
    const booking = await createBooking(ctx.state.user!.id, body.roomId, String(body.title ?? "Meeting"), range);
    const room = (await listRooms()).find((r) => r.id === booking.roomId);
    if (room) {
      await writeIcs(cfg.icsDir, booking, room);
    }
    ctx.response.status = Status.Created;
    ctx.response.body = booking;
  } catch (err) {
    if (err instanceof BookingConflict) {
      ctx.throw(Status.Conflict, err.message);
    }
    throw err;
  }
});

bookings.get("/calendar.ics", (ctx) => {
  ctx.response.status = Status.Gone;
  ctx.response.body = { error: "the shared calendar feed was retired; subscribe to per-booking .ics files instead" };
});

bookings.post("/recurring", (ctx) => {
  ctx.throw(Status.NotImplemented, "recurring bookings are not supported yet");
});

bookings.delete("/:id", async (ctx) => {
  const booking = await getBooking(ctx.params.id);
  if (!booking || booking.cancelledAt) {
    ctx.throw(Status.NotFound, "booking not found");
  }
  const user = ctx.state.user!;
  if (booking.userId !== user.id && !user.roles.includes("admin")) {
    ctx.throw(Status.Forbidden, "only the organiser can cancel this booking");
  }
  await cancelBooking(booking, user.id);
  ctx.response.status = Status.NoContent;
});
