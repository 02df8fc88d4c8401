// insecure-compare: a value compared through a byte or string view of it (`Buffer.from(token, "utf8")`,
// `token.as_bytes()`, `token.encode()`, `[]byte(token)`) is the value itself: the view changes its type, not
// what a timing attack learns. Operands are judged by what they view.

/** Method views that hand back the same content in another type (Rust, Python, TypeScript). */
const METHOD_VIEW = /^(.+?)\s*\.\s*(as_bytes|as_str|as_ref|as_slice|to_vec|to_string|to_owned|into_bytes|bytes|encode|trim|strip|toString|valueOf)\s*\(\s*(?:["'][\w-]*["'])?\s*\)$/;

/** Call views: a constructor or conversion given the value and at most an encoding literal. */
const CALL_VIEW = /^(?:Buffer\.from|new\s+TextEncoder\(\)\.encode|TextEncoder\(\)\.encode|\[\]byte|\[\]rune|string|bytes|bytearray|str|String|Vec::from|String::from|Cow::from)\s*\(\s*([^(),]+?)\s*(?:,\s*["'][\w-]*["']\s*)?\)$/;

/** The value a byte or string view shows (`Buffer.from(expected, "utf8")` → `expected`), or the text itself. */
export function viewedValue(text: string): string {
  let cur = text.trim().replace(/^&+\s*/, "");
  for (let i = 0; i < 3; i++) {
    const m = METHOD_VIEW.exec(cur) ?? CALL_VIEW.exec(cur);
    const inner = m?.[1];
    if (!inner || /^["'`]/.test(inner.trim())) return cur;
    cur = inner.trim().replace(/^&+\s*/, "");
  }
  return cur;
}
