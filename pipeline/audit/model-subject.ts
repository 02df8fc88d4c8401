// Per-model aggregate claims: "kimi-k2: 20/21 emitted JSON", "qwen 95% first-attempt". The extractor keeps the
// words that may name a model (the word right before the figure, and a "label:" opening its clause); the
// checker resolves them against the models that answered in the iteration, so a figure about one model is
// never held against the iteration's total.

/** A word that can be a model name: letters first, then letters, digits and . : / _ - (a trailing colon is the label's). */
const WORD = String.raw`[A-Za-z][\w./-]*(?::[\w.-]+)?`;

/** The clause of `text` the figure at `start` sits in: back to the last sentence or clause break. */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(0, start);
  const cut = Math.max(before.lastIndexOf(";"), before.search(/[.!?]\s[^.!?]*$/), before.lastIndexOf("|"));
  return before.slice(cut + 1);
}

/** Words before a figure that may name the model it is about. */
export function subjectsBefore(text: string, start: number): string[] {
  const clause = clauseBefore(text, start);
  const out = new Set<string>();
  const last = new RegExp(String.raw`(${WORD})\s*(?:[:—–(]|\s-)?\s*$`).exec(clause);
  if (last) out.add(last[1]!);
  const label = new RegExp(String.raw`^\s*(?:[-*]\s+)?\**(${WORD})\**\s*[:—–]\s`).exec(clause);
  if (label) out.add(label[1]!);
  return [...out];
}

const parts = (s: string) => s.toLowerCase().split(/[^a-z0-9.]+/).filter(Boolean);

/**
 * Whether `word` names `model`: the whole name ("kimi-k2-instruct"), its last path segment, or a leading run
 * of its parts ("kimi", "kimi-k2" for "moonshot/kimi-k2-instruct"); never a part from its middle ("instruct").
 */
export function namesModel(word: string, model: string): boolean {
  const w = word.toLowerCase();
  const m = model.toLowerCase();
  if (w === m) return true;
  const base = m.split("/").at(-1)!;
  if (w === base) return true;
  const wp = parts(w), bp = parts(base);
  return wp.length > 0 && wp.length <= bp.length && wp.every((p, i) => p === bp[i]);
}

export type ModelPick = { model: string } | { ambiguous: string[] } | null;

/** The one model the subjects name, several (ambiguous), or none (the claim is about the iteration). */
export function pickModel(subjects: readonly string[], models: readonly string[]): ModelPick {
  const hit = new Set(models.filter((m) => subjects.some((s) => namesModel(s, m))));
  if (hit.size === 1) return { model: [...hit][0]! };
  return hit.size ? { ambiguous: [...hit].sort() } : null;
}
