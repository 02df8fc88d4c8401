import { MikroORM } from "@mikro-orm/postgresql";
import type { AppConfig } from "../config";
import { logger } from "../log";
import { ENTITIES } from "./entities";

export async function initOrm(config: AppConfig): Promise<MikroORM> {
  return await MikroORM.init({
    clientUrl: config.databaseUrl,
    entities: ENTITIES,
    debug: config.env === "development",
    logger: (message) => logger.debug({ orm: true }, message),
    driverOptions: {
      connection: {
        ssl: config.env === "development" && !config.db.allowSelfSigned ? false : { rejectUnauthorized: !config.db.allowSelfSigned },
      },
    },
    pool: { min: 1, max: 10 },
    migrations: { path: "dist/migrations", pathTs: "src/migrations" },
  });
}
