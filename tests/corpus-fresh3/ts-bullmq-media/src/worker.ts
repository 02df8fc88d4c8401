import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import path from 'node:path';
import { buildAdminApp } from './admin/dashboard';
import { notifyCallback } from './callbacks';
import { config } from './config';
import { extractPoster, generateSprite, spriteKey } from './jobs/thumbnail';
import { transcode, type TranscodeData } from './jobs/transcode';
import { uploadDerivative } from './storage/uploader';
import { recordUsage } from './usage';

const connection = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });

// BullMQ passes the lock token as the second argument; we don't extend locks manually.
export async function processor(job: Job, _token?: string): Promise<unknown> {
  switch (job.name) {
    case 'transcode': {
      const data = job.data as TranscodeData;
      const started = Date.now();
      const local = await transcode(job as Job<TranscodeData>);
      const url = await uploadDerivative(local, `${data.assetId}/${data.preset}.mp4`);
      await recordUsage({
        tenantId: data.tenantId,
        assetId: data.assetId,
        preset: data.preset,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      if (data.callbackUrl) await notifyCallback(data.callbackUrl, { assetId: data.assetId, url });
      return { url };
    }
    case 'poster': {
      const dest = path.join(config.scratchDir, `${job.data.assetId}-poster.jpg`);
      await extractPoster(job.data.source, dest, job.data.atSeconds ?? 1);
      return { url: await uploadDerivative(dest, `${job.data.assetId}/poster.jpg`, 'image/jpeg') };
    }
    case 'sprite': {
      const dest = path.join(config.scratchDir, `${job.data.assetId}-sprite.jpg`);
      await generateSprite(job.data.source, dest, 10);
      return { url: await uploadDerivative(dest, spriteKey(job.data.assetId), 'image/jpeg') };
    }
    default:
      throw new Error(`unknown job ${job.name}`);
  }
}

/** Used by the readiness probe script. */
export function testConnection(): Promise<string> {
  return connection.ping();
}

if (require.main === module) {
  const worker = new Worker(config.queueName, processor, { connection, concurrency: config.concurrency });
  worker.on('failed', (job, err) => console.error(`job ${job?.id} (${job?.name}) failed`, err));

  const admin = buildAdminApp([new Queue(config.queueName, { connection })]);
  admin.listen(Number(process.env.ADMIN_PORT ?? 3100));

  const shutdown = async () => {
    await worker.close();
    await connection.quit();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
