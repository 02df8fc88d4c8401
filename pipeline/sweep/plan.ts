// The sweep plan: files, chunks, estimated prompt tokens and cost, computed before any model call.
import type { Rung } from "../core/config";
import { chunkFile, estimateTokens, type Chunk } from "../prompt/chunk";
import type { WalkedFile } from "../walk/walk-repo";

export interface PlannedFile {
  file: WalkedFile;
  lines: string[];
  sha256: string;
  chunks: Chunk[];
}

export interface PlanTotals {
  files: number;
  chunks: number;
  promptTokens: number;
  /** USD for the first rung when it has a price; null when unpriced. */
  costUsd: number | null;
}

const PROMPT_OVERHEAD_TOKENS = 700; // preamble + answer contract, measured on the shipped prompts

export function planFiles(files: readonly WalkedFile[], budgetTokens: number): PlannedFile[] {
  return files.map((file) => ({
    file,
    lines: file.content.split("\n"),
    sha256: file.sha256,
    chunks: chunkFile(file.content, budgetTokens),
  }));
}

export function planTotals(planned: readonly PlannedFile[], rungs: readonly Rung[], expectedAnswerTokens = 600): PlanTotals {
  let chunks = 0;
  let promptTokens = 0;
  for (const p of planned) {
    for (const c of p.chunks) {
      chunks++;
      promptTokens += PROMPT_OVERHEAD_TOKENS + estimateTokens(p.lines.slice(c.start - 1, c.end).join("\n")) + (c.end - c.start + 1) * 2;
    }
  }
  const first = rungs.find((r) => r.provider !== "static");
  const costUsd = first?.price
    ? (promptTokens * first.price.promptPerMTok + chunks * expectedAnswerTokens * first.price.completionPerMTok) / 1e6
    : null;
  return { files: planned.length, chunks, promptTokens, costUsd };
}
