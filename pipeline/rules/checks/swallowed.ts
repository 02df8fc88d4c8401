// swallowed-error: where an error dies, a comment is a claim, not a reason; in tests only a swallowed assertion counts.
import type { SgNode } from "@ast-grep/napi";
import { runtimeAssertion } from "../assertions";
import type { GrammarLanguage } from "../rule-spec";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";

const STATEMENT = /(_statement|_declaration|^expression_statement|^let_declaration|^assignment)$/;

/** The code whose failure is swallowed: the try block of a catch/except, else the enclosing statement. */
export function guardedCode(node: SgNode): SgNode {
  const parent = node.parent();
  if (parent && /^try_statement$/.test(String(parent.kind())) && /catch_clause|except_clause/.test(String(node.kind()))) {
    return (parent.field("body" as never) as SgNode | null) ?? parent;
  }
  let stmt: SgNode = node;
  for (let n: SgNode | null = node; n; n = n.parent()) {
    if (STATEMENT.test(String(n.kind()))) { stmt = n; break; }
  }
  // `err := save(); if err != nil {}`: the failing call is the statement before the empty branch.
  if (stmt.kind() === "if_statement" && !stmt.field("initializer" as never)) {
    const prev = stmt.prev();
    if (prev && !/comment/.test(String(prev.kind()))) return prev;
  }
  return stmt;
}

/** Comments inside the handler, trailing its line, or on the lines just above the statement. */
export function handlerComments(node: SgNode, guarded: SgNode, lines: readonly string[], lang: GrammarLanguage): string[] {
  const kinds = lang === "rust" ? [{ kind: "line_comment" }, { kind: "block_comment" }] : [{ kind: "comment" }];
  const out = node.findAll({ rule: { any: kinds } }).map((c) => c.text());
  const start = Math.min(node.range().start.line, guarded.range().start.line);
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    const l = lines[i]!.trim();
    if (/^(\/\/|#(?!\[)|\/\*|\*|--)/.test(l)) out.push(l);
    else break;
  }
  const same = lines[node.range().end.line] ?? "";
  const trailing = /(\/\/|#(?!\[))\s*(.*)$/.exec(same.slice(Math.max(0, node.range().end.column - 1)));
  if (trailing) out.push(trailing[0]);
  return out;
}

/** Phrases that state intent without a reason ("best effort", "ignore errors", "noop", "don't care"). */
const INTENT = /\b(best[\s-]*effort|ignor(e|ed|ing)(\s+(the\s+)?(errors?|failures?|exceptions?|it|this))?|intentional(ly)?(\s+(ignored|empty|swallowed|silent))?|deliberately(\s+(ignored|empty|silent))?|swallow(ed|s)?(\s+(the\s+)?(errors?|exceptions?))?|no[\s-]?op|don'?t\s+care|do\s+not\s+care|not\s+(critical|important|fatal|needed)|safe\s+to\s+ignore|silent(ly)?|nothing\s+to\s+do|it'?s\s+(fine|ok)|fine|ok(ay)?|whatever|eat(s|en)?\s+(the\s+)?(errors?|exceptions?)|on\s+purpose|expected|ignore)\b/gi;
const FILLER = /\b(the|a|an|we|i|it|is|are|this|that|here|just|so|to|and|or|any|all|of|errors?|exceptions?|failures?|todo|fixme|xxx|note|nolint|lint|eslint-disable\S*|noqa|pragma|no\s+cover)\b/gi;

/** A comment that only states intent: nothing is left once intent phrases and filler words are removed. */
export function intentOnly(comments: readonly string[]): boolean {
  const text = comments.join(" ").replace(/^\s*(\/\/+|#+|\/\*+|\*+\/?|--)/gm, " ").replace(/\*\//g, " ");
  if (!INTENT.test(text)) return false;
  INTENT.lastIndex = 0;
  const rest = text.replace(INTENT, " ").replace(FILLER, " ").replace(/[^A-Za-z0-9]+/g, " ").trim();
  return rest.split(/\s+/).filter((w) => w.length > 1).length < 3;
}

/** Calls that persist or audit: the failure of these is what a forensic reviewer must not lose. */
const PERSISTS = /(?:^|[.\s(!:])(write\w*|save\w*|insert\w*|update\w*|upsert\w*|commit\w*|persist\w*|store\w*|put\w*|append\w*|flush\w*|sync\w*|record\w*|audit\w*|journal\w*|ledger\w*|charge\w*|transfer\w*|publish\w*|enqueue\w*|send_?(mail|email)\w*|exec\w*|execute\w*|set_?item|fsync|rename)\s*[(!]/i;

export function persistsOrAudits(code: string): boolean {
  return PERSISTS.test(code) || /\baudit/i.test(code);
}

/**
 * A swallow is reported unless it ends a probe (feature detection with a fallback) or a comment gives a
 * reason. A comment that only states intent ("best
 * effort") is not a reason where the guarded code persists or audits. In test code a swallow is
 * reported only when it swallows the test's own assertion (`try { ...; expect(x) } catch {}`):
 * exercising an error path is what tests do.
 */
/** Reads, fetches or parses input: a failure there is data lost, not an unavailable feature. */
const READS_INPUT = /\b(JSON\.parse|parse\w*|\w+\.parse\w*|decode\w*|loads?|read\w*|deserialize\w*|unmarshal\w*|fromJSON|get|fetch|request|query|execute|send|recv|post|json)\s*\(/i;

/**
 * A probe: the try block only computes a value it assigns or returns (`AsyncLocalStorage = probe()`,
 * `return performance.now()`, `tz = Intl.DateTimeFormat()...`), reading no input and persisting
 * nothing; the code after the catch is the fallback. Feature detection, not a swallowed failure.
 */
export function isProbe(guarded: SgNode): boolean {
  // `with suppress(Exception): return cls(obj)`: the with block is the guarded code.
  if (guarded.kind() === "with_statement") guarded = (guarded.field("body" as never) as SgNode | null) ?? guarded;
  if (!/block/.test(String(guarded.kind()))) return false;
  const stmts = guarded.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  if (!stmts.length) return false;
  const valueOnly = stmts.every((st) => {
    const k = String(st.kind());
    if (k === "return_statement" || k === "lexical_declaration" || k === "variable_declaration") return true;
    return k === "expression_statement" && /^(assignment|assignment_expression|augmented_assignment)$/.test(String(st.child(0)?.kind()));
  });
  const text = guarded.text();
  return valueOnly && !READS_INPUT.test(text) && !persistsOrAudits(text);
}

export function swallowedCheck({ node, file, rule }: CheckContext): Hit[] {
  const guarded = guardedCode(node);
  if ((rule.language === "typescript" || rule.language === "python") && isProbe(guarded)) return [];
  const place = file.placeAt(node.range().start.line);
  if (place === "test" && !runtimeAssertion(guarded.text(), rule.language)) return [];
  const comments = handlerComments(node, guarded, file.lines, rule.language);
  if (!comments.length) return [{ region: regionOf(node) }];
  if (intentOnly(comments) && persistsOrAudits(guarded.text())) {
    return [{ region: regionOf(node), message: `${rule.message}: the comment states intent, not a reason, on a path that persists or audits` }];
  }
  return [];
}
