import type * as Party from "partykit/server";
import { log } from "./log";

export interface RoomSummary {
  id: string;
  orgId: string;
  title: string;
  shapes: number;
  updatedAt: number;
}

const INDEX_KEY = "rooms";

export default class LobbyServer implements Party.Server {
  private rooms = new Map<string, RoomSummary>();

  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect() {
    return new Response("The lobby does not accept websocket connections", { status: 400 });
  }

  async onStart() {
    const stored = await this.room.storage.get<RoomSummary[]>(INDEX_KEY);
    for (const summary of stored ?? []) this.rooms.set(summary.id, summary);
  }

  async onRequest(req: Party.Request) {
    if (req.headers.get("x-internal-key") !== this.room.env.LOBBY_INTERNAL_KEY) {
      return new Response("Forbidden", { status: 403 });
    }
    const url = new URL(req.url);
    const segments = url.pathname.split("/").filter(Boolean);
    const id = segments.at(-1) === "rooms" ? null : segments.at(-1);

    if (req.method === "GET" && url.searchParams.get("all") === "1") {
      return Response.json([...this.rooms.values()]);
    }
    if (req.method === "GET" && !id) {
      const org = url.searchParams.get("org");
      if (!org) return Response.json({ error: "org is required" }, { status: 400 });
      return Response.json(this.roomsForOrg(org));
    }
    if (req.method === "POST") {
      const summary = (await req.json()) as RoomSummary;
      if (!summary.id || !summary.orgId) return Response.json({ error: "id and orgId required" }, { status: 400 });
      this.rooms.set(summary.id, summary);
      await this.save();
      return new Response(null, { status: 204 });
    }
    if (req.method === "DELETE" && id) {
      const existed = this.rooms.delete(id);
      await this.save();
      log("info", "room removed from index", { room: id, existed });
      return new Response(null, { status: existed ? 204 : 404 });
    }
    return new Response("Method not allowed", { status: 405 });
  }

  roomsForOrg(orgId: string): RoomSummary[] {
    return [...this.rooms.values()].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 200);
  }

  private async save() {
    await this.room.storage.put(INDEX_KEY, [...this.rooms.values()]);
  }
}
