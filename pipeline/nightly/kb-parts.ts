// How a KB sits on its git branch: append-only files become add-only parts. Each push adds one directory
// `parts/<seq>-<label>/` holding, per KB file, the lines it adds (gzip), so old blobs never change, a
// push sends only its own rows and no file grows past a host's size limit. Pure: names and bytes.
import { gunzipSync, gzipSync } from "node:zlib";

export const PARTS_DIR = "parts";
const PART = /^parts\/(\d{6,})-[A-Za-z0-9._-]+\/([^/]+\.jsonl)\.gz$/;

export interface PartFile {
  /** Path inside the branch, e.g. parts/000003-night-1234/scrum_reviews.jsonl.gz. */
  path: string;
  content: Buffer;
}

/** The directory of the next part: one past the highest sequence on the branch. */
export function nextPartDir(paths: readonly string[], label: string): string {
  const seq = paths.reduce((m, p) => {
    const hit = PART.exec(p);
    return hit ? Math.max(m, Number(hit[1])) : m;
  }, 0) + 1;
  const safe = label.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 60) || "kb";
  return `${PARTS_DIR}/${String(seq).padStart(6, "0")}-${safe}`;
}

/** Level 1: a tenth of the bytes at a fraction of level 6's time; the rows are the same either way. */
export function encodePart(lines: readonly string[]): Buffer {
  return gzipSync(Buffer.from(lines.join("\n") + "\n", "utf8"), { level: 1 });
}

/** The KB's files from its parts (each file's parts in sequence order), as the bytes `kb pull` writes. */
export function bytesFromParts(parts: readonly PartFile[]): Record<string, Buffer> {
  const chunks: Record<string, Buffer[]> = {};
  const sorted = parts.flatMap((p) => {
    const hit = PART.exec(p.path);
    return hit ? [{ ...p, seq: Number(hit[1]), file: hit[2]! }] : [];
  }).sort((a, b) => a.seq - b.seq || (a.path < b.path ? -1 : 1));
  for (const p of sorted) (chunks[p.file] ??= []).push(gunzipSync(p.content));
  return Object.fromEntries(Object.entries(chunks).map(([f, bufs]) => [f, Buffer.concat(bufs)]));
}

/** The parts of one push: the planned lines of each file, gzipped, under `dir`. */
export function partFiles(dir: string, append: Record<string, readonly string[]>): PartFile[] {
  return Object.entries(append).filter(([, l]) => l.length).map(([file, lines]) => ({ path: `${dir}/${file}.gz`, content: encodePart(lines) }));
}
