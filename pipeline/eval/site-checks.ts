// Small checks that refine an operator's match where ast-grep alone cannot say it (counting references).
import type { NapiConfig, SgNode } from "@ast-grep/napi";
import { EXAMPLE_FILE, parseSource } from "../rules/languages";
import type { RuleLanguage } from "../rules/rule-spec";
import type { SiteCheck } from "./mutation-spec";

const IDENT_KINDS = ["identifier", "shorthand_property_identifier", "shorthand_field_identifier"];
const identMatchers = new Map<RuleLanguage, NapiConfig>();

/** A kind-only rule for the identifier kinds this grammar has (ast-grep rejects a kind it does not know). */
function identMatcher(lang: RuleLanguage): NapiConfig {
  let m = identMatchers.get(lang);
  if (!m) {
    const root = parseSource(EXAMPLE_FILE[lang], "")!.root();
    const known = IDENT_KINDS.filter((kind) => {
      try {
        root.findAll({ rule: { kind } });
        return true;
      } catch {
        return false;
      }
    });
    identMatchers.set(lang, (m = { rule: { any: known.map((kind) => ({ kind })) } }));
  }
  return m;
}

/** Python's `f(timeout=...)` keyword and `obj.timeout` attribute are names, not reads of a variable. */
function isNameNotRead(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  const kind = String(parent.kind());
  const field = kind === "keyword_argument" ? "name" : kind === "attribute" ? "attribute" : null;
  if (!field) return false;
  const named = parent.field(field as never) as SgNode | null;
  return named !== null && named.range().start.index === node.range().start.index;
}

/**
 * Reference counts per scope node, memoised for one file: a function with many forwarded parameters is
 * walked once, not once per candidate read. The identifiers are grouped by name in one walk; whether each
 * is a read (not a Python keyword or attribute name) is asked only for the names a check needs.
 */
export class ReferenceCounts {
  private readonly byScope = new Map<number, { names: Map<string, SgNode[]>; counts: Map<string, number> }>();
  constructor(private readonly lang: RuleLanguage) {}

  count(scope: SgNode, name: string): number {
    let entry = this.byScope.get(scope.id());
    if (!entry) this.byScope.set(scope.id(), (entry = { names: identifiers(scope, this.lang), counts: new Map() }));
    let n = entry.counts.get(name);
    if (n === undefined) entry.counts.set(name, (n = (entry.names.get(name) ?? []).filter((id) => !isNameNotRead(id)).length));
    return n;
  }
}

/** The scope's identifier nodes (itself included) grouped by text; ast-grep walks the tree, not JS. */
function identifiers(scope: SgNode, lang: RuleLanguage): Map<string, SgNode[]> {
  const out = new Map<string, SgNode[]>();
  for (const node of scope.findAll(identMatcher(lang))) {
    const text = node.text();
    const list = out.get(text);
    if (list) list.push(node);
    else out.set(text, [node]);
  }
  return out;
}

/**
 * sole-reference: the captured identifier is read exactly once in the nearest enclosing scope
 * (a function), besides its declaration among the parameters; so removing that read leaves the
 * parameter unread, the defect "stop reading a parameter" as it happens in real code.
 * min-lines: the captured node spans at least `lines` lines (a body worth stubbing out).
 */
/**
 * The check's verdict, and where a reviewer will point at the defect when that is not the changed line:
 * sole-reference gives the parameter's declaration (an unread parameter is reported where it is declared,
 * not where the dropped read was). Null when the site does not pass.
 */
export function siteCheck(check: SiteCheck, node: SgNode, refs: ReferenceCounts): { anchor: number | null } | null {
  const captured = node.getMatch(check.capture.slice(1));
  if (!captured) return null;
  if (check.name === "min-lines") {
    const r = captured.range();
    return r.end.line - r.start.line + 1 >= check.lines ? { anchor: null } : null;
  }
  let scope: SgNode | null = captured.parent();
  while (scope && !check.scope.includes(String(scope.kind()))) scope = scope.parent();
  if (!scope) return null;
  const params = scope.field("parameters" as never) as SgNode | null;
  const body = scope.field("body" as never) as SgNode | null;
  if (!params || !body) return null;
  const name = captured.text();
  if (refs.count(params, name) < 1 || refs.count(body, name) !== 1) return null;
  const declared = params.children().find((p) => p.findAll({ rule: { kind: "identifier" } }).some((id) => id.text() === name));
  return { anchor: (declared ?? params).range().start.line + 1 };
}
