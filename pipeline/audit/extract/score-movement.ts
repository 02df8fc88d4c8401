// File score movement: a path (or a path suffix) followed by "3 → 6", "3 -> 6", "3→6" or "from 3 to 6".
//
//   gateway/src/auth.rs 3 → 4          `auth.rs`: 3 -> 4          auth.rs (score 3→4)
//   src/api/handler.ts from 3 to 6     gateway/src/auth.rs: 3/10 → 4.5/10
// Not a score movement: "auth.rs:3 → 4" (path:line), "auth.rs line 3 → 4", "auth.rs 3 → 4 findings",
// "Tests 14 → 24", "iter 3 → iter 4", "v1.2 → v1.3", "src/a.ts → src/b.ts" (a rename).
import type { Extractor, ScoreClaim } from "../claim";
import { scopeFor } from "../iterations";
import { proseLines } from "../message";
import { ARROW, NUM, parseWritten } from "../numbers";
import { pathTokens } from "../paths";

const OUT_OF_10 = String.raw`(?:\s*/\s*10)?`;
const COUNT_WORDS = String.raw`%|tests?\b|findings?\b|criticals?\b|critical\b|lines?\b|issues?\b|errors?\b|warnings?\b|functions?\b|files?\b|rows?\b|calls?\b`;
/** What may follow the path: a separator, the word "score", "from", then the two numbers. */
const MOVE = new RegExp(
  String.raw`^\`?(?:\s*[:,(—–-]\s*|\s+)(?:(?:score[ds]?|scored)\s*:?\s*)?(?:from\s+)?(${NUM})${OUT_OF_10}\s*${ARROW}\s*(${NUM})${OUT_OF_10}(?![\d.])(?!\s*(?:${COUNT_WORDS}))`,
  "i",
);

export const extractScoreMovements: Extractor = (msg) => {
  const out: ScoreClaim[] = [];
  for (const line of proseLines(msg)) {
    for (const tok of pathTokens(line.text)) {
      const rest = line.text.slice(tok.end);
      if (/^`?:\d/.test(rest)) continue;
      const m = MOVE.exec(rest);
      if (!m) continue;
      const end = tok.end + m[0].length;
      const start = tok.ticked ? tok.start - 1 : tok.start;
      out.push({
        kind: "score_movement", text: line.text.slice(start, end).trim(), line: line.n, start, end,
        path: tok.text, before: parseWritten(m[1]!)!, after: parseWritten(m[2]!)!, iters: scopeFor(msg, line),
      });
    }
  }
  return out;
};
