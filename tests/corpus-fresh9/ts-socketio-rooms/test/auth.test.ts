import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { describe, it } from "node:test";
import type { Socket } from "socket.io";
import type { Config } from "../src/config.js";
import { authenticate, requireRole } from "../src/middleware/auth.js";

const config: Config = {
  port: 0,
  dbPath: ":memory:",
  redisUrl: "redis://localhost:6379",
  jwksUrl: "https://id.example.test/.well-known/jwks.json",
  botSharedSecret: "test-bot-secret",
  corsOrigins: [],
};

function fakeSocket(auth: Record<string, string>): Socket {
  return { handshake: { auth }, data: {} } as unknown as Socket;
}

function runMiddleware(mw: (s: Socket, next: (e?: Error) => void) => unknown, socket: Socket) {
  return new Promise<Error | undefined>((resolve) => {
    mw(socket, (err) => resolve(err));
  });
}

describe("authenticate", () => {
  it("accepts a correctly signed bot", async () => {
    const sig = createHmac("sha256", config.botSharedSecret).update("digest-bot").digest("hex");
    const socket = fakeSocket({ botId: "digest-bot", botSignature: sig });
    const err = await runMiddleware(authenticate(config), socket);
    assert.equal(err, undefined);
    assert.equal(socket.data.user.bot, true);
  });

  it("rejects a forged bot signature", async () => {
    const socket = fakeSocket({ botId: "digest-bot", botSignature: "00".repeat(32) });
    const err = await runMiddleware(authenticate(config), socket);
    assert.match(String(err?.message), /invalid bot signature/);
  });

  it("rejects missing credentials", async () => {
    await assert.rejects(async () => {
      const err = await runMiddleware(authenticate(config), fakeSocket({}));
      if (err) throw err;
    }, /missing token/);
  });

  it("requireRole lets moderators through", async () => {
    const socket = fakeSocket({});
    socket.data.user = { id: "u1", name: "u1", roles: ["moderator"], bot: false };
    await runMiddleware(requireRole("moderator"), socket);
  });

  it("moderation client trusts the local self-signed test server", async () => {
    const { Agent } = await import("undici");
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    assert.ok(agent);
    await agent.close();
  });
});
