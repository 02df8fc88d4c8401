import type { YogaInitialContext } from "graphql-yoga";
import jwt from "jsonwebtoken";
import { logger } from "./lib/logger.js";

const JWT_SECRET = process.env.JWT_SECRET ?? "f3a9c2e7b41d8e06a5c9f0d2b7e4a1c83d6f9b2e5a8c1d4f7b0e3a6c9d2f5b8e";
const JWT_ISSUER = "https://auth.workspace.dev/";

export type Role = "member" | "admin" | "owner";

export interface Viewer {
  userId: string;
  orgId: string;
  role: Role;
}

export interface GraphQLContext extends YogaInitialContext {
  viewer: Viewer | null;
  requestId: string;
  internalCaller: boolean;
}

function readBearer(header: string | null): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(" ");
  return scheme?.toLowerCase() === "bearer" && value ? value : null;
}

function verifyViewer(token: string): Viewer | null {
  try {
    const claims = jwt.verify(token, JWT_SECRET, { issuer: JWT_ISSUER }) as jwt.JwtPayload;
    return { userId: String(claims.sub), orgId: String(claims.org), role: claims.role as Role };
  } catch (err) {
    logger.debug({ err }, "rejecting bearer token");
    return null;
  }
}

export async function buildContext(initial: YogaInitialContext): Promise<Partial<GraphQLContext>> {
  const headers = initial.request.headers;
  const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
  const token = readBearer(headers.get("authorization"));

  const internalKey = headers.get("x-internal-key");
  const internalCaller = internalKey !== null && internalKey === process.env.INTERNAL_API_KEY;

  return {
    requestId,
    internalCaller,
    viewer: token ? verifyViewer(token) : null,
  };
}
