// hardcoded-secret: a sample token in a secret detector's own pattern table is test data, not a credential.
/**
 * The bracket group around `at`, `levels` groups out, as [open, close] offsets (double-quoted strings are
 * skipped; a single quote is as often a Rust lifetime as a string).
 */
function groupAround(content: string, from: number, to: number, levels: number): [number, number] | null {
  const walk = (from: number, step: 1 | -1, opens: RegExp, closes: RegExp, count: number): number => {
    let depth = 0;
    let quoted = false;
    for (let i = from; i >= 0 && i < content.length && Math.abs(i - from) < 4000; i += step) {
      const ch = content[i]!;
      if (ch === '"' && content[i - 1] !== "\\") quoted = !quoted;
      if (quoted || ch === '"') continue;
      if (closes.test(ch)) depth++;
      else if (opens.test(ch)) {
        if (depth > 0) depth--;
        else if (--count === 0) return i;
      }
    }
    return -1;
  };
  // Start outside the value's own quotes.
  const open = walk(content[from - 1] === '"' ? from - 2 : from - 1, -1, /[([{]/, /[)\]}]/, levels);
  const close = walk(content[to] === '"' ? to + 1 : to, 1, /[)\]}]/, /[([{]/, levels);
  return open < 0 || close < 0 ? null : [open, close];
}

/** A string literal read as a regular expression, when it is written as one (a class, a repeat, an escape, an alternation). */
function asPattern(literal: string): RegExp | null {
  const body = literal.replace(/\\\\/g, "\\");
  if (!/[[{\\|]|\.\*|\+$/.test(body)) return null;
  try { return new RegExp(body); } catch { return null; }
}

/**
 * The reported value sits in a row (a tuple, an array, a struct literal: up to three bracket groups around it)
 * beside a pattern literal that matches it whole: a secret detector's own table of sample tokens, each
 * paired with the regex it must match (`("GitHub PAT", "ghp_[A-Za-z0-9]{36}", Sample("ghp_…"))`). A value
 * the program checks its patterns against is test data shipped with the detector, not a credential it uses.
 */
export function sampleOfPattern(content: string, from: number, to: number): boolean {
  const value = content.slice(from, to).replace(/^["'`]|["'`]$/g, "");
  for (const levels of [1, 2, 3]) {
    const group = groupAround(content, from, to, levels);
    if (!group) return false;
    const row = content.slice(group[0], group[1] + 1);
    const literals = [...row.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1] ?? m[2]!).filter((l) => !value.includes(l) && !l.includes(value));
    // The pattern finds the token in text (a detector searches, it does not anchor): what it matches must be
    // token-sized, so a loose pattern (`\\d+`) beside an unrelated value does not count.
    if (literals.some((l) => (asPattern(l)?.exec(value)?.[0].length ?? 0) >= Math.min(16, value.length))) return true;
  }
  return false;
}
