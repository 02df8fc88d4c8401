export interface SnapshotInfo {
	key: string;
	size: number;
	modified: Date;
}

export class Backend {
	constructor(protected readonly bucket: string) {}

	/** Subclasses must override. */
	async list(_prefix: string): Promise<SnapshotInfo[]> {
		throw new Error(`${this.constructor.name}.list is abstract`);
	}

	async download(_key: string, _dest: string): Promise<void> {
		throw new Error(`${this.constructor.name}.download is abstract`);
	}
}
