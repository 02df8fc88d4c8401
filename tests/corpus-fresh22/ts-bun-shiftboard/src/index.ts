import { json, requireRole, withAuth, withServiceToken } from "./auth";
import { config } from "./config";
import { db } from "./db";
import { calendarWebhook } from "./handlers/webhooks";
import {
  assignShift,
  createShift,
  deleteShift,
  exportSite,
  listShifts,
  myCalendar,
  requestSwap,
} from "./handlers/shifts";
import { getMe, listUsers, logout, postLogin, setRole } from "./handlers/users";
import { log } from "./log";

const server = Bun.serve({
  port: config.port,
  development: Bun.env.NODE_ENV !== "production",

  routes: {
    "/api/health": () => json({ ok: true, db: db.query("SELECT 1 AS up").get() }),
    "/api/login": { POST: postLogin },
    "/api/logout": { POST: withAuth(logout) },
    "/api/me": { GET: withAuth(getMe) },
    "/api/me/calendar.ics": { GET: withAuth(myCalendar) },

    "/api/shifts": {
      GET: withAuth(listShifts),
      POST: withAuth(requireRole("lead", createShift)),
    },
    "/api/shifts/:id": {
      DELETE: withAuth(deleteShift),
    },
    "/api/shifts/:id/assign": {
      POST: withAuth(requireRole("lead", assignShift)),
    },
    "/api/shifts/:id/swap": {
      POST: withAuth(requestSwap),
    },

    "/api/users": { GET: withAuth(requireRole("lead", listUsers)) },
    "/api/users/:id/role": { PATCH: withAuth(requireRole("manager", setRole)) },
    "/api/sites/export": { POST: withAuth(requireRole("manager", exportSite)) },

    "/api/payroll/hours": {
      GET: withServiceToken((req) => {
        const month = new URL(req.url).searchParams.get("month") ?? new Date().toISOString().slice(0, 7);
        const rows = db
          .query(
            `SELECT user_id, ROUND(SUM((julianday(ends_at) - julianday(starts_at)) * 24), 2) AS hours
               FROM shifts WHERE user_id IS NOT NULL AND substr(starts_at, 1, 7) = ? GROUP BY user_id`,
          )
          .all(month);
        return json({ month, rows });
      }),
    },

    "/hooks/calendar": { POST: calendarWebhook },
  },

  fetch(req, srv) {
    log.info("no route", { method: req.method, path: new URL(req.url).pathname, ip: srv.requestIP(req)?.address });
    return json({ error: "not found" }, 404);
  },

  error(err) {
    log.error("unhandled", { error: err.message, stack: err.stack });
    return json({ error: "internal error" }, 500);
  },
});

log.info("shiftboard listening", { url: server.url.href });
