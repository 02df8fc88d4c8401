import postgres from 'postgres';
import { env } from '$env/dynamic/private';

if (!env.DATABASE_URL) {
	throw new Error('DATABASE_URL must be set');
}

export const sql = postgres(env.DATABASE_URL, {
	max: Number(env.DB_POOL_SIZE ?? 10),
	idle_timeout: 30,
	ssl: env.NODE_ENV === 'production' ? 'require' : false,
	transform: postgres.camel
});
