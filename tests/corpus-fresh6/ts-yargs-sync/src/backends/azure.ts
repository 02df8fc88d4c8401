import { Backend, type SnapshotInfo } from './backend.js';

export class AzureBackend extends Backend {
	override async list(prefix: string): Promise<SnapshotInfo[]> {
		void prefix;
		throw new Error('TODO: azure blob listing');
	}

	override async download(key: string, dest: string): Promise<void> {
		void key;
		void dest;
		throw new Error('TODO: azure blob download');
	}
}
