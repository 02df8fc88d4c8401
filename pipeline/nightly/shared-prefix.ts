// What a source file shares with the KB's file, found on bytes before any line is decoded: the common
// leading lines (a shard's KB starts with the KB it pulled), or the whole rest already present in the KB
// (a source merged before). Only the rest needs the line-by-line merge.

/** Look for the rest inside the KB only when it is big enough to be worth skipping. */
const CONTAINED_MIN_BYTES = 1 << 20;
/** Places the rest's first line may stand in the KB before we stop looking. */
const MAX_CANDIDATES = 8;

export interface SharedPrefix {
  /** Lines at the start of the source that equal the KB file's first lines. */
  lines: number;
  /** The source's bytes after them (empty when nothing else can be new). */
  rest: Buffer;
}

function commonPrefix(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  const STEP = 1 << 16;
  let i = 0;
  while (i + STEP <= n && a.subarray(i, i + STEP).equals(b.subarray(i, i + STEP))) i += STEP;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function countLines(buf: Buffer, end: number): number {
  let n = 0;
  for (let at = buf.indexOf(0x0a); at !== -1 && at < end; at = buf.indexOf(0x0a, at + 1)) n++;
  return n;
}

/** Whole lines the source shares with the start of `kb`, and its remaining bytes. */
export function sharedPrefix(kb: Buffer | undefined, src: Buffer, minContained = CONTAINED_MIN_BYTES): SharedPrefix {
  if (!kb || kb.length === 0) return { lines: 0, rest: src };
  const p = commonPrefix(kb, src);
  // Back to the end of the last whole line both share.
  // (lastIndexOf with a negative offset would count from the end: no shared byte means no shared line.)
  const cut = p === 0 ? 0 : p === src.length && src[p - 1] === 0x0a ? p : src.lastIndexOf(0x0a, p - 1) + 1;
  const rest = src.subarray(cut);
  if (rest.length >= minContained && rest[rest.length - 1] === 0x0a && contains(kb, rest)) return { lines: countLines(src, cut), rest: Buffer.alloc(0) };
  return { lines: countLines(src, cut), rest };
}

/**
 * Whether `kb` holds `rest` as whole lines (a source merged before, copied as bytes): find its first line
 * (a short search), then compare the rest in place. A big needle in one search is far slower.
 */
function contains(kb: Buffer, rest: Buffer): boolean {
  const first = rest.subarray(0, rest.indexOf(0x0a) + 1);
  let at = kb.indexOf(first);
  for (let tries = 0; at !== -1 && tries < MAX_CANDIDATES; tries++, at = kb.indexOf(first, at + 1)) {
    if ((at === 0 || kb[at - 1] === 0x0a) && at + rest.length <= kb.length && kb.subarray(at, at + rest.length).equals(rest)) return true;
  }
  return false;
}
