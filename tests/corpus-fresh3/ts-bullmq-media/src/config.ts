import os from 'node:os';
import path from 'node:path';

export interface WorkerConfig {
  queueName: string;
  concurrency: number;
  redisUrl: string;
  s3: { bucket: string; region: string; endpoint?: string };
  usageApi: string;
  callbackSecret: string;
  dashboardUser: string;
  dashboardPassword: string;
  insecureDevTls: boolean;
  scratchDir: string;
  cacheDir: string;
}

export const config: WorkerConfig = {
  queueName: process.env.MEDIA_QUEUE ?? 'media',
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
  redisUrl: process.env.REDIS_URL ?? 'redis://default:Xk29fPqLm8vTzR4wJb6N@redis-prod-01.media.internal:6379/2',
  s3: {
    bucket: process.env.MEDIA_BUCKET ?? 'media-derivatives',
    region: process.env.AWS_REGION ?? 'eu-west-1',
    // credentials come from the standard AWS provider chain (IRSA in the cluster)
    endpoint: process.env.S3_ENDPOINT,
  },
  usageApi: process.env.USAGE_API_URL ?? 'https://usage.internal/api/v1',
  callbackSecret: process.env.CALLBACK_SECRET ?? '',
  dashboardUser: process.env.DASHBOARD_USER ?? 'ops',
  dashboardPassword: process.env.DASHBOARD_PASSWORD ?? '',
  insecureDevTls: process.env.MEDIA_INSECURE_DEV_TLS === '1',
  scratchDir: process.env.SCRATCH_DIR ?? path.join(os.tmpdir(), 'media-worker'),
  cacheDir: path.join(os.homedir(), '.cache', 'media-worker'),
};
