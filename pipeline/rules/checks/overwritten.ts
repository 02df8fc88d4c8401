// ignored-parameter by data flow: a parameter rebound before it is read (`let etag = resp.etag();` with
// `etag` a parameter, `timeout = 30` at the top of a Python function) never reaches any code path.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";

const cache = new Map<string, RegExp>();

/** Text that can rebind `name` at the start of a line or statement: the cheap question asked before any tree walk. */
function rebindingText(name: string, lang: GrammarLanguage): RegExp {
  const key = `${lang}:${name}`;
  let re = cache.get(key);
  if (!re) cache.set(key, (re = rebindingPattern(name, lang)));
  return re;
}

function rebindingPattern(name: string, lang: GrammarLanguage): RegExp {
  const id = name.replace(/\$/g, "\\$");
  if (lang === "rust") return new RegExp(`\\blet\\s+(mut\\s+)?${id}\\b`);
  if (lang === "go") return new RegExp(`(^|[;{])\\s*(\\w+\\s*,\\s*)*${id}\\s*(,\\s*\\w+\\s*)*:?=(?!=)`, "m");
  return new RegExp(`(^|[;{])\\s*${id}\\s*(:[^=\\n]*)?=(?![=>])`, "m");
}

const WORD = (name: string) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`);

/** The statement binds `name` afresh from a value that does not mention it: the caller's value is lost. */
function rebinds(stmt: SgNode, name: string, lang: GrammarLanguage): boolean {
  const word = WORD(name);
  let target: SgNode | null = null, value: SgNode | null = null;
  if (lang === "rust" && stmt.kind() === "let_declaration") {
    target = stmt.field("pattern" as never) as SgNode | null;
    value = stmt.field("value" as never) as SgNode | null;
    // `let etag;` declares without a value: the next assignment decides, stay silent.
    if (!value) return false;
  } else if (lang === "go" && /^(assignment_statement|short_var_declaration)$/.test(String(stmt.kind()))) {
    // `x += 1` reads the old value; only a plain `=` (or `:=`) replaces it.
    if (stmt.kind() === "assignment_statement" && ((stmt.field("operator" as never) as SgNode | null)?.text() ?? "=") !== "=") return false;
    const left = stmt.field("left" as never) as SgNode | null;
    if (!left?.namedChildren().some((c) => c.kind() === "identifier" && c.text() === name)) return false;
    return !word.test((stmt.field("right" as never) as SgNode | null)?.text() ?? name);
  } else if (stmt.kind() === "expression_statement") {
    const a = stmt.namedChildren()[0];
    // Python `x = ...` / `x: T = ...`; TS `x = ...` (augmented assignments read the old value).
    if (a && (a.kind() === "assignment" || a.kind() === "assignment_expression")) {
      target = a.field("left" as never) as SgNode | null;
      value = a.field("right" as never) as SgNode | null;
    }
  }
  if (!target || !value) return false;
  const bound = target.text().replace(/^mut\s+/, "");
  return bound === name && !word.test(value.text());
}

/** Statements of a function body, a Go `statement_list` unwrapped, comments and docstrings left out. */
function statements(body: SgNode): SgNode[] {
  const kids = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  const flat = kids.length === 1 && kids[0]!.kind() === "statement_list" ? kids[0]!.namedChildren() : kids;
  return flat.filter((c) => !/comment/.test(String(c.kind())) && !(c.kind() === "expression_statement" && c.child(0)?.kind() === "string"));
}

/**
 * Of `names` (parameters the body mentions), those whose first mention is an unconditional rebinding at
 * the top level of the body: the value the caller handed in is replaced before any code reads it (rustc's
 * "unused variable" on a shadowed parameter). A rebinding inside a branch leaves the other path reading it.
 */
export function overwrittenBeforeRead(body: SgNode, names: Iterable<string>, lang: GrammarLanguage): Set<string> {
  const out = new Set<string>();
  const text = body.text();
  // Most bodies rebind nothing: one scan for an assignment or a `let` before any per-name question.
  if (!(lang === "rust" ? /\blet\s/ : /[^=!<>+\-*/%&|^:]=(?![=>])/).test(text)) return out;
  const asked = [...names].filter((n) => rebindingText(n, lang).test(text));
  if (!asked.length) return out;
  const stmts = statements(body);
  for (const name of asked) {
    const word = WORD(name);
    const first = stmts.find((s) => word.test(s.text()));
    if (first && rebinds(first, name, lang)) out.add(name);
  }
  return out;
}
