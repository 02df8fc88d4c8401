// Shard assignment: which of N shards reviews each walked file. Pure: paths and sizes in, shard numbers out.
// Stable: a file's preference order over the shards comes from a hash of its path alone (rendezvous
// hashing), so it lands in the same shard every night. Balanced: shards fill to at most (1 + SLACK) × the
// mean weight; a file whose first choice is full takes its next choice, so nights move only the few files
// a bound pushes over.
import { createHash } from "node:crypto";
import type { ShardRef } from "../kb/schemas/night";

/** How far a shard may exceed the mean weight before its next files overflow to their next choice. */
export const SLACK = 0.1;
/** Bytes one prompt costs whatever the file (preamble and answer contract, ~700 tokens): a tiny file still costs a call. */
export const FILE_OVERHEAD_BYTES = 2800;

export interface ShardInput {
  path: string;
  bytes: number;
}

/** Two 32-bit words of the path's sha256: the visiting order and the seed of its shard ranking. */
function pathHash(path: string): [number, number] {
  const d = createHash("sha256").update(path).digest();
  return [d.readUInt32BE(0), d.readUInt32BE(4)];
}

/** murmur3's 32-bit finaliser: a well-mixed score for (path, shard). */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Shards 1..count in this path's order of preference (highest rendezvous score first). */
export function preference(seed: number, count: number): number[] {
  const scored = Array.from({ length: count }, (_, i) => ({ shard: i + 1, s: mix(seed ^ Math.imul(i + 1, 0x9e3779b1)) }));
  return scored.sort((a, b) => b.s - a.s || a.shard - b.shard).map((x) => x.shard);
}

/** The shard (1-based) of every file, keyed by path. */
export function assignShards(files: readonly ShardInput[], count: number): Map<string, number> {
  const out = new Map<string, number>();
  if (count === 1) {
    for (const f of files) out.set(f.path, 1);
    return out;
  }
  const items = files.map((f) => {
    const [order, seed] = pathHash(f.path);
    return { path: f.path, w: f.bytes + FILE_OVERHEAD_BYTES, order, seed };
  });
  const total = items.reduce((s, i) => s + i.w, 0);
  const cap = ((1 + SLACK) * total) / count;
  const load = new Array<number>(count + 1).fill(0);
  // Visit in hash order: independent of sizes and of which other files exist.
  items.sort((a, b) => a.order - b.order || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const it of items) {
    const prefs = preference(it.seed, count);
    let pick = prefs.find((k) => load[k]! + it.w <= cap);
    if (pick === undefined) pick = prefs.reduce((best, k) => (load[k]! < load[best]! ? k : best), prefs[0]!);
    load[pick]! += it.w;
    out.set(it.path, pick);
  }
  return out;
}

/** The files of one shard, in their original order. */
export function selectShard<T extends ShardInput>(files: readonly T[], shard: ShardRef): T[] {
  const of = assignShards(files, shard.count);
  return files.filter((f) => of.get(f.path) === shard.index);
}
