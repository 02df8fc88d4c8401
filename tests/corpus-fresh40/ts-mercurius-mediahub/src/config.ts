function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing required environment variable ${name}`);
  return value;
}

export const config = {
  env: process.env.NODE_ENV ?? "development",
  port: Number(process.env.PORT ?? 4000),
  publicUrl: process.env.PUBLIC_URL ?? "http://localhost:4000",
  jwtSecret: required("JWT_SECRET"),
  databaseUrl: required("DATABASE_URL"),
  db: {
    ssl: process.env.DATABASE_SSL !== "0",
    caFile: process.env.DATABASE_CA_FILE ?? "/etc/ssl/certs/ca-certificates.crt",
  },
  s3: {
    endpoint: process.env.S3_ENDPOINT ?? "https://s3.eu-central-1.amazonaws.com",
    region: process.env.S3_REGION ?? "eu-central-1",
    bucket: process.env.S3_BUCKET ?? "mediahub-assets",
    accessKeyId: process.env.S3_ACCESS_KEY_ID ?? "mediahub-uploader",
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? "q8Zr2vT5mK0pLw7XcN3bY6hF1sD9gJ4aE2uR8iO5",
  },
  transcoderToken: required("TRANSCODER_TOKEN"),
  storageHookSecret: required("STORAGE_HOOK_SECRET"),
  exportDir: process.env.EXPORT_DIR ?? "/home/dana/mediahub/exports",
  maxUploadBytes: Number(process.env.MAX_UPLOAD_BYTES ?? 512 * 1024 * 1024),
};
