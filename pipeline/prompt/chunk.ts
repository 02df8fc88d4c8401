// Split a file that exceeds the prompt budget: by top-level declarations where possible, else line windows.

export interface Chunk {
  /** 1-based inclusive line range in the file. */
  start: number;
  end: number;
  /** How the boundaries were chosen. */
  by: "whole" | "declarations" | "lines";
}

/** Rough token estimate (4 characters a token), the same everywhere a budget is checked. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

// A top-level declaration starts at column 0 with a keyword, a decorator or an attribute.
const DECL = /^(export\s|default\s|async\s|function\s|class\s|interface\s|type\s|enum\s|const\s|let\s|var\s|abstract\s|def\s|@|#\[|pub(\(.*?\))?\s|fn\s|impl[\s<]|struct\s|trait\s|mod\s|func\s|package\s|public\s|private\s|protected\s|static\s|module\s)/;

function declarationStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!DECL.test(lines[i]!)) continue;
    // Keep comments and decorators directly above a declaration with it.
    let s = i;
    while (s > 0 && /^(\/\/|#|\/\*|\*|@|#\[)/.test(lines[s - 1]!.trimStart()) && lines[s - 1]!.trim() !== "") s--;
    if (starts.length === 0 || s > starts[starts.length - 1]!) starts.push(s);
  }
  return starts;
}

/** Chunks whose text each fits `budgetTokens`; a single oversized declaration falls back to line windows. */
export function chunkFile(content: string, budgetTokens: number): Chunk[] {
  // The empty string after a final newline is not a line: it must never become a chunk of its own.
  const lines = content.endsWith("\n") ? content.slice(0, -1).split("\n") : content.split("\n");
  if (estimateTokens(content) <= budgetTokens) return [{ start: 1, end: Math.max(1, lines.length), by: "whole" }];
  const cost = lines.map((l) => estimateTokens(l + "\n") + 2); // +2 for the line-number margin
  const starts = declarationStarts(lines);
  const segments: [number, number][] = [];
  const bounds = starts[0] === 0 ? starts : [0, ...starts];
  for (let k = 0; k < bounds.length; k++) segments.push([bounds[k]!, (bounds[k + 1] ?? lines.length) - 1]);

  const out: Chunk[] = [];
  let cur: [number, number] | null = null;
  let curCost = 0;
  const flush = () => { if (cur) out.push({ start: cur[0] + 1, end: cur[1] + 1, by: "declarations" }); cur = null; curCost = 0; };
  for (const [a, b] of segments) {
    let segCost = 0;
    for (let i = a; i <= b; i++) segCost += cost[i]!;
    if (segCost > budgetTokens) {
      flush();
      let ws = a, wCost = 0;
      for (let i = a; i <= b; i++) {
        if (wCost + cost[i]! > budgetTokens && i > ws) { out.push({ start: ws + 1, end: i, by: "lines" }); ws = i; wCost = 0; }
        wCost += cost[i]!;
      }
      out.push({ start: ws + 1, end: b + 1, by: "lines" });
      continue;
    }
    if (cur && curCost + segCost > budgetTokens) flush();
    cur = cur ? [cur[0], b] : [a, b];
    curCost += segCost;
  }
  flush();
  return out;
}
