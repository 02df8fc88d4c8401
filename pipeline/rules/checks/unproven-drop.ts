// swallowed-error (Go): "the error of this call is dropped" needs an error. A call as a bare statement drops
// whatever it returns, and without a type checker the floor cannot see a dependency's signature: koanf's
// `k.Delete(key)` and go-cache's `c.Delete(k)` return nothing, and on the labelled panels such findings were the
// largest single reason an unchecked-write claim was wrong. The claim
// stands when the repository shows an error: a declaration the call can mean answers one, a call site of the
// same callee uses its result (bound, returned, tested, chained: `if err := k.Delete(..)`, `x.Save(v).Error`),
// or the value is the standard library's or was opened beside an error, which the rule's shape already reads.
// Otherwise the finding is handed on as a lead for the models to verify, not dropped: a dependency's Delete may
// well answer an error that nobody in the repository happened to check.
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { closeParen, escapeRegExp } from "../syntax";
import { occurrences } from "./references";

/** The call's text after its name is a call whose closing paren is followed by a selector (`(v).Error`). */
function chainedAfter(after: string): boolean {
  const open = after.indexOf("(");
  if (open < 0 || after.slice(0, open).trim()) return false;
  return /^\s*\./.test(after.slice(closeParen(after, open)));
}

/**
 * A call site of `prev.method` (or of the bare function) in the walked Go files whose result is used: anything
 * before the call chain but `defer`/`go` (an assignment, `_ =`, `return`, `if`, an argument list), or a selector
 * after it. A declaration (`func (s *T) Delete(`) is no call site.
 */
export function resultUsed(prev: string | null, method: string, sites: ReturnType<typeof occurrences>): boolean {
  const lead = prev ? new RegExp(`(?<![\\w$])${escapeRegExp(prev)}\\s*(\\([^\\n]*\\))?\\s*\\.\\s*$`) : /(^|[^\w.$])$/;
  for (const o of sites.get(method) ?? []) {
    if (o.lang !== "go" || !/^\s*(\[[^\]\n]*\])?\s*\(/.test(o.after) || !lead.test(o.before)) continue;
    const head = (prev ? o.before.replace(lead, "") : o.before).replace(/[\w.&*()\[\]"]*$/, "");
    if (/^\s*func\b/.test(o.before)) continue;
    if (!/^\s*((defer|go)\s+)?$/.test(head) || chainedAfter(o.after)) return true;
  }
  return false;
}

/** A claim whose dropped call no declaration or standard-library origin answers (go-callee-answers.ts "unknown"). */
export interface UnknownCallee { f: StaticFinding; prev: string | null; method: string }

/** Of those claims, the ones no call site of the same callee in the walked Go files uses the result of. */
export function unprovenOf(unknown: readonly UnknownCallee[], goFiles: readonly { path: string; content: string }[]): Set<StaticFinding> {
  const out = new Set<StaticFinding>();
  if (!unknown.length) return out;
  const sites = occurrences([...new Set(unknown.map((u) => u.method))], goFiles);
  for (const u of unknown) if (!resultUsed(u.prev, u.method, sites)) out.add(u.f);
  return out;
}

/** The finding as a lead: an info note the models verify, saying what the repository did not show. */
export function asUnprovenLead(f: StaticFinding): StaticFinding {
  return asLead(f, "no declaration or call site in the repository shows that this call answers an error");
}

/** A claim turned into an info-level lead for the models, the reason appended to its message. */
export function asLead(f: StaticFinding, why: string): StaticFinding {
  return { ...f, severity: "info", lead: true, message: `${f.message} (lead, not a claim: ${why})` };
}
