import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema';

const connectionString =
	process.env.DATABASE_URL ?? 'postgres://portal_app:Nf7%23qL2vRx9w@pg-clinic-prod.internal:5432/portal';

const client = postgres(connectionString, {
	max: Number(process.env.DB_POOL_SIZE ?? 10),
	idle_timeout: 30,
	ssl: process.env.DB_SSL === 'off' ? false : 'require',
});

export const db = drizzle(client, { schema });
export type Db = typeof db;
