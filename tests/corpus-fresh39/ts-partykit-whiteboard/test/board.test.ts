import { beforeEach, describe, expect, it, vi } from "vitest";
import BoardServer from "../src/board";

type Sent = { id: string; payload: unknown };

function fakeConnection(id: string, state: Record<string, unknown>, outbox: Sent[]) {
  return {
    id,
    state,
    setState: vi.fn(),
    close: vi.fn(),
    send: (msg: string) => outbox.push({ id, payload: JSON.parse(msg) }),
  };
}

function fakeRoom(connections: ReturnType<typeof fakeConnection>[], outbox: Sent[]) {
  const store = new Map<string, unknown>();
  return {
    id: "board-1",
    env: { MAX_SHAPES: "100", LOBBY_INTERNAL_KEY: "k" },
    storage: {
      get: vi.fn(async (k: string) => store.get(k)),
      put: vi.fn(async (k: string, v: unknown) => void store.set(k, v)),
      deleteAll: vi.fn(async () => store.clear()),
    },
    broadcast: vi.fn((msg: string, without: string[] = []) => {
      for (const c of connections) if (!without.includes(c.id)) outbox.push({ id: c.id, payload: JSON.parse(msg) });
    }),
    getConnection: (id: string) => connections.find((c) => c.id === id),
    getConnections: () => connections,
    context: { parties: { lobby: { get: () => ({ fetch: vi.fn(async () => new Response(null, { status: 204 })) }) } } },
  };
}

function expectBroadcastTo(outbox: Sent[], connectionId: string, type: string) {
  expect(outbox.filter((m) => m.id === connectionId).map((m) => (m.payload as { type: string }).type)).toContain(type);
}

describe("BoardServer messages", () => {
  let outbox: Sent[];
  let owner: ReturnType<typeof fakeConnection>;
  let viewer: ReturnType<typeof fakeConnection>;
  let server: BoardServer;

  beforeEach(async () => {
    outbox = [];
    owner = fakeConnection("c-owner", { userId: "u1", orgId: "o1", name: "Ana", role: "owner" }, outbox);
    viewer = fakeConnection("c-viewer", { userId: "u2", orgId: "o1", name: "Ben", role: "viewer" }, outbox);
    server = new BoardServer(fakeRoom([owner, viewer], outbox) as never);
    await server.onStart();
  });

  it("refuses edits from viewers", async () => {
    await server.onMessage(
      JSON.stringify({ type: "upsert", shapes: [{ id: "s", kind: "rect", x: 0, y: 0, color: "#000000" }] }),
      viewer as never,
    );
    expect(outbox).toEqual([
      { id: "c-viewer", payload: { type: "error", code: "forbidden", message: "board is read-only for you" } },
    ]);
  });

  it("broadcasts an owner's clear to everyone", async () => {
    await server.onMessage(JSON.stringify({ type: "clear" }), owner as never);
    expectBroadcastTo(outbox, "c-viewer", "cleared");
    expectBroadcastTo(outbox, "c-owner", "cleared");
  });

  it("answers malformed input with a protocol error", async () => {
    await server.onMessage("{not json", owner as never);
    expect(outbox[0]?.payload).toMatchObject({ type: "error", code: "bad_message" });
  });
});
