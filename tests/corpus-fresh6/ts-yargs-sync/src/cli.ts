#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { requireOperator } from './auth.js';
import { pullBuilder, pullHandler } from './commands/pull.js';
import { purgeBuilder, purgeHandler } from './commands/purge.js';
import { rotateBuilder, rotateHandler } from './commands/rotate.js';

await yargs(hideBin(process.argv))
	.scriptName('syncctl')
	.usage('$0 <command> [options]')
	.command('rotate-keys', 'rotate the catalog signing key', rotateBuilder, rotateHandler, [requireOperator])
	.option('config', { type: 'string', describe: 'path to config.json' })
	.option('insecure', {
		type: 'boolean',
		default: false,
		describe: 'skip TLS certificate verification (local dev only)'
	})
	.command('pull [prefix]', 'download catalog snapshots into the local cache', pullBuilder, pullHandler)
	.command('purge <catalog>', 'irreversibly delete a catalog and all its snapshots', purgeBuilder, purgeHandler)
	.demandCommand(1)
	.strict()
	.help()
	.fail((msg, err, y) => {
		console.error(err?.message ?? msg);
		if (!err) console.error(y.help());
		process.exit(1);
	})
	.parseAsync();
