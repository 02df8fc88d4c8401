import type * as Party from "partykit/server";
import { canEdit, internalKeyMatches, tokenFrom, verifyInvite, verifySession, type Role } from "./auth";
import { log } from "./log";
import { applyEdit, emptyDoc, parseClientMessage, type BoardDoc, type ClientMessage, type ServerMessage } from "./protocol";
import { deliver, targetFromEnv } from "./webhooks";

interface ConnState {
  userId: string;
  orgId: string;
  name: string;
  role: Role;
}

interface BoardMeta {
  orgId: string;
  title: string;
  visibility: "org" | "public";
  createdBy: string;
}

const IDENTITY_HEADERS = ["x-user-id", "x-org-id", "x-user-name", "x-role"] as const;

export default class BoardServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };

  private doc: BoardDoc = emptyDoc();
  private meta: BoardMeta | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    const token = tokenFrom(req);
    if (!token) return new Response("Unauthorized", { status: 401 });
    try {
      const url = new URL(req.url);
      const invite = url.searchParams.get("invite");
      const identity = await verifySession(token, lobby.env);
      const role = invite ? await verifyInvite(invite, lobby.env, lobby.id) : identity.role;
      for (const h of IDENTITY_HEADERS) req.headers.delete(h);
      req.headers.set("x-user-id", identity.userId);
      req.headers.set("x-org-id", identity.orgId);
      req.headers.set("x-user-name", identity.name);
      req.headers.set("x-role", role);
      return req;
    } catch (err) {
      log("info", "connection rejected", { board: lobby.id, error: String(err) });
      return new Response("Unauthorized", { status: 401 });
    }
  }

  static async onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    const url = new URL(req.url);
    // Thumbnails of boards marked public are embedded on marketing pages;
    // onRequest checks the board's visibility before serving one.
    if (req.method === "GET" && url.pathname.endsWith("/thumbnail")) {
      return req;
    }
    const token = tokenFrom(req);
    if (!token) return new Response("Unauthorized", { status: 401 });
    try {
      const identity = await verifySession(token, lobby.env);
      for (const h of IDENTITY_HEADERS) req.headers.delete(h);
      req.headers.set("x-user-id", identity.userId);
      req.headers.set("x-org-id", identity.orgId);
      req.headers.set("x-role", identity.role);
      return req;
    } catch {
      return new Response("Unauthorized", { status: 401 });
    }
  }

  static async onFetch(req: Party.Request, lobby: Party.FetchLobby) {
    const url = new URL(req.url);
    if (url.pathname === "/health") {
      return Response.json({ ok: true, project: "inkwell-rooms" });
    }
    if (url.pathname === "/api/boards") {
      const token = tokenFrom(req);
      if (!token) return new Response("Unauthorized", { status: 401 });
      const identity = await verifySession(token, lobby.env).catch(() => null);
      if (!identity) return new Response("Unauthorized", { status: 401 });
      return lobby.parties.lobby.get("index").fetch(`/rooms?org=${encodeURIComponent(identity.orgId)}`, {
        headers: { "x-internal-key": String(lobby.env.LOBBY_INTERNAL_KEY) },
      });
    }
    return new Response("Not found", { status: 404 });
  }

  async onStart() {
    this.doc = (await this.room.storage.get<BoardDoc>("doc")) ?? emptyDoc();
    this.meta = (await this.room.storage.get<BoardMeta>("meta")) ?? null;
  }

  async onConnect(conn: Party.Connection<ConnState>, ctx: Party.ConnectionContext) {
    const h = ctx.request.headers;
    const state: ConnState = {
      userId: h.get("x-user-id")!,
      orgId: h.get("x-org-id")!,
      name: h.get("x-user-name") ?? "anonymous",
      role: (h.get("x-role") as Role) ?? "viewer",
    };
    if (this.meta && this.meta.orgId !== state.orgId && this.meta.visibility !== "public") {
      conn.close(4003, "board belongs to another organisation");
      return;
    }
    if (!this.meta) {
      this.meta = { orgId: state.orgId, title: "Untitled board", visibility: "org", createdBy: state.userId };
      await this.room.storage.put("meta", this.meta);
      await this.announce("created", state.userId);
    }
    conn.setState(state);
    this.send(conn, {
      type: "sync",
      shapes: Object.values(this.doc.shapes),
      locked: this.doc.locked,
      you: { id: conn.id, role: state.role },
    });
    this.broadcastPresence();
  }

  async onMessage(raw: string, sender: Party.Connection<ConnState>) {
    const state = sender.state;
    if (!state) return;
    let msg: ClientMessage;
    try {
      msg = parseClientMessage(raw);
    } catch {
      this.send(sender, { type: "error", code: "bad_message", message: "message did not match the protocol" });
      return;
    }
    switch (msg.type) {
      case "cursor":
        return this.handleCursor(sender, state, msg);
      case "upsert":
      case "delete":
        return this.handleEdit(sender, state, msg);
      case "clear":
        return this.handleClear(sender, state);
      case "lock":
        return this.handleLock(sender, state, msg.locked);
      case "kick":
        return this.handleKick(sender, state, msg.connectionId);
      case "apply-template":
        return this.handleApplyTemplate(sender, state, msg.templateId);
    }
  }

  async onRequest(req: Party.Request) {
    const url = new URL(req.url);
    if (req.method === "GET" && url.pathname.endsWith("/thumbnail")) {
      if (this.meta?.visibility !== "public") return new Response("Not found", { status: 404 });
      return Response.json({ title: this.meta.title, shapes: Object.values(this.doc.shapes).slice(0, 500) });
    }
    if (req.method === "DELETE") {
      if (!(await internalKeyMatches(req, this.room.env))) return new Response("Forbidden", { status: 403 });
      for (const conn of this.room.getConnections()) conn.close(4004, "board deleted");
      await this.room.storage.deleteAll();
      this.doc = emptyDoc();
      this.meta = null;
      return new Response(null, { status: 204 });
    }
    const orgId = req.headers.get("x-org-id");
    if (!this.meta || this.meta.orgId !== orgId) return new Response("Not found", { status: 404 });
    if (req.method === "GET") {
      return Response.json({ meta: this.meta, version: this.doc.version, shapes: Object.values(this.doc.shapes) });
    }
    if (req.method === "PATCH" && req.headers.get("x-role") === "owner") {
      const body = (await req.json()) as Partial<Pick<BoardMeta, "title" | "visibility">>;
      this.meta = { ...this.meta, ...body };
      await this.room.storage.put("meta", this.meta);
      return Response.json(this.meta);
    }
    return new Response("Method not allowed", { status: 405 });
  }

  async onClose(_conn: Party.Connection) {
    this.broadcastPresence();
    if ([...this.room.getConnections()].length === 0) {
      await this.persistNow();
    }
  }

  private handleCursor(sender: Party.Connection<ConnState>, state: ConnState, msg: { x: number; y: number }) {
    // Every participant shares a cursor, viewers included.
    this.room.broadcast(
      JSON.stringify({ type: "cursor", id: sender.id, name: state.name, x: msg.x, y: msg.y } satisfies ServerMessage),
      [sender.id],
    );
  }

  private handleEdit(sender: Party.Connection<ConnState>, state: ConnState, msg: ClientMessage) {
    if (!canEdit(state.role) || this.doc.locked) {
      this.send(sender, { type: "error", code: "forbidden", message: "board is read-only for you" });
      return;
    }
    try {
      this.doc = applyEdit(this.doc, msg, state.userId, Number(this.room.env.MAX_SHAPES ?? 20000));
    } catch (err) {
      this.send(sender, { type: "error", code: "rejected", message: String(err) });
      return;
    }
    const out: ServerMessage =
      msg.type === "upsert"
        ? { type: "upsert", shapes: msg.shapes, by: state.userId }
        : { type: "delete", ids: (msg as { ids: string[] }).ids, by: state.userId };
    this.room.broadcast(JSON.stringify(out), [sender.id]);
    this.schedulePersist();
  }

  private async handleClear(sender: Party.Connection<ConnState>, state: ConnState) {
    if (state.role !== "owner") {
      this.send(sender, { type: "error", code: "forbidden", message: "only owners can clear the board" });
      return;
    }
    this.doc = applyEdit(this.doc, { type: "clear" }, state.userId, 0);
    this.room.broadcast(JSON.stringify({ type: "cleared", by: state.userId } satisfies ServerMessage));
    await this.persistNow();
    await this.announce("cleared", state.userId);
  }

  private async handleLock(sender: Party.Connection<ConnState>, state: ConnState, locked: boolean) {
    if (state.role !== "owner") {
      this.send(sender, { type: "error", code: "forbidden", message: "only owners can lock the board" });
      return;
    }
    this.doc = applyEdit(this.doc, { type: "lock", locked }, state.userId, 0);
    this.room.broadcast(JSON.stringify({ type: "locked", locked } satisfies ServerMessage));
    await this.persistNow();
  }

  private async handleKick(sender: Party.Connection<ConnState>, state: ConnState, connectionId: string) {
    const target = this.room.getConnection(connectionId);
    if (!target || target.id === sender.id) return;
    log("info", "participant removed", { board: this.room.id, by: state.userId, target: connectionId });
    target.close(4001, "removed by a board owner");
  }

  private async handleApplyTemplate(_sender: Party.Connection<ConnState>, _state: ConnState, _templateId: string) {
    throw new Error("board templates are not implemented yet");
  }

  private send(conn: Party.Connection, msg: ServerMessage) {
    try {
      conn.send(JSON.stringify(msg));
    } catch {
      // The socket closed between the event and the reply; onClose handles presence.
    }
  }

  private broadcastPresence() {
    const users = [...this.room.getConnections<ConnState>()]
      .filter((c) => c.state)
      .map((c) => ({ id: c.id, name: c.state!.name }));
    this.room.broadcast(JSON.stringify({ type: "presence", users } satisfies ServerMessage));
  }

  private schedulePersist() {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.room.storage.put("doc", this.doc).catch(() => {});
    }, 2000);
  }

  private async persistNow() {
    if (this.persistTimer) {
      clearTimeout(this.persistTimer);
      this.persistTimer = null;
    }
    await this.room.storage.put("doc", this.doc);
    await this.room.context.parties.lobby.get("index").fetch("/rooms", {
      method: "POST",
      headers: { "x-internal-key": String(this.room.env.LOBBY_INTERNAL_KEY), "content-type": "application/json" },
      body: JSON.stringify({
        id: this.room.id,
        orgId: this.meta?.orgId,
        title: this.meta?.title,
        shapes: Object.keys(this.doc.shapes).length,
        updatedAt: Date.now(),
      }),
    });
  }

  private async announce(kind: "created" | "cleared", by: string) {
    const target = targetFromEnv(this.room.env);
    if (!target || !this.meta) return;
    await deliver(target, { type: `board.${kind}`, boardId: this.room.id, orgId: this.meta.orgId, by });
  }
}

BoardServer satisfies Party.Worker;
