// Find JSON objects in model text: fenced blocks first, then balanced {...} spans; lenient repair for
// the usual slips (trailing commas, comments, smart quotes). Never throws.

/** Fenced code blocks (```json or bare ```), in order. */
export function fencedBlocks(text: string): string[] {
  const out: string[] = [];
  const re = /```[ \t]*([A-Za-z0-9_-]*)[^\n]*\n([\s\S]*?)```/g;
  for (let m; (m = re.exec(text)); ) out.push(m[2]!);
  return out;
}

/** Balanced top-level {...} spans, respecting strings; at most `limit` of them. */
export function balancedObjects(text: string, limit = 8): string[] {
  const out: string[] = [];
  let i = text.indexOf("{");
  while (i !== -1 && out.length < limit) {
    let depth = 0, inStr = false, esc = false, end = -1;
    for (let j = i; j < text.length; j++) {
      const c = text[j];
      if (inStr) {
        if (esc) esc = false;
        else if (c === "\\") esc = true;
        else if (c === '"') inStr = false;
        continue;
      }
      if (c === '"') inStr = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) { end = j; break; }
    }
    if (end === -1) {
      // An unbalanced brace in prose: try the next opening brace instead of giving up.
      i = text.indexOf("{", i + 1);
      continue;
    }
    out.push(text.slice(i, end + 1));
    i = text.indexOf("{", end + 1);
  }
  return out;
}

function repair(s: string): string {
  return s
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/,\s*([}\]])/g, "$1");
}

export function tryParseObject(s: string): Record<string, unknown> | null {
  for (const candidate of [s, repair(s)]) {
    try {
      const v = JSON.parse(candidate);
      if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* try the next form */
    }
  }
  return null;
}

/** Every parseable object in the text, best candidates first. */
export function jsonObjects(text: string): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const spans = [...fencedBlocks(text).flatMap((b) => [b, ...balancedObjects(b)]), ...balancedObjects(text)];
  for (const span of spans) {
    const key = span.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    const o = tryParseObject(key);
    if (o) out.push(o);
  }
  return out;
}
