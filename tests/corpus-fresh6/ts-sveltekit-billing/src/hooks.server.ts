import { error, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { logger } from '$lib/server/logger';
import { readSession } from '$lib/server/session';

const PUBLIC_PREFIXES = ['/healthz', '/api/webhooks/', '/login'];

const withRequestId: Handle = async ({ event, resolve }) => {
	event.locals.requestId = event.request.headers.get('x-request-id') ?? randomUUID();
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	logger.info(
		{
			reqId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

const withSession: Handle = async ({ event, resolve }) => {
	event.locals.user = await readSession(event.cookies);
	return resolve(event);
};

const requireUser: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	if (PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) {
		return resolve(event);
	}
	if (!event.locals.user) {
		error(401, { message: 'authentication required', code: 'unauthenticated' });
	}
	return resolve(event);
};

const requireAdmin: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/admin') && event.locals.user?.role !== 'admin') {
		logger.warn({ user: event.locals.user?.id, path: event.url.pathname }, 'admin access denied');
		error(403, { message: 'forbidden', code: 'forbidden' });
	}
	return resolve(event);
};

export const handle: Handle = sequence(withRequestId, withSession, requireUser);

export const handleError: HandleServerError = ({ error: err, event }) => {
	logger.error({ err, reqId: event.locals.requestId }, 'unhandled error');
	return { message: 'internal error', code: 'internal' };
};
