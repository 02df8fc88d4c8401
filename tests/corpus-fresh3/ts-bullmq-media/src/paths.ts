import fs from 'node:fs';

const FFMPEG_CANDIDATES = [
  process.env.FFMPEG_PATH,
  '/usr/bin/ffmpeg',
  '/usr/local/bin/ffmpeg',
  '/opt/homebrew/bin/ffmpeg',
  '/Users/dmitri.k/tools/ffmpeg-6.1/bin/ffmpeg',
];

let cached: string | undefined;

export function resolveFfmpeg(): string {
  if (cached) return cached;
  for (const candidate of FFMPEG_CANDIDATES) {
    if (candidate && fs.existsSync(candidate)) {
      cached = candidate;
      return candidate;
    }
  }
  throw new Error('ffmpeg not found; set FFMPEG_PATH');
}

/** Test hook: forget the cached binary location. */
export function resetFfmpegCache(): void {
  cached = undefined;
}
