import type * as Party from "partykit/server";
import { log } from "./log";
import { deliver, targetFromEnv } from "./webhooks";
import type { RoomSummary } from "./lobby";

/**
 * Operator endpoint: list boards across organisations and delete boards.
 * Only reachable over HTTP with the ADMIN_TOKEN bearer token.
 */
export default class AdminServer implements Party.Server {
  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect() {
    return new Response("Not found", { status: 404 });
  }

  static async onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    const header = req.headers.get("authorization") ?? "";
    const token = header.replace(/^Bearer\s+/i, "");
    if (!lobby.env.ADMIN_TOKEN || token !== lobby.env.ADMIN_TOKEN) {
      return new Response("Unauthorized", { status: 401 });
    }
    req.headers.set("x-admin-actor", req.headers.get("x-operator") ?? "unknown-operator");
    return req;
  }

  async onRequest(req: Party.Request) {
    const url = new URL(req.url);
    const [, action, boardId] = url.pathname.match(/\/(boards)(?:\/([^/]+))?(?:\/export)?$/) ?? [];
    if (action !== "boards") return new Response("Not found", { status: 404 });
    const lobby = this.room.context.parties.lobby.get("index");
    const internal = { "x-internal-key": String(this.room.env.LOBBY_INTERNAL_KEY) };

    if (req.method === "GET" && !boardId) {
      const res = await lobby.fetch("/rooms?all=1", { headers: internal });
      const rooms = (await res.json()) as RoomSummary[];
      return Response.json({ count: rooms.length, rooms });
    }

    if (req.method === "POST" && boardId && url.pathname.endsWith("/export")) {
      return Response.json({ error: "board export is not implemented" }, { status: 501 });
    }

    if (req.method === "DELETE" && boardId) {
      const actor = req.headers.get("x-admin-actor");
      const board = this.room.context.parties.main.get(boardId);
      const res = await board.fetch({ method: "DELETE", headers: internal });
      if (res.status !== 204) {
        return Response.json({ error: `board answered ${res.status}` }, { status: 502 });
      }
      const removed = await lobby.fetch(`/rooms/${encodeURIComponent(boardId)}`, { method: "DELETE", headers: internal });
      log("warn", "board deleted by operator", { board: boardId, actor, indexed: removed.status === 204 });
      const target = targetFromEnv(this.room.env);
      const orgId = url.searchParams.get("org") ?? "unknown";
      if (target) await deliver(target, { type: "board.deleted", boardId, orgId, by: actor ?? "operator" });
      return new Response(null, { status: 204 });
    }

    return new Response("Method not allowed", { status: 405 });
  }
}
