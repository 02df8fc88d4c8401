// ignored-parameter (TypeScript): a React component's callers are its JSX elements (`<HelpDialog />`), not calls, so
// never-passed.ts's argument lists do not see them. A component every element of the repository renders without the
// prop it leaves unread (or without any prop, for a whole `props` parameter) drops nothing a caller hands it: the class
// is about what callers pass. Decided across the walked files at the scan's end; a component no element renders is not
// answered (its callers may be a router's table or another package).
import type { Candidate } from "./unreferenced";
import { escapeRegExp } from "../syntax";
import { SCRIPT, type Source } from "./never-passed";

/** A parameter standing for the whole props object, not one destructured prop. */
const WHOLE_PROPS = /^(props|_?p|properties|componentProps)$/;

/**
 * The attribute text of the element opened at `from` (just past `<Name`), up to its `>` or `/>` outside braces and
 * quotes, and whether it closes itself (an element that does not has children: `<Panel title="x"><Form /></Panel>`
 * passes `children`); null when unbalanced.
 */
function elementAt(text: string, from: number): { attrs: string; selfClosing: boolean } | null {
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
    else if (c === ">" && depth === 0) {
      const selfClosing = text[i - 1] === "/";
      return { attrs: text.slice(from, selfClosing ? i - 1 : i), selfClosing };
    }
  }
  return null;
}

/**
 * A component default-exported from its file and imported elsewhere under another name (`import Help from
 * "./dialogs/HelpDialog"`): its elements there carry the other name, so the repository's elements of the own name
 * are not all of its callers.
 */
function importedUnderAnotherName(c: Candidate, files: readonly Source[]): boolean {
  const base = c.file.replace(/^.*\//, "").replace(/\.[cm]?[jt]sx?$/, "");
  const from = new RegExp(String.raw`import\s+([A-Za-z_$][\w$]*)\s*(?:,|\s+from)\s*["'][^"']*\/${escapeRegExp(base)}(\.[cm]?[jt]sx?)?["']`, "g");
  return files.some((f) => SCRIPT.typescript.test(f.path) && [...f.content.matchAll(from)].some((m) => m[1] !== c.name));
}

/** The candidates (component parameters the body never reads) that every JSX element of the repository renders without. */
export function propsNeverPassed(candidates: readonly Candidate[], files: readonly Source[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const wanted = candidates.filter((c) => c.language === "typescript" && c.param && /^[A-Z][\w$]*$/.test(c.name));
  if (!wanted.length) return out;
  const names = new Set(wanted.map((c) => c.name));
  const elements = new Map<string, { attrs: string; selfClosing: boolean }[]>();
  for (const f of files) {
    if (!SCRIPT.typescript.test(f.path)) continue;
    for (const m of f.content.matchAll(/(?<![\w$.\])])<([A-Z][\w$]*)(?=[\s/>])/g)) {
      if (!names.has(m[1]!)) continue;
      const element = elementAt(f.content, m.index! + m[0].length);
      if (element === null) continue;
      elements.set(m[1]!, [...(elements.get(m[1]!) ?? []), element]);
    }
  }
  for (const c of wanted) {
    const list = elements.get(c.name);
    if (!list?.length || list.some((e) => /\{\s*\.\.\./.test(e.attrs))) continue;
    const whole = WHOLE_PROPS.test(c.param!);
    // An element with children passes `children`, and something for a whole props parameter.
    const passes = (e: { attrs: string; selfClosing: boolean }) => (!e.selfClosing && (whole || c.param === "children"))
      || (whole ? /[\w$-]/.test(e.attrs) : new RegExp(String.raw`(^|\s)${c.param!.replace(/\$/g, "\\$")}(\s*=|\s|$)`).test(e.attrs));
    if (!list.some(passes) && !importedUnderAnotherName(c, files)) out.add(c);
  }
  return out;
}
