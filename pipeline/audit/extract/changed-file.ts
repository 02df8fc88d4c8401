// Changed files: a path listed as changed. Under a "Code changes" / "Changed files" / "Files changed" /
// "Changes" heading, every line that starts with a path; elsewhere, a bullet that starts with a path,
// when the bullet sits under no heading (a commit message's list) and states no score movement.
//
//   Code changes:                         ## Changed files
//   - gateway/src/auth.rs: wire it        * `src/api/routes.ts`
//   - src/old_handler.ts (deleted)        - gateway/Cargo.toml — bump axum
// Not listed as changed: a bullet under "## Next steps" / "Remaining" / "Not changed" / "## Signals", a
// bullet starting with a word ("- Wire the router"), "- gateway/src/auth.rs 3 → 4" (a score movement).
import type { ChangedFileClaim, Extractor } from "../claim";
import { proseLines } from "../message";
import { pathTokens } from "../paths";

const CHANGES = /\b(code\s+changes?|changed\s+files?|files?\s+changed|changes|modified\s+files?|files?\s+touched|touched\s+files?)\b/;
const NOT_DONE = /\b(todo|next|remaining|follow[- ]?ups?|not\s+(?:yet\s+)?(?:changed|done|fixed|touched)|unchanged|out\s+of\s+scope|known|open|pending|planned|future|left)\b/;
const REMOVED = /^[`\s]*(?:[:(—–-]\s*)?\(?\s*(?:deleted|removed|dropped|gone)\b/i;

/** The path a line's body starts with (after optional backticks/bold), if any. */
function leadingPath(body: string, loose: boolean): { text: string; end: number } | null {
  const tok = pathTokens(body)[0];
  const lead = tok ? body.slice(0, tok.ticked ? tok.start - 1 : tok.start) : "";
  if (tok && /^[\s*_]*$/.test(lead)) return { text: tok.text, end: tok.end + (tok.ticked ? 1 : 0) };
  if (!loose) return null;
  // Under a changes heading a two-segment directory ("gateway/src") counts too.
  const m = /^[\s*_`]*([\w@.+-]+\/[\w@.+/-]*)`?/.exec(body);
  return m ? { text: m[1]!, end: m[0].length } : null;
}

export const extractChangedFiles: Extractor = (msg) => {
  const out: ChangedFileClaim[] = [];
  for (const line of proseLines(msg)) {
    if (line.heading) continue;
    const section = line.section;
    const inChanges = section !== null && CHANGES.test(section) && !NOT_DONE.test(section);
    if (!inChanges && !(line.bullet && section === null)) continue;
    const lead = leadingPath(line.body, inChanges);
    if (!lead) continue;
    const rest = line.body.slice(lead.end);
    // Outside a changes list a bullet with a score movement is about the score, not a change.
    if (!inChanges && /^[`:\s(—–-]*(?:score[ds]?\s*:?\s*)?(?:from\s+)?\d+(?:\.\d+)?(?:\s*\/\s*10)?\s*(?:→|->|⟶|=>|\bto\b)\s*\d/.test(rest)) continue;
    // The span is the path only: the rest of the bullet may state other claims (a wiring, a fact).
    out.push({
      kind: "changed_file", text: line.body.trim(), line: line.n, start: line.bodyAt, end: line.bodyAt + lead.end,
      path: lead.text, removed: REMOVED.test(rest),
    });
  }
  return out;
};
