import { createHmac, timingSafeEqual } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { Socket } from "socket.io";
import type { Config } from "../config.js";

export interface SocketUser {
  id: string;
  name: string;
  roles: string[];
  bot: boolean;
}

type Next = (err?: Error) => void;

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function authenticate(config: Config) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));

  return async (socket: Socket, next: Next) => {
    const { token, botId, botSignature } = socket.handshake.auth as Record<string, string | undefined>;
    try {
      if (botId && botSignature) {
        const expected = createHmac("sha256", config.botSharedSecret).update(botId).digest("hex");
        if (!safeEqual(botSignature, expected)) {
          return next(new Error("invalid bot signature"));
        }
        socket.data.user = { id: botId, name: `bot:${botId}`, roles: ["bot"], bot: true } satisfies SocketUser;
        return next();
      }
      if (!token) return next(new Error("missing token"));
      const { payload } = await jwtVerify(token, jwks, { audience: "rooms" });
      socket.data.user = {
        id: String(payload.sub),
        name: String(payload.name ?? payload.sub),
        roles: Array.isArray(payload.roles) ? (payload.roles as string[]) : [],
        bot: false,
      } satisfies SocketUser;
      next();
    } catch (err) {
      next(err instanceof Error ? err : new Error("authentication failed"));
    }
  };
}

export function requireRole(role: string) {
  return (socket: Socket, next: Next) => {
    const user = socket.data.user as SocketUser | undefined;
    if (user?.roles.includes(role)) return next();
    next(new Error(`requires role ${role}`));
  };
}

export function isOpsToken(config: Config, presented: string | undefined): boolean {
  if (!presented) return false;
  return presented === config.botSharedSecret;
}
