// Stream a JSONL file line by line in fixed-size chunks, so a large ops log never becomes one string.
import { closeSync, existsSync, openSync, readSync } from "node:fs";

export interface ScanResult {
  lines: number;
  /** Byte length of the file when scanned. */
  bytes: number;
  /** True when the file does not end in a newline (a torn tail or a partial write). */
  tornTail: boolean;
}

/**
 * Call `onLine(text, lineNo, isLast)` for every non-empty line. `isLast` marks an unterminated final
 * line, which a reader should treat as possibly torn.
 */
export function scanJsonl(path: string, onLine: (line: string, lineNo: number, unterminated: boolean) => void, chunkBytes = 1 << 20): ScanResult {
  if (!existsSync(path)) return { lines: 0, bytes: 0, tornTail: false };
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(chunkBytes);
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) break;
      bytes += n;
      let chunk = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : Buffer.from(buf.subarray(0, n));
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        lineNo++;
        const text = chunk.toString("utf8", start, nl).trim();
        if (text) onLine(text, lineNo, false);
        start = nl + 1;
      }
      carry = chunk.subarray(start);
      chunk = Buffer.alloc(0);
    }
  } finally {
    closeSync(fd);
  }
  const tail = carry.toString("utf8").trim();
  if (tail) onLine(tail, ++lineNo, true);
  return { lines: lineNo, bytes, tornTail: carry.length > 0 };
}
