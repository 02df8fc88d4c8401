import type { SyncConfig } from '../config.js';
import { AzureBackend } from './azure.js';
import type { Backend } from './backend.js';
import { S3Backend } from './s3.js';

export function backendFor(config: SyncConfig): Backend {
	switch (config.backend) {
		case 's3':
			return new S3Backend(config.bucket);
		case 'azure':
			return new AzureBackend(config.bucket);
		default:
			throw new Error(`unknown backend ${String(config.backend)}`);
	}
}
