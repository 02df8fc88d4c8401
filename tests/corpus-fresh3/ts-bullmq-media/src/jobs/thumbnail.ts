import { runFfmpeg } from './transcode';

export async function extractPoster(src: string, dest: string, atSeconds = 1): Promise<void> {
  await runFfmpeg([
    '-hide_banner',
    '-y',
    '-ss',
    String(atSeconds),
    '-i',
    src,
    '-frames:v',
    '1',
    '-q:v',
    '3',
    dest,
  ]);
}

/**
 * Contact-sheet sprite used by the player's scrubber preview.
 * One tile every `intervalSec` seconds, `columns` tiles per row.
 */
export async function generateSprite(src: string, dest: string, columns: number, intervalSec = 10): Promise<void> {
  throw new Error('generateSprite: not implemented');
}

export function spriteKey(assetId: string): string {
  return `${assetId}/sprite.jpg`;
}
