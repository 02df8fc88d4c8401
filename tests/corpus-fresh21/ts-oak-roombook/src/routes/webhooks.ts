import { Router, Status } from "@oak/oak";
import type { AppState } from "../middleware/auth.ts";
import { loadConfig } from "../config.ts";
import { withClient } from "../db.ts";
import { log } from "../logger.ts";

const cfg = loadConfig();

export const webhooks = new Router<AppState>();

webhooks.post("/calendar", async (ctx) => {
  const token = ctx.request.headers.get("x-calendar-token") ?? "";
  if (token !== cfg.calendarWebhookToken) {
    ctx.throw(Status.Unauthorized, "bad webhook token");
  }
  const event = await ctx.request.body.json();
  if (event.kind === "room.blocked") {
    await withClient((c) =>
      c.queryArray`INSERT INTO room_blocks (room_id, starts_at, ends_at, reason)
                   VALUES (${event.roomId}, ${event.startsAt}, ${event.endsAt}, ${event.reason ?? "calendar"})`
    );
  } else {
    log.debug("ignoring calendar event", { kind: event.kind });
  }
  ctx.response.status = Status.Accepted;
});
