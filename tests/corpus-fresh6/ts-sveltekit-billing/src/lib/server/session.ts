import type { Cookies } from '@sveltejs/kit';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '$env/dynamic/private';
import { sql } from './db';

export interface SessionUser {
	id: string;
	email: string;
	role: 'admin' | 'accountant' | 'viewer';
	orgId: string;
}

const COOKIE = 'bp_session';

function sign(value: string): string {
	return createHmac('sha256', env.SESSION_SECRET).update(value).digest('base64url');
}

/** Cookie format: `<sessionId>.<signature>` */
export async function readSession(cookies: Cookies): Promise<SessionUser | null> {
	const raw = cookies.get(COOKIE);
	if (!raw) return null;

	const dot = raw.lastIndexOf('.');
	if (dot <= 0) return null;
	const id = raw.slice(0, dot);
	const given = Buffer.from(raw.slice(dot + 1));
	const expected = Buffer.from(sign(id));

	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return null;
	}

	const rows = await sql<SessionUser[]>`
		select u.id, u.email, u.role, u.org_id as "orgId"
		from sessions s join users u on u.id = s.user_id
		where s.id = ${id} and s.expires_at > now()
	`;
	return rows[0] ?? null;
}

export function writeSession(cookies: Cookies, sessionId: string): void {
	cookies.set(COOKIE, `${sessionId}.${sign(sessionId)}`, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: true,
		maxAge: 60 * 60 * 8
	});
}
