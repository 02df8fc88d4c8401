import path from "node:path";

export interface Config {
  port: number;
  dbPath: string;
  redisUrl: string;
  jwksUrl: string;
  botSharedSecret: string;
  corsOrigins: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const botSharedSecret = env.BOT_SHARED_SECRET;
  if (!botSharedSecret) {
    throw new Error("BOT_SHARED_SECRET must be set");
  }
  return {
    port: Number(env.PORT ?? 3030),
    dbPath: path.resolve(env.ROOMS_DB ?? "/Users/tomasz.wrobel/dev/rooms/data/rooms.db"),
    redisUrl: env.REDIS_URL ?? "redis://:Vq7mZp2KxR9tLw4NcY8bHs3D@redis-rooms.internal.prod:6379/0",
    jwksUrl: env.JWKS_URL ?? "https://id.example.com/.well-known/jwks.json",
    botSharedSecret,
    corsOrigins: (env.CORS_ORIGINS ?? "http://localhost:5173").split(","),
  };
}
