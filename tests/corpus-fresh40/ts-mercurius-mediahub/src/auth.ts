import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { MercuriusAuthOptions } from "mercurius-auth";
import type { Db, Role } from "./db.js";

export type Identity = {
  sub: string;
  role: Role;
  kind: "user" | "partner";
};

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export function sha256(value: string) {
  return createHash("sha256").update(value).digest("hex");
}

async function partnerIdentity(db: Db, apiKey: string): Promise<Identity | null> {
  const [partnerId, secret] = apiKey.split(".", 2);
  if (!partnerId || !secret) return null;
  const partner = await db
    .selectFrom("partners")
    .select(["id", "key_hash"])
    .where("id", "=", partnerId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (partner && partner.key_hash === sha256(secret)) {
    return { sub: partner.id, role: "EDITOR", kind: "partner" };
  }
  return null;
}

export async function identify(request: FastifyRequest, db: Db): Promise<Identity | null> {
  const apiKey = request.headers["x-api-key"];
  if (typeof apiKey === "string") {
    return partnerIdentity(db, apiKey);
  }
  if (!request.headers.authorization) return null;
  try {
    const claims = await request.jwtVerify<{ sub: string; role: Role }>();
    return { sub: claims.sub, role: claims.role, kind: "user" };
  } catch {
    return null;
  }
}

type AuthContext = { identity: Identity | null };

export const authOptions: MercuriusAuthOptions = {
  authDirective: "auth",
  authContext: async (context: any): Promise<AuthContext> => {
    if (context.reply) {
      return { identity: await identify(context.reply.request, context.db) };
    }
    return { identity: context.identity ?? null };
  },
  applyPolicy: async (authDirectiveAST, _parent, _args, context: any, _info) => {
    const identity: Identity | null = context.auth?.identity ?? null;
    if (!identity) return new Error("authentication required");
    const requires = authDirectiveAST.arguments?.find((arg: any) => arg.name.value === "requires");
    const required = (requires?.value.kind === "EnumValue" ? requires.value.value : "VIEWER") as Role;
    return RANK[identity.role] >= RANK[required];
  },
};
