// ignored-parameter (TypeScript): a React component's callers are its JSX elements (`<HelpDialog />`), not calls, so
// never-passed.ts's argument lists do not see them. A component every element of the repository renders without the
// prop it leaves unread (or without any prop, for a whole `props` parameter) drops nothing a caller hands it: the class
// is about what callers pass. Decided across the walked files at the scan's end; a component no element renders is not
// answered (its callers may be a router's table or another package).
import type { Candidate } from "./unreferenced";

interface Source { path: string; content: string }

const SCRIPT = /\.(m|c)?[jt]sx?$/;
/** A parameter standing for the whole props object, not one destructured prop. */
const WHOLE_PROPS = /^(props|_?p|properties|componentProps)$/;

/** The attribute text of the element opened at `from` (just past `<Name`), up to its `>` or `/>` outside braces and quotes; null when unbalanced. */
function attributesAt(text: string, from: number): string | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length && i < from + 4000; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (depth === 0 && (c === '"' || c === "'")) quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === ">" && depth === 0) return text.slice(from, text[i - 1] === "/" ? i - 1 : i);
  }
  return null;
}

/** The candidates (component parameters the body never reads) that every JSX element of the repository renders without. */
export function propsNeverPassed(candidates: readonly Candidate[], files: readonly Source[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const wanted = candidates.filter((c) => c.language === "typescript" && c.param && /^[A-Z][\w$]*$/.test(c.name));
  if (!wanted.length) return out;
  const names = new Set(wanted.map((c) => c.name));
  const elements = new Map<string, string[]>();
  for (const f of files) {
    if (!SCRIPT.test(f.path)) continue;
    for (const m of f.content.matchAll(/(?<![\w$.\])])<([A-Z][\w$]*)(?=[\s/>])/g)) {
      if (!names.has(m[1]!)) continue;
      const attrs = attributesAt(f.content, m.index! + m[0].length);
      if (attrs === null) continue;
      elements.set(m[1]!, [...(elements.get(m[1]!) ?? []), attrs]);
    }
  }
  for (const c of wanted) {
    const list = elements.get(c.name);
    if (!list?.length || list.some((a) => /\{\s*\.\.\./.test(a))) continue;
    const passes = WHOLE_PROPS.test(c.param!)
      ? (a: string) => /[\w$-]/.test(a)
      : (a: string) => new RegExp(String.raw`(^|\s)${c.param!.replace(/\$/g, "\\$")}(\s*=|\s|$)`).test(a);
    if (!list.some(passes)) out.add(c);
  }
  return out;
}
