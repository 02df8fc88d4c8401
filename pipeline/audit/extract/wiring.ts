// Wiring: a symbol said to be wired, mounted, called, enforced, applied or used by something, and a
// suppression said to be removed. The symbol must be written as code: in backticks, snake_case,
// camelCase/PascalCase with two humps, or name(); "auth is now enforced" names no symbol (a fact claim).
//
//   api_key_auth is now wired via from_fn_with_state      `requireAdmin` is mounted on /admin
//   Wire check_scope() into the router                    the handler now calls `verify_token`
//   removed #[allow(dead_code)] from api_key_auth         dropped the eslint-disable above ensureAuthenticated
// Not wiring: "api_key_auth is not wired yet" / "no longer called" (negated), "a helper called fooBar"
// (naming), "auth is now enforced" (no symbol), "wired the docs" (no symbol).
import type { Extractor, WiringClaim } from "../claim";
import { proseLines, sentences } from "../message";
import { pathTokens } from "../paths";

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
/** A symbol written as code; group 1 (backticked, maybe qualified), 2 (name()), or 3 (snake/camel/Pascal). */
const SYMBOL = String.raw`(?:\`(?:${IDENT}(?:::|\.))*(${IDENT})(?:\(\))?\`|(${IDENT})\(\)|\b((?:[a-z_$][a-z0-9$]*_[\w$]+)|(?:[a-z$][a-z0-9$]*(?:[A-Z][a-z0-9$]*)+)|(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+))\b)`;
const VERB_PASSIVE = String.raw`(wired(?:\s+up|\s+in)?|mounted|called|invoked|enforced|applied|registered|installed|hooked\s+up|used\s+(?:by|in))`;
// No `i` flag anywhere: it would let the symbol grammar read "via" as camelCase. A verb may open a sentence.
const VERB_ACTIVE = String.raw`((?:[Ww]ires?|[Ww]ired|[Mm]ounts?|[Mm]ounted|[Aa]ppl(?:y|ies|ied)|[Ee]nforces?|[Ee]nforced|[Rr]egisters?|[Rr]egistered|[Cc]alls?|[Ii]nvokes?|[Ii]nvoked|[Ii]nstalls?|[Ii]nstalled|[Hh]ooks?\s+up|[Hh]ooked\s+up))`;
const SUBJECT = new RegExp(String.raw`${SYMBOL}\s+(?:(?:is|are|was|were|gets|got|has\s+been|have\s+been|now|finally|properly|correctly|actually|also)\s+)*${VERB_PASSIVE}\b`, "g");
const OBJECT = new RegExp(String.raw`(?<!\b(?:function|method|helper|class|variable|struct|file|field|module|type|test|crate|package|something|one)\s)\b${VERB_ACTIVE}\s+(?:the\s+|a\s+)?${SYMBOL}`, "g");
/** Negation just before an active verb: "no longer calls X", "doesn't mount X". */
const NEGATED = /(?:\b(?:not|no\s+longer|never|stop(?:s|ped)?|nothing|nowhere)|n't)\s+(?:\w+\s+)?$/i;

/** Suppressions a sentence may say were removed, as written; `suppressionPattern` finds them in code. */
const SUPPRESSION = /(#!?\[\s*(?:allow|expect)\s*\(\s*(?:dead_code|unused[\w]*)\s*\)\s*\]|eslint-disable(?:-next-line|-line)?|@ts-ignore|@ts-expect-error|#\s*noqa\b|\bnoqa\b|\/\/\s*nolint\b|\bnolint\b|lint:ignore|#\s*type:\s*ignore|#\s*pragma:\s*no\s+cover|istanbul\s+ignore)/i;
const REMOVED = /\b(remov(?:e|ed|es|ing)|drop(?:s|ped)?|delet(?:e|ed|es)|strip(?:s|ped)?|got\s+rid\s+of|no\s+longer\s+(?:needs?|has|carries))\b/i;

const IN_CODE: [RegExp, RegExp][] = [
  [/eslint-disable/i, /eslint-disable/],
  [/@ts-ignore/i, /@ts-ignore/],
  [/@ts-expect-error/i, /@ts-expect-error/],
  [/noqa/i, /#\s*noqa\b/i],
  [/nolint/i, /\/\/\s*nolint\b/],
  [/lint:ignore/i, /lint:ignore/],
  [/type:\s*ignore/i, /#\s*type:\s*ignore/],
  [/pragma:\s*no\s+cover/i, /#\s*pragma:\s*no\s+cover/],
  [/istanbul\s+ignore/i, /istanbul\s+ignore/],
];

/** A regex finding a written suppression in code (`#[allow(dead_code)]` also finds `#[allow(dead_code, unused)]`). */
export function suppressionPattern(written: string): RegExp {
  const attr = /(allow|expect)\s*\(\s*(\w+)/i.exec(written);
  if (attr) return new RegExp(String.raw`#!?\[\s*${attr[1]!.toLowerCase()}\s*\([^)]*\b${attr[2]}\b`);
  return IN_CODE.find(([w]) => w.test(written))?.[1] ?? new RegExp(written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

export const extractWiring: Extractor = (msg) => {
  const out: WiringClaim[] = [];
  for (const line of proseLines(msg)) {
    for (const s of sentences(line)) {
      const sup = REMOVED.test(s.text) ? SUPPRESSION.exec(s.text)?.[1] ?? null : null;
      const path = pathTokens(s.text)[0]?.text ?? null;
      const found: { symbol: string; verb: string; at: number; len: number }[] = [];
      // The passive grammar has no room for "not" between the symbol and the verb; the active one checks before the verb.
      for (const m of s.text.matchAll(SUBJECT)) found.push({ symbol: (m[1] ?? m[2] ?? m[3])!, verb: m[4]!, at: m.index!, len: m[0].length });
      for (const m of s.text.matchAll(OBJECT)) {
        if (NEGATED.test(s.text.slice(0, m.index!))) continue;
        found.push({ symbol: (m[2] ?? m[3] ?? m[4])!, verb: m[1]!, at: m.index!, len: m[0].length });
      }
      if (sup && !found.length) {
        // "removed #[allow(dead_code)] from api_key_auth": the symbol after from/on/above, else a path.
        const after = new RegExp(String.raw`\b(?:from|on|above|over)\s+(?:the\s+)?${SYMBOL}`).exec(s.text);
        const symbol = after ? (after[1] ?? after[2] ?? after[3])! : null;
        if (symbol || path) found.push({ symbol: symbol ?? "", verb: "suppression removed", at: 0, len: s.text.length });
      }
      const seen = new Set<string>();
      for (const f of found.sort((a, b) => a.at - b.at)) {
        if (seen.has(f.symbol)) continue;
        seen.add(f.symbol);
        out.push({
          kind: "wiring", text: s.text, line: line.n, start: s.start, end: s.end,
          symbol: f.symbol || null, verb: f.verb.replace(/\s+/g, " ").toLowerCase(), suppression: sup, path,
        });
      }
    }
  }
  return out;
};
