// swallowed-error (Rust): `let _ = x.method(..)` drops nothing when every declaration of `method` in the walked
// Rust files answers a value that carries no error: a `bool` a readiness update answers, a `usize` count of closed
// sessions, an `Option` a timer cancel hands back, a `ControlFlow` a visitor breaks with, or nothing at all. The
// declaration says there is no error to check. A name the repository does not declare (the standard library, a
// dependency), or one any declaration of which answers a Result or a type the floor cannot see into, keeps the finding.
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { droppedCallee } from "./claim-evidence";
import { findingText } from "./errorless-callee";

/** Return types that carry no error: scalars, `Option`, `ControlFlow`, `Poll`, references, owned text, unit. */
const NO_ERROR = /^(bool|char|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|\(\)|String|&[^<]*|&'\w+\s+[^<]*|Option<[\s\S]*>|ControlFlow<[\s\S]*>|Poll<(?![\s\S]*Result)[\s\S]*>|Duration|Instant|Self)$/;

/** Every `fn NAME(..) -> TYPE` of the walked Rust files: the return type, "()" when it names none. */
function rustReturns(files: readonly { path: string; content: string }[]): (name: string) => string[] {
  const rust = files.filter((f) => f.path.endsWith(".rs"));
  const cache = new Map<string, string[]>();
  return (name) => {
    let types = cache.get(name);
    if (types) return types;
    types = [];
    const head = new RegExp(`\\bfn\\s+${name}\\s*(?:<[^()]*>)?\\s*\\(`, "g");
    for (const f of rust) {
      if (!f.content.includes(name)) continue;
      for (const m of f.content.matchAll(head)) {
        // Past the parameter list (parentheses balanced), up to the body, a `where` clause or the `;` of a declaration.
        let i = m.index! + m[0].length, depth = 1;
        for (; i < f.content.length && depth; i++) depth += f.content[i] === "(" ? 1 : f.content[i] === ")" ? -1 : 0;
        const rest = /^\s*(?:->\s*([\s\S]*?))?\s*(?:\{|\bwhere\b|;)/.exec(f.content.slice(i, i + 400));
        types.push(rest ? (rest[1] ?? "()").replace(/\s+/g, " ").trim() : "?");
      }
    }
    cache.set(name, types);
    return types;
  };
}

/**
 * The dropped statement from the finding's line through its `;` at depth 0, lines joined: rustfmt breaks a chain
 * (`let _ = self\n.manager\n.exec(..)\n.await;`) over lines, and the callee is on a later one. At most twelve lines.
 */
function statementFrom(f: StaticFinding, lines: readonly string[]): string {
  // Only a chain on the type's own fields (`self.manager.exec(..)`): a builder chain (`sqlx::query(..).bind(..)
  // .execute(pool)`) ends in a library's method whose name the repository may declare for something else.
  if (!/^\s*(let\s+_\s*=\s*)?self\b/.test(findingText(f, lines))) return findingText(f, lines);
  let text = "", depth = 0;
  for (let i = f.line - 1; i < lines.length && i < f.line + 11; i++) {
    const chunk = i === f.line - 1 ? findingText(f, lines) : " " + lines[i]!.trim();
    for (let j = 0; j < chunk.length; j++) {
      const ch = chunk[j];
      depth += ch === "(" || ch === "{" || ch === "[" ? 1 : ch === ")" || ch === "}" || ch === "]" ? -1 : 0;
      if (ch === ";" && depth <= 0) return text + chunk.slice(0, j + 1);
    }
    text += chunk;
  }
  return text;
}

/** The Rust swallowed-error findings whose dropped call every walked declaration answers without an error. */
export function rsErrorlessDrops(findings: readonly StaticFinding[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Set<StaticFinding> {
  const out = new Set<StaticFinding>();
  const rust = findings.filter((f) => f.class === "swallowed-error" && f.file.endsWith(".rs"));
  if (!rust.length) return out;
  const returns = rustReturns(files);
  for (const f of rust) {
    const statement = statementFrom(f, lines(f.file)).trim().replace(/^let\s+_\s*=\s*/, "").replace(/\.ok\(\)\s*;?\s*$/, "");
    const key = droppedCallee(statement);
    if (!key || !/^[A-Za-z_]\w*$/.test(key.method)) continue;
    const types = returns(key.method);
    if (types.length && types.every((t) => NO_ERROR.test(t))) out.add(f);
  }
  return out;
}
