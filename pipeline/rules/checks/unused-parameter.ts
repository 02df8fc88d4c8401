// ignored-parameter: a function whose body never reads a parameter its signature promises to honour.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { type Hit, param, regionOf } from "./hit";

const PARAM_KINDS: Record<RuleLanguage, string[]> = {
  typescript: ["required_parameter", "optional_parameter"],
  python: ["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"],
  rust: ["parameter"],
  go: ["parameter_declaration"],
  markdown: [],
  text: [],
};

/** Identifier nodes that name the function's own parameters (destructuring and splats are skipped). */
export function parameterNames(fn: SgNode, lang: RuleLanguage): SgNode[] {
  const list = fn.field("parameters" as never) as SgNode | null;
  if (!list) return [];
  const out: SgNode[] = [];
  for (const p of list.namedChildren()) {
    if (!PARAM_KINDS[lang].includes(String(p.kind()))) continue;
    if (lang === "python" && p.kind() === "identifier") { out.push(p); continue; }
    // `constructor(private opts: X)` stores the parameter as a field: it is read through `this`.
    if (lang === "typescript" && p.children().some((c) => c.kind() === "accessibility_modifier" || c.text() === "readonly")) continue;
    if (lang === "go") { out.push(...p.fieldChildren("name" as never) as SgNode[]); continue; }
    const first = (lang === "python" && p.kind() === "typed_parameter") ? p.namedChildren()[0] : (p.field("pattern" as never) ?? p.field("name" as never)) as SgNode | null;
    if (first && first.kind() === "identifier") out.push(first);
    else if (lang === "typescript" && first?.kind() === "object_pattern") out.push(...destructuredNames(first));
  }
  return out;
}

/**
 * Names bound by a destructured parameter (`{ orgId, pageSize }`, `{ limit = 10 }`, `{ timeout: ms }`).
 * A pattern with a rest element is skipped: pulling a prop out so `...rest` does not forward it is
 * deliberate (`function Button({ variant, ...rest })`).
 */
function destructuredNames(pattern: SgNode): SgNode[] {
  const kids = pattern.namedChildren();
  if (kids.some((k) => k.kind() === "rest_pattern")) return [];
  const out: SgNode[] = [];
  for (const k of kids) {
    if (k.kind() === "shorthand_property_identifier_pattern") out.push(k);
    else if (k.kind() === "object_assignment_pattern") {
      const left = k.field("left" as never) as SgNode | null;
      if (left?.kind() === "shorthand_property_identifier_pattern") out.push(left);
    } else if (k.kind() === "pair_pattern") {
      const value = k.field("value" as never) as SgNode | null;
      if (value?.kind() === "identifier") out.push(value);
    }
  }
  return out;
}

/** Words of an identifier: requestTimeoutMs → request, timeout, ms; max_age → max, age. */
export function identifierWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[_\W]+/).filter(Boolean);
}

const STUB_BODY = /^(pass|\.\.\.|raise NotImplementedError\b.*|throw new Error\(.*\);?|(todo|unimplemented|panic)!?\(.*\);?|return;?)$/s;

/** One statement that fails with a "not implemented"/TODO message: `return errors.New("not implemented")`, `Err(anyhow!("todo"))`. */
const NOT_IMPLEMENTED = /^(return\b|throw\b|raise\b|panic|Err\(|bail!|Promise\.reject)[^;]*["'`][^"'`]*(not\s+(yet\s+)?implemented|unimplemented|\btodo\b)/i;

/** A literal result: `false`, `nil`, `None`, `0`, `""`, `Ok(())`, an error built from a literal message. */
const LITERAL = String.raw`(true|false|True|False|nil|None|null|undefined|-?\d+|"[^"\n]*"|'[^'\n]*'|Ok\(\(\)\)|(errors\.New|fmt\.Errorf|new Error)\(\s*"[^"\n]*"\s*\))`;

/**
 * One statement that refuses the operation or answers a constant: `return false`, `return nil,
 * errors.New("unsupported")`, `raise SendfileNotAvailableError(...)`, `panic("unsupported")`. Such a
 * body ignores every parameter by design (a null or refusing implementation of an interface method);
 * constant verifiers are the *-constant-verifier rules' business.
 */
const REFUSAL = new RegExp(String.raw`^((return\s+)?${LITERAL}(\s*,\s*${LITERAL})*|raise\s+[\w.]+(\(.*\))?|throw\s+.*|panic!?\(.*\))\s*;?$`, "s");

/** A body that is empty or only a stub, docstring, refusal or constant says nothing about parameter use. */
function isStubBody(body: SgNode): boolean {
  const stmts = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())) && !(c.kind() === "expression_statement" && c.child(0)?.kind() === "string"));
  const inner = stmts.length === 1 && stmts[0]!.kind() === "statement_list" ? stmts[0]!.namedChildren() : stmts;
  if (inner.length === 0) return true;
  if (inner.length !== 1) return false;
  const only = inner[0]!.text().trim();
  return STUB_BODY.test(only) || NOT_IMPLEMENTED.test(only) || REFUSAL.test(only);
}

function isRead(body: SgNode, name: string, lang: RuleLanguage): boolean {
  const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`);
  const text = body.text();
  if (!word.test(text)) return false;
  const kinds = lang === "typescript" ? [{ kind: "identifier" }, { kind: "shorthand_property_identifier" }] : [{ kind: "identifier" }];
  if (body.find({ rule: { any: kinds, regex: `^${name.replace(/\$/g, "\\$")}$` } })) return true;
  // Rust format strings read a variable by name: println!("{limit}").
  return lang === "rust" && new RegExp(`\\{${name}[}:]`).test(text);
}

export function unusedParameters(fn: SgNode, lang: RuleLanguage, check: Record<string, unknown>): Hit[] {
  const words = new Set(param<string[]>(check, "words", []).map((w) => w.toLowerCase()));
  const skip = new RegExp(param(check, "skip", "^(_|self$|cls$)"));
  // Names first: most functions have no parameter the rule cares about, so stop before touching the body.
  const candidates = parameterNames(fn, lang).filter((p) => {
    const name = p.text();
    return !skip.test(name) && identifierWords(name).some((w) => words.has(w));
  });
  if (!candidates.length) return [];
  const body = fn.field("body" as never) as SgNode | null;
  if (!body || isStubBody(body)) return [];
  if (lang === "typescript" && /(?<![\w$.])arguments(?![\w$])/.test(body.text())) return [];
  const hits: Hit[] = [];
  for (const p of candidates) {
    const name = p.text();
    if (isRead(body, name, lang)) continue;
    hits.push({ region: regionOf(p), message: `parameter '${name}' is never read: the function ignores what its signature promises` });
  }
  return hits;
}
