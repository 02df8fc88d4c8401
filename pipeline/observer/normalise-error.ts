// Reduce an error message to its pattern: ids, numbers, times, hashes and quoted values become placeholders.

const RULES: [RegExp, string][] = [
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\b/g, "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<id>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\bhttps?:\/\/[^\s"'<>]+/gi, "<url>"],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, "<ip>"],
  // hashes and opaque ids: long runs of hex, or mixed letters+digits tokens (req_8f3a9c, abc123def)
  [/\b[0-9a-f]{12,}\b/gi, "<id>"],
  [/\b(?=[a-z_-]*\d)(?=\d*[a-z])[a-z0-9_-]{8,}\b/gi, "<id>"],
  [/"[^"\n]{0,200}"|'[^'\n]{0,200}'|`[^`\n]{0,200}`/g, "<str>"],
  [/-?\b\d+(\.\d+)?(ms|s|kb|mb|gb|b)?\b/gi, "<n>"],
];

/** The same failure with different numbers or ids yields the same pattern. */
export function normaliseError(text: string | null | undefined): string {
  if (!text) return "(no error text)";
  let s = text.split("\n")[0]!.trim();
  for (const [re, rep] of RULES) s = s.replace(re, rep);
  s = s.replace(/\s+/g, " ").replace(/(<(\w+)>)(\s*[,;]?\s*<\2>)+/g, "$1");
  return s.length > 200 ? s.slice(0, 200) + "…" : s || "(no error text)";
}
