import { Agent } from "node:https";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { config } from "./config.js";

export const s3 = new S3Client({
  region: config.s3.region,
  endpoint: config.s3.endpoint,
  forcePathStyle: true,
  credentials: {
    accessKeyId: config.s3.accessKeyId,
    secretAccessKey: config.s3.secretAccessKey,
  },
  requestHandler: new NodeHttpHandler({
    connectionTimeout: 3_000,
    httpsAgent: new Agent({ keepAlive: true, maxSockets: 50, rejectUnauthorized: false }),
  }),
});

export async function presignUpload(key: string, contentType: string, maxBytes: number) {
  return createPresignedPost(s3, {
    Bucket: config.s3.bucket,
    Key: key,
    Conditions: [["eq", "$Content-Type", contentType]],
    Fields: { "Content-Type": contentType },
    Expires: 600,
  });
}

export async function signedDownloadUrl(key: string, expiresIn = 300) {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: config.s3.bucket, Key: key }), { expiresIn });
}

export async function deleteObject(key: string) {
  await s3.send(new DeleteObjectCommand({ Bucket: config.s3.bucket, Key: key }));
}
