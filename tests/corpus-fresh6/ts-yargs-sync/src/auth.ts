import type { MiddlewareFunction } from 'yargs';
import { ApiClient } from './http.js';
import { loadConfig } from './config.js';

/**
 * yargs middleware: resolves the caller against the API and refuses to run
 * destructive commands unless the token carries the `operator` role.
 */
export const requireOperator: MiddlewareFunction = async (argv) => {
	const config = await loadConfig(argv.config as string | undefined);
	const client = new ApiClient({ baseUrl: config.apiUrl, token: config.token, insecure: Boolean(argv.insecure) });
	const me = await client.whoami();
	if (!me.roles.includes('operator')) {
		throw new Error(`user ${me.login} is not an operator; refusing to continue`);
	}
	argv.operator = me.login;
};
