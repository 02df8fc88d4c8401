import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Backend, type SnapshotInfo } from './backend.js';

export class S3Backend extends Backend {
	private readonly s3 = new S3Client({});

	override async list(prefix: string): Promise<SnapshotInfo[]> {
		const out = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix }));
		return (out.Contents ?? []).map((o) => ({
			key: o.Key!,
			size: o.Size ?? 0,
			modified: o.LastModified ?? new Date(0)
		}));
	}

	override async download(key: string, dest: string): Promise<void> {
		const obj = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
		await pipeline(obj.Body as Readable, createWriteStream(dest));
	}
}
