// swallowed-error (Rust): `let _ = x.method(..)` drops nothing when every declaration of `method` in the walked
// Rust files answers a value that carries no error: a `bool` a readiness update answers, a `usize` count of closed
// sessions, an `Option` a timer cancel hands back, a `ControlFlow` a visitor breaks with, or nothing at all. The
// declaration says there is no error to check. A name the repository does not declare (the standard library, a
// dependency), or one any declaration of which answers a Result or a type the floor cannot see into, keeps the finding.
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { droppedCallee } from "./claim-evidence";
import { findingText } from "./errorless-callee";
import { callEnd } from "../syntax";

/** Return types that carry no error: scalars, `Option`, `ControlFlow`, `Poll`, references, owned text, unit; and a channel send's wrapper (`send`, whose error is a closed receiver). */
const NO_ERROR = /^(send|bool|char|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|\(\)|String|&[^<]*|&'\w+\s+[^<]*|Option<[\s\S]*>|ControlFlow<[\s\S]*>|Poll<(?![\s\S]*Result)[\s\S]*>|Duration|Instant|Self)$/;

/**
 * A body whose only fallible step is a channel send (zellij's `send_to_plugin`: `self.to_plugin.as_ref()
 * .context("..")?.send(instruction).to_anyhow().context("..")`): its error says the receiving thread is gone, as a
 * dropped `tx.send(..)` does. Any call other than the send, the sender's lookup and the error's wrapping may fail
 * for another reason, and keeps the finding.
 */
const SEND_WRAPPER_CALLS = /^(send|unbounded_send|blocking_send|as_ref|as_mut|context|with_context|map_err|to_anyhow|map|ok_or|ok_or_else|unwrap_or_else|unwrap_or|clone|into|Ok|Err|Some|format)$/;
function sendsOnly(body: string): boolean {
  const code = body.replace(/\/\/[^\n]*/g, "").replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const calls = [...code.matchAll(/([A-Za-z_]\w*)\s*!?\s*(?:::\s*<[^()]*>)?\s*\(/g)].map((m) => m[1]!).filter((n) => !/^(if|match|while|for|return|let)$/.test(n));
  // ... on a channel's sender (`self.to_plugin`, `tx`, `sender`): an SMTP mailer's, a socket sink's or a client's `send`
  // fails for reasons of its own.
  return calls.some((n) => /send$/.test(n)) && calls.every((n) => SEND_WRAPPER_CALLS.test(n))
    && /\b(to_\w+|tx|sender|senders|\w+_tx|\w+_sender|chan|channel)\b/.test(code) && !/\b(mailer|smtp|transport|sink|socket|ws|client|http|conn|stream|producer)\b/i.test(code);
}

/** The body of a function whose signature ends at `from` (the text up to its matching closing brace), or "" for a declaration. */
function bodyFrom(content: string, from: number): string {
  const open = content.indexOf("{", from);
  if (open < 0 || /;/.test(content.slice(from, open))) return "";
  const end = callEnd(content.slice(0, open + 4000), open, ["{", "}"]);
  return end < 0 ? "" : content.slice(open + 1, end - 1);
}

/** Every `fn NAME(..) -> TYPE` of the walked Rust files: the return type, "()" when it names none; "send" for a Result-answering channel send wrapper. */
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
        const type = rest ? (rest[1] ?? "()").replace(/\s+/g, " ").trim() : "?";
        types.push(/^(?:anyhow::|std::result::|io::)?Result\b/.test(type) && sendsOnly(bodyFrom(f.content, i)) ? "send" : type);
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
  // ... or on a local's fields (`session_data\n.senders\n.send_to_screen(..)`): no call before the last one.
  const first = findingText(f, lines);
  const fieldChain = /^\s*(let\s+_\s*=\s*)?[a-z_]\w*(\s*\.\s*[a-z_]\w*)*\s*$/.test(first);
  if (!/^\s*(let\s+_\s*=\s*)?self\b/.test(first) && !fieldChain) return first;
  const joined = joinStatement(f, lines);
  if (!fieldChain) return joined;
  // The chain's first call is its only one: fields up to it, then nothing but `.await` or `.ok()` after it closes.
  const open = joined.indexOf("(");
  const close = open < 0 ? -1 : callEnd(joined, open);
  const fieldsOnly = open > 0 && !joined.slice(0, open).includes("::") && close > 0 && /^\s*(\.\s*await\s*)?(\.\s*ok\(\s*\)\s*)?;?\s*$/.test(joined.slice(close));
  return fieldsOnly ? joined : first;
}

/** The statement from the finding's line through its `;` at depth 0, at most twelve lines, joined. */
function joinStatement(f: StaticFinding, lines: readonly string[]): string {
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
