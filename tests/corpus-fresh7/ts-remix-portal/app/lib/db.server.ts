import { PrismaClient } from "@prisma/client";

declare global {
  // eslint-disable-next-line no-var
  var __db__: PrismaClient | undefined;
}

// Reuse the client across HMR reloads in development so we don't exhaust
// the connection pool.
export const db: PrismaClient = global.__db__ ?? new PrismaClient();

if (process.env.NODE_ENV !== "production") {
  global.__db__ = db;
}
