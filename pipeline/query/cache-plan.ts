// The reviews cache's manifest and the pure decision of what to do with it: use it, append the JSONL's
// new tail as one more parquet part, or rebuild from scratch (the JSONL was truncated or rewritten).
import { z } from "zod";

/** Bump when REVIEW_SELECT or the part layout changes shape, so old caches are rebuilt. */
export const CACHE_FORMAT = 5;

/** Past this many parts an append also merges them into one, so reads stay one scan over few files. */
export const MAX_PARTS = 8;

/** A few byte ranges of the covered JSONL and their hashes: if one differs, the file was rewritten. */
export const ProbeWindow = z.object({ at: z.number().int().min(0), len: z.number().int().min(0), sha256: z.string() });
export type ProbeWindow = z.infer<typeof ProbeWindow>;

export const CachePart = z.object({
  name: z.string().regex(/^reviews-\d{6}-[a-z0-9-]+\.parquet$/),
  /** JSONL byte range [from, to) this part was read from. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  /** Rows kept; the part also holds the lines left out, flagged in `scrum_skip`. */
  rows: z.number().int().min(0),
  /** Lines that were not JSON, and JSON rows the row schema rejects. */
  skipped_json: z.number().int().min(0),
  skipped_rows: z.number().int().min(0),
});
export type CachePart = z.infer<typeof CachePart>;

export const CacheManifest = z.object({
  format: z.number().int(),
  lexicon: z.number().int(),
  /** The JSONL as last seen (a match means nothing changed). */
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  /** Bytes of the JSONL the parts cover; appends read from here. */
  offset: z.number().int().min(0),
  /** The covered bytes end inside a line (torn or still being written). */
  openEnd: z.boolean(),
  windows: z.array(ProbeWindow),
  /** In order: a row in a later part (or later in a part) is newer. */
  parts: z.array(CachePart).min(1),
  /** Some (repo, iter, file, chunk) occurs more than once: readers must keep the last row. */
  duplicates: z.boolean(),
  /**
   * Every row with chunks = 1 is the only row of its (iter, file), so per-file folding can pass those rows
   * through instead of grouping them (most files are one chunk; the group was the costliest step of signals).
   */
  single_rows: z.boolean(),
  /** The next part number. */
  next: z.number().int().min(1),
});
export type CacheManifest = z.infer<typeof CacheManifest>;

/** What the I/O shell observed about the JSONL now, next to a manifest. */
export interface JsonlNow {
  size: number;
  mtimeMs: number;
  /** Hashes of the manifest's windows as the file reads now (same order). */
  windows: string[];
  /** The byte at the manifest's offset, when the file is that long. */
  byteAtOffset: number | null;
}

export type CachePlan =
  | { kind: "hit" }
  | { kind: "touch" }
  | { kind: "append"; from: number; to: number; compact: boolean }
  | { kind: "rebuild"; reason: string };

/** Where the probe windows go for `offset` covered bytes: the head, the middle and just before the offset. */
export function windowsFor(offset: number, len = 4096): { at: number; len: number }[] {
  if (offset === 0) return [];
  const w = Math.min(len, offset);
  const spots = [0, Math.max(0, Math.floor(offset / 2) - Math.floor(w / 2)), offset - w];
  return [...new Set(spots)].map((at) => ({ at, len: w }));
}

/** Decide from the manifest (null when missing or unreadable) and what the file looks like now. */
export function planCache(m: CacheManifest | null, now: JsonlNow, versions: { format: number; lexicon: number }): CachePlan {
  if (!m) return { kind: "rebuild", reason: "no cache" };
  if (m.format !== versions.format || m.lexicon !== versions.lexicon) return { kind: "rebuild", reason: "cache format or lexicon changed" };
  if (now.size === m.size && now.mtimeMs === m.mtimeMs) return { kind: "hit" };
  if (now.size < m.offset) return { kind: "rebuild", reason: "the JSONL shrank (truncated or rewritten)" };
  if (m.windows.some((w, i) => now.windows[i] !== w.sha256)) return { kind: "rebuild", reason: "the JSONL was rewritten" };
  // appendJsonl starts with a newline after a torn tail; anything else continued the cut line.
  if (m.openEnd && now.size > m.offset && now.byteAtOffset !== 0x0a) return { kind: "rebuild", reason: "the last line was continued" };
  if (now.size === m.offset) return { kind: "touch" };
  return { kind: "append", from: m.offset, to: now.size, compact: m.parts.length + 1 > MAX_PARTS };
}
