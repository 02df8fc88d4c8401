import type { RequestHandler } from '@builder.io/qwik-city';
import { db } from '~/lib/db/client';
import { loadSession, SESSION_COOKIE } from '~/lib/session';

/**
 * Paths reachable without a session. The lab webhook authenticates each delivery with
 * an HMAC signature instead (see routes/api/lab-webhook).
 */
const PUBLIC_PREFIXES = ['/login/', '/password-reset/', '/api/lab-webhook/', '/favicon.svg', '/build/', '/assets/'];

export const onRequest: RequestHandler = async ({ cookie, sharedMap, url, redirect, error, headers }) => {
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Referrer-Policy', 'same-origin');

	const user = await loadSession(db, cookie.get('nfc_session')?.value);
	if (user) {
		sharedMap.set('user', user);
		return;
	}
	if (PUBLIC_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
		return;
	}
	if (url.pathname.startsWith('/api/')) {
		throw error(401, 'Authentication required');
	}
	throw redirect(302, `/login/?next=${encodeURIComponent(url.pathname + url.search)}`);
};

export { SESSION_COOKIE };
