// Replace secrets in file content before it leaves the machine: secretlint's recommended rules plus
// high-entropy literals assigned to key/token/password names. Line numbers stay intact.
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { shannonEntropy } from "../rules/checks/entropy";

export interface RedactOptions {
  placeholder: string;
  entropyMin: number;
  minLength: number;
}

const SECRET_NAME = /(pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|authorization|credential|bearer|signing[_-]?key)/i;
// name = "literal" / name: 'literal' / NAME := `literal`, in most languages' assignment syntax.
const ASSIGN = /([A-Za-z_$][\w$.-]*)["']?\s*(?::=|=>|[:=])\s*(?:[A-Za-z_][\w.]*\()?\s*(["'`])([^"'`\n]+)\2/g;

/** Ranges [start, end) of high-entropy literals assigned to secret-looking names. */
export function entropySecrets(content: string, opts: Pick<RedactOptions, "entropyMin" | "minLength">): [number, number][] {
  const out: [number, number][] = [];
  for (const m of content.matchAll(ASSIGN)) {
    const [, name, , literal] = m;
    // An Authorization value carries its scheme ("Bearer abc…"): judge the credential after it.
    const scheme = /^(Bearer|Basic|Token)\s+/i.exec(literal!)?.[0] ?? "";
    const value = literal!.slice(scheme.length);
    if (!SECRET_NAME.test(name!) || value.length < opts.minLength) continue;
    if (/\s/.test(value) || /^(https?:)?\/\//.test(value) || /\$\{|\{\{|%s|process\.env|os\.environ/.test(value)) continue;
    if (shannonEntropy(value) < opts.entropyMin) continue;
    const start = m.index! + m[0].lastIndexOf(literal!) + scheme.length;
    out.push([start, start + value.length]);
  }
  return out;
}

export async function secretlintRanges(content: string, filePath: string): Promise<[number, number][]> {
  const result = await lintSource({
    source: { filePath: "/" + filePath, content, contentType: "text" },
    options: { config: { rules: [{ id: recommended.meta.id, rule: recommended, options: {} }] }, maskSecrets: false },
  });
  return result.messages.map((m) => [m.range[0], m.range[1]] as [number, number]);
}

/** Replace ranges with the placeholder, keeping every newline so line numbers do not move. */
export function applyRedactions(content: string, ranges: [number, number][], placeholder: string): { text: string; count: number } {
  const merged = ranges
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
    .reduce<[number, number][]>((acc, r) => {
      const last = acc[acc.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else acc.push([r[0], r[1]]);
      return acc;
    }, []);
  let text = "";
  let pos = 0;
  for (const [a, b] of merged) {
    const newlines = content.slice(a, b).split("\n").length - 1;
    text += content.slice(pos, a) + placeholder + "\n".repeat(newlines);
    pos = b;
  }
  return { text: text + content.slice(pos), count: merged.length };
}

export async function redactSecrets(content: string, filePath: string, opts: RedactOptions): Promise<{ text: string; count: number }> {
  const ranges = [...(await secretlintRanges(content, filePath)), ...entropySecrets(content, opts)];
  return applyRedactions(content, ranges, opts.placeholder);
}
