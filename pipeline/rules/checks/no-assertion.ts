// assertion-free-test: a test whose body asserts nothing, directly or through a helper in the same file.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { type Hit, param, regionOf } from "./hit";

const FUNCTION_KINDS: Record<RuleLanguage, string[]> = {
  typescript: ["function_declaration", "method_definition", "variable_declarator", "generator_function_declaration"],
  python: ["function_definition"],
  // macro_rules! helpers (`inserted!(...)`) assert as often as functions do in Rust tests.
  rust: ["function_item", "macro_definition"],
  go: ["function_declaration", "method_declaration"],
  markdown: [],
  text: [],
};

/** Functions defined in the file (name → body text): the helpers a test may assert through. */
export function fileFunctions(root: SgNode, lang: RuleLanguage): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of FUNCTION_KINDS[lang]) {
    for (const fn of root.findAll({ rule: { kind: k } })) {
      const name = (fn.field("name" as never) as SgNode | null)?.text();
      const body = (fn.field("body" as never) ?? fn.field("value" as never) ?? (k === "macro_definition" ? fn : null)) as SgNode | null;
      if (name && body) out.set(name, (out.get(name) ?? "") + "\n" + body.text());
    }
  }
  return out;
}

/** Names of helpers that assert, directly or by calling another asserting helper (fixpoint). */
export function assertingHelpers(fns: Map<string, string>, asserts: RegExp): Set<string> {
  const yes = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, body] of fns) {
      if (yes.has(name)) continue;
      if (asserts.test(body) || callsAny(body, yes)) { yes.add(name); grew = true; }
    }
  }
  return yes;
}

function callsAny(text: string, names: Set<string>): boolean {
  // `helper!(...)`, `helper(...)` and Rust's turbofish `helper::<T>(...)` all call it.
  for (const n of names) if (new RegExp(`(?<![\\w$])${n.replace(/\$/g, "\\$")}!?\\s*(::\\s*<[^;{}()]*>)?\\s*\\(`).test(text)) return true;
  return false;
}

/** Attribute and decorator lines just above a node (#[should_panic], @pytest.mark.skip). */
function preamble(lines: string[], startLine: number): string {
  const out: string[] = [];
  for (let i = startLine - 1; i >= 0 && i >= startLine - 8; i--) {
    const l = lines[i]!.trim();
    if (/^(#\[|@|\/\/|#)/.test(l)) out.push(l);
    else break;
  }
  return out.join("\n");
}

export interface AssertionContext { root: SgNode; lines: string[]; helpers?: Set<string> }

export function noAssertion(test: SgNode, body: SgNode | null, lang: RuleLanguage, check: Record<string, unknown>, ctx: AssertionContext): Hit[] {
  const asserts = new RegExp(param(check, "assertions", "(?!)"));
  const exempt = new RegExp(param(check, "exempt", "(?!)"));
  const delegates = new RegExp(param(check, "delegates", "(?!)"));
  const raw = (body ?? test).text();
  const text = raw.replace(/^\s*(\/\/|#(?!\[)).*$/gm, "");
  if (asserts.test(text) || delegates.test(text)) return [];
  // The whole test node, not only the body: Python keeps a leading comment outside the block.
  if (exempt.test(raw) || exempt.test(preamble(ctx.lines, test.range().start.line)) || exempt.test(test.text())) return [];
  // A helper asserts only through strong assertions: in Rust `?` and unwrap() in the code under test
  // (a method the test calls) are plumbing, not checks, so `helperAssertions` may be narrower.
  ctx.helpers ??= assertingHelpers(fileFunctions(ctx.root, lang), new RegExp(param(check, "helperAssertions", asserts.source)));
  if (callsAny(text, ctx.helpers)) return [];
  return [{ region: regionOf(test) }];
}
