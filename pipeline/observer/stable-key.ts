// A short stable id for a group, so dedupe and readers can follow one group across cycles.
import { createHash } from "node:crypto";

export function stableKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}
