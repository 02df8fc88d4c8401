import fs from 'node:fs';
import https from 'node:https';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { config } from '../config';

function makeAgent(): https.Agent {
  if (config.insecureDevTls) {
    // local MinIO with a self-signed cert only; never set in the staging/prod manifests
    console.warn('[media-worker] MEDIA_INSECURE_DEV_TLS=1: TLS verification is DISABLED for S3 (dev only)');
    return new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  }
  return new https.Agent({ keepAlive: true });
}

const s3 = new S3Client({
  region: config.s3.region,
  endpoint: config.s3.endpoint,
  forcePathStyle: Boolean(config.s3.endpoint),
  requestHandler: new NodeHttpHandler({ httpsAgent: makeAgent() }),
});

export async function uploadDerivative(localPath: string, key: string, contentType = 'video/mp4'): Promise<string> {
  const { size } = await fs.promises.stat(localPath);
  await s3.send(
    new PutObjectCommand({
      Bucket: config.s3.bucket,
      Key: key,
      Body: fs.createReadStream(localPath),
      ContentLength: size,
      ContentType: contentType,
    }),
  );
  // scratch files are recreated on retry; a failed unlink only costs disk until the hourly sweep
  await fs.promises.unlink(localPath).catch(() => undefined);
  return `s3://${config.s3.bucket}/${key}`;
}
