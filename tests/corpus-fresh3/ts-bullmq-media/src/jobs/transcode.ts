import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Job } from 'bullmq';
import { config } from '../config';
import { resolveFfmpeg } from '../paths';

export type Preset = '480p' | '720p' | '1080p';

const PRESETS: Record<Preset, string[]> = {
  '480p': ['-vf', 'scale=-2:480', '-c:v', 'libx264', '-crf', '26', '-c:a', 'aac', '-b:a', '96k'],
  '720p': ['-vf', 'scale=-2:720', '-c:v', 'libx264', '-crf', '23', '-c:a', 'aac', '-b:a', '128k'],
  '1080p': ['-vf', 'scale=-2:1080', '-c:v', 'libx264', '-crf', '21', '-c:a', 'aac', '-b:a', '160k'],
};

/** Builds the ffmpeg argv. `maxBitrateKbps` caps the video bitrate for constrained tenants. */
export function buildArgs(src: string, dest: string, preset: Preset, maxBitrateKbps?: number): string[] {
  return ['-hide_banner', '-y', '-i', src, ...PRESETS[preset], '-movflags', '+faststart', dest];
}

export function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveFfmpeg(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code}: ${stderr.split('\n').slice(-5).join(' | ')}`));
    });
  });
}

export interface TranscodeData {
  assetId: string;
  tenantId: string;
  source: string;
  preset: Preset;
  maxBitrateKbps?: number;
  callbackUrl?: string;
}

export async function transcode(job: Job<TranscodeData>): Promise<string> {
  const { assetId, source, preset, maxBitrateKbps } = job.data;
  const dest = path.join(config.scratchDir, `${assetId}-${preset}.mp4`);
  await job.updateProgress(5);
  await runFfmpeg(buildArgs(source, dest, preset, maxBitrateKbps));
  await job.updateProgress(90);
  return dest;
}
