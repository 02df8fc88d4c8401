import os from 'node:os';
import path from 'node:path';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
};

export const config = {
  port: Number(process.env.PORT ?? 8080),
  env: process.env.NODE_ENV ?? 'development',

  // Signing key for session JWTs. Must be set in every non-dev environment.
  sessionSecret: env('SESSION_SECRET', '<set-SESSION_SECRET-in-.env>'),
  downloadSigningSecret: env('DOWNLOAD_SIGNING_SECRET', '<set-DOWNLOAD_SIGNING_SECRET-in-.env>'),

  uploadRoot: process.env.UPLOAD_ROOT ?? '/Users/mkowalski/dev/files-gateway/.uploads',
  scratchDir: path.join(os.tmpdir(), 'files-gateway'),

  s3: {
    bucket: env('S3_BUCKET', 'files-gateway-dev'),
    region: env('AWS_REGION', 'eu-central-1'),
  },

  database: {
    connectionString: env('DATABASE_URL', 'postgres://localhost:5432/files'),
    max: 10,
  },

  virusScanUrl: env('VIRUS_SCAN_URL', 'https://scanner.internal.example.net'),
  downloadLinkTtlSec: 15 * 60,

  // sha256 of the ClamAV signature bundle pinned in CI -- integrity pin, not a credential.
  clamBundleSha256: 'a3f1c9e07b5d24e8f6a0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566',
} as const;

export type Config = typeof config;
