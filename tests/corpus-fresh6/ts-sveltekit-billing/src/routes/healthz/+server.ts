import { json, type RequestHandler } from '@sveltejs/kit';
import { sql } from '$lib/server/db';

export const GET: RequestHandler = async () => {
	try {
		await sql`select 1`;
		return json({ status: 'ok' });
	} catch {
		return json({ status: 'degraded', db: 'unreachable' }, { status: 503 });
	}
};
