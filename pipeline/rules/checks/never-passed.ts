// An optional parameter no call of the repository passes: a function's unread option that every caller leaves
// at its default changes nothing today. The ignored-parameter class is about what callers pass and the function
// drops; where the repository's callers pass nothing, the claim has no caller to stand on, so it is a lead (a
// model may still find a public API's external callers), not a defect claim. Decided across every walked file.
import type { Candidate } from "./unreferenced";

export interface Source { path: string; content: string }

/** Why such a claim is a lead (claim-evidence.ts shows it with the finding). */
export const NEVER_PASSED = "no call of the repository passes this optional parameter: left at its default, ignoring it changes nothing there";

/** Where the optional parameter sits: its position among the parameters a caller fills, and whether it is keyword-only. */
export interface OptionalSlot { index: number; keywordOnly: boolean }

export const SCRIPT = { python: /\.pyi?$/, typescript: /\.(m|c)?[jt]sx?$/ } as const;

/** The argument list starting at `open` (an index just past `(`): its top-level arguments' texts, or null when unbalanced. */
function argumentsAt(text: string, open: number): string[] | null {
  const args: string[] = [];
  let depth = 0;
  let start = open;
  let quote: string | null = null;
  for (let i = open; i < text.length && i < open + 4000; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last || args.length) args.push(last);
        return args.filter((a, k) => a !== "" || k < args.length - 1);
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return null;
}

/**
 * Does this call pass the parameter? By keyword (`notify=True`), by position (enough positional arguments),
 * or possibly (a splat: `*args`, `**kw`, `...rest` may carry it).
 */
function passes(args: string[], param: string, slot: OptionalSlot): boolean {
  if (args.some((a) => /^(\*|\.\.\.)/.test(a))) return true;
  if (args.some((a) => new RegExp(`^${param}\\s*=(?!=)`).test(a))) return true;
  const positional = args.filter((a) => a && !/^[A-Za-z_]\w*\s*=(?!=)/.test(a)).length;
  return !slot.keywordOnly && positional > slot.index;
}

/**
 * The candidates whose function is called somewhere in the walked files of its language and never with the
 * parameter. A function called nowhere is not answered (a public API's callers may live outside the
 * repository); neither is one handed over as a value (its caller is a framework: `unless-passed-as-value`).
 */
export function neverPassed(candidates: readonly Candidate[], files: readonly Source[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const wanted = candidates.filter((c) => c.param && c.optional && (c.language === "python" || c.language === "typescript"));
  if (!wanted.length) return out;
  const calls = callArguments(files, new Set(wanted.map((c) => c.name)), ["python", "typescript"]);
  for (const c of wanted) {
    const list = calls.get(`${c.language}:${c.name}`) ?? [];
    if (list.length && !list.some((args) => passes(args, c.param!, c.optional!))) out.add(c);
  }
  return out;
}

/**
 * The argument lists of every call of a function named in `names`, keyed `language:name`, over the walked files of
 * the given languages. A definition is not a call: `def name(`, `function name(`, and a TypeScript method
 * definition (`name(a) {` at the start of a line, after modifiers), whose parameter pattern would otherwise read
 * as arguments that pass every field it destructures.
 */
function callArguments(files: readonly Source[], names: ReadonlySet<string>, languages: readonly (keyof typeof SCRIPT)[]): Map<string, string[][]> {
  const calls = new Map<string, string[][]>();
  for (const f of files) {
    const lang = languages.find((l) => SCRIPT[l].test(f.path));
    if (!lang) continue;
    const text = f.content;
    for (const m of text.matchAll(/(?<![\w$])([A-Za-z_$][\w$]*)\s*\(/g)) {
      const name = m[1]!;
      if (!names.has(name)) continue;
      const before = text.slice(Math.max(0, m.index! - 16), m.index!);
      if (/\b(def|function|fn)\s+$|\bfunction\s*\*\s*$/.test(before)) continue;
      const args = argumentsAt(text, m.index! + m[0].length);
      if (!args) continue;
      if (lang === "typescript") {
        const end = indexAfterArgs(text, m.index! + m[0].length);
        if (end >= 0 && /^\s*(:\s*[\w<>[\]|., ]+)?\s*\{/.test(text.slice(end, end + 80)) && /(^|\n)\s*((public|private|protected|static|async|override|get|set)\s+)*$/.test(before)) continue;
      }
      const key = `${lang}:${name}`;
      const list = calls.get(key) ?? [];
      list.push(args);
      calls.set(key, list);
    }
  }
  return calls;
}

/** The index just past the `)` closing an argument list opened at `open`, or -1. */
function indexAfterArgs(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 4000; i++) {
    const c = text[i]!;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  return -1;
}

/**
 * The candidates (fields of an options object typed in place) that some call of the repository sets: a call of the
 * function whose arguments hold an object literal naming the field (`listExpenses(team, { limit: 50, cursor })`).
 * An option no caller sets changes nothing today; one a caller sets and the function drops is the defect.
 */
export function optionPassed(candidates: readonly Candidate[], files: readonly Source[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!candidates.length) return out;
  const calls = callArguments(files, new Set(candidates.map((c) => c.name)), ["typescript"]);
  for (const c of candidates) {
    const key = new RegExp(`[{,]\\s*(?:${c.param!.replace(/\$/g, "\\$")})\\s*[:,}]`);
    const objects = (calls.get(`typescript:${c.name}`) ?? []).flat().filter((a) => a.startsWith("{"));
    if (objects.some((a) => key.test(a))) out.add(c);
  }
  return out;
}
