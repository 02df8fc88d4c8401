// All claims of a message, in the order they appear: each grammar (one file per claim kind under
// extract/) reads the message; sentences none of them claimed may still state facts.
import type { Claim, ExtractContext } from "./claim";
import { extractAggregates } from "./extract/aggregate";
import { extractChangedFiles } from "./extract/changed-file";
import { extractFacts } from "./extract/fact";
import { extractScoreMovements } from "./extract/score-movement";
import { extractTestCounts } from "./extract/test-count";
import { extractWiring } from "./extract/wiring";
import { parseMessage } from "./message";

/** Checked grammars first; a later grammar does not re-read a span an earlier one claimed. */
const GRAMMARS = [extractScoreMovements, extractTestCounts, extractAggregates, extractWiring, extractChangedFiles];

export interface IdentifiedClaim { id: string; claim: Claim }

export function extractClaims(text: string, ctx: ExtractContext): IdentifiedClaim[] {
  const msg = parseMessage(text);
  const found: Claim[] = [];
  for (const grammar of GRAMMARS) {
    for (const c of grammar(msg, ctx)) {
      // A wiring sentence may contain a score or a test count: both are read; a number read twice is not.
      const overlaps = found.some((f) => f.line === c.line && f.start < c.end && f.end > c.start && f.kind !== "wiring" && c.kind !== "wiring" && c.kind !== "changed_file" && f.kind !== "changed_file");
      if (!overlaps) found.push(c);
    }
  }
  found.push(...extractFacts(msg, found));
  found.sort((a, b) => a.line - b.line || a.start - b.start);
  return found.map((claim, i) => ({ id: `c${i + 1}`, claim }));
}
