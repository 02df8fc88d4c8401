import pino from 'pino';
import { env } from '$env/dynamic/private';

export const logger = pino({
	level: env.LOG_LEVEL ?? 'info',
	redact: ['req.headers.authorization', 'req.headers.cookie', '*.cardNumber'],
	base: { service: 'billing-portal' }
});
