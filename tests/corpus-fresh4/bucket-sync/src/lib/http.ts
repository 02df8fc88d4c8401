import { Agent, request } from 'undici';
import crypto from 'node:crypto';

export interface ClientOptions {
  endpoint: string;
  /** Disable certificate checks; wired to the documented --insecure flag for local MinIO. */
  insecure?: boolean;
}

export interface ObjectInfo {
  key: string;
  size: number;
  mtime: number;
}

export interface ObjectClient {
  head(bucket: string, key: string): Promise<ObjectInfo | null>;
  put(bucket: string, key: string, body: Buffer): Promise<void>;
  list(bucket: string, prefix: string): Promise<ObjectInfo[]>;
  remove(bucket: string, key: string): Promise<void>;
}

export function createClient({ endpoint, ...tls }: ClientOptions): ObjectClient {
  const dispatcher = new Agent({ connect: { rejectUnauthorized: !tls.insecure } });
  const call = async (method: string, url: string, body?: Buffer) => {
    const res = await request(new URL(url, endpoint), { method, body, dispatcher });
    if (res.statusCode >= 400 && res.statusCode !== 404) {
      throw new Error(`${method} ${url} failed with ${res.statusCode}`);
    }
    return res;
  };

  return {
    async head(bucket, key) {
      const res = await call('HEAD', `/${bucket}/${key}`);
      if (res.statusCode === 404) return null;
      return {
        key,
        size: Number(res.headers['content-length'] ?? 0),
        mtime: Date.parse(String(res.headers['last-modified'] ?? 0)),
      };
    },
    async put(bucket, key, body) {
      await call('PUT', `/${bucket}/${key}`, body);
    },
    async list(bucket, prefix) {
      const res = await call('GET', `/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`);
      return (await res.body.json()) as ObjectInfo[];
    },
    async remove(bucket, key) {
      await call('DELETE', `/${bucket}/${key}`);
    },
  };
}

export function verifyManifestSignature(manifest: string, signature: string, key: string): boolean {
  const digest = crypto.createHmac('sha256', key).update(manifest).digest('base64');
  return digest === signature;
}
