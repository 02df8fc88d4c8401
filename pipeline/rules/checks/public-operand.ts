// insecure-compare: operands a timing attack learns nothing from, decided by how the value is made: a named
// constant of the type system (an enum variant), a configuration value named for something that is not a
// credential, and two sides that both come from the same input the caller sent (a confirmation check).
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp, identifierWords, TYPE_ANNOTATION } from "../syntax";

/**
 * An enum variant spelled as a path (`jwt::AlgorithmType::Hs512`, `Kind::Password`): a `::` path whose
 * last two segments are a type and a CamelCase variant. The variant names a case of the type, never a
 * value a caller could keep secret (an UPPER_SNAKE associated constant may hold a literal: not this shape).
 */
export function enumVariant(t: string): boolean {
  const parts = t.split("::");
  return parts.length > 1 && /^[A-Z][A-Za-z0-9]*$/.test(parts[parts.length - 2]!) && /^[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]*$/.test(parts[parts.length - 1]!);
}

/**
 * The key a read names: the string literals of a keyed read (`Query().Get("token")` → token), else the
 * head noun of the last identifier (`config.Opts.OAuth2Provider()` → provider, `settings.ADMIN_TOKEN` →
 * token), the whole identifier when that noun is `key` (`signing_key`: a key of what, its qualifier says);
 * anything else (a keyed or mapped read) whole.
 * A configuration entry is named by its last word: an OAuth provider's name is a provider, not a
 * credential, whatever the words before it.
 */
export function readKey(t: string): string {
  // An empty literal is a fallback (`process.env.DEPLOY_TOKEN ?? ''`), not a key: the read keeps its own name.
  const literals = t.match(/"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g)?.filter((l) => l.length > 2);
  if (literals?.length) return literals.map((l) => l.slice(1, -1)).join(" ");
  // Only a plain path of names names an entry (`config.Opts.OAuth2Provider()`); a keyed or mapped read
  // (`headers().get(AUTHORIZATION).map(..)`) is judged whole.
  if (!/^[A-Za-z_$][\w$]*(\s*(\.|::|->)\s*[A-Za-z_$][\w$]*(\(\))?)*$/.test(t.trim())) return t;
  const ids = t.match(/[A-Za-z_$][\w$]*/g) ?? [];
  const last = ids[ids.length - 1] ?? "";
  const head = identifierWords(last).pop() ?? "";
  // A key is a key of something: its qualifier says which (`signing_key`, `ApiKey`; `sort_key` is no secret).
  return /^keys?$/.test(head) ? last : head;
}

/** The variable or parameter an expression is rooted in (`info.data["password"]` → info, `v.Plain` → v). */
function rootOf(t: string): string | null {
  return /^([A-Za-z_$][\w$]*)\b/.exec(t.trim())?.[1] ?? null;
}

/**
 * The root an expression is made from after following assignments in the function (up to three hops):
 * `rawPassword := form.record.GetRaw(..)` then `v, ok := rawPassword.(*PasswordFieldValue)` roots `v.Plain`
 * in `form`. A tuple assignment (`v, ok :=`) binds its first name. A path (`hex::encode(..)`) is no type annotation and
 * `!=` no assignment: `hex::encode(mac.finalize()) != sig` is not `hex` made from `sig`.
 */
function madeFrom(fn: SgNode | null, t: string): string | null {
  let root = rootOf(t);
  for (let hop = 0; fn && root && hop < 3; hop++) {
    const m = new RegExp(`(?<![\\w$.])${escapeRegExp(root)}\\s*(?:,\\s*[\\w$]+\\s*)*${TYPE_ANNOTATION}(?::=|=(?!=))\\s*([^;\\n]+)`).exec(fn.text());
    const next = m ? rootOf(m[1]!) : null;
    if (!next || next === root || /^(new|await|self|this|Self)$/.test(next)) break;
    root = next;
  }
  return root;
}

/**
 * Both sides made from one object (`v.Plain != form.password` with `v` taken out of `form.record`): the
 * program compares two parts of the same input or record, so whoever could time it already holds both.
 */
export function sameOrigin(fn: SgNode | null, ops: string[]): boolean {
  if (!ops.every((t) => /[.[]/.test(t) || /^[A-Za-z_$][\w$]*$/.test(t))) return false;
  const a = madeFrom(fn, ops[0]!);
  return a !== null && !/^(self|this|Self|s)$/.test(a) && a === madeFrom(fn, ops[1]!) && ops[0] !== ops[1];
}

/** Does a parameter list (a declaration's text) bind this name? */
function bindsParam(list: string, name: string): boolean {
  return new RegExp(`(?<![\\w$.])${escapeRegExp(name)}(?![\\w$])`).test(list);
}

/**
 * A form or model field validator: Python decorated as one (pydantic `@field_validator`, `@validator`,
 * `@model_validator`), or TS/JS a function handed to a form library as a field's `validate`/`validator`
 * rule (`rules={{ validate: samePassword }}`, `validate: (value, values) => ..`). The framework calls it
 * with the value being entered and the other values of the same form: both sides of any compare in it
 * are the user's own input (`value != values.newPassword`), an input check, not authentication.
 */
export function fieldValidator(fn: SgNode | null, ops: string[]): boolean {
  if (!fn) return false;
  const list = (fn.field("parameters" as never) as SgNode | null)?.text() ?? fn.text().slice(0, fn.text().indexOf("=>") + 1);
  const roots = ops.map(rootOf);
  if (!roots.every((r) => r !== null && bindsParam(list, r))) return false;
  let decorated = fn.parent()?.kind() === "decorated_definition" ? fn.parent()!.text().slice(0, fn.parent()!.text().indexOf(fn.text())) : "";
  if (/@[\w.]*validator\s*(\(|$)/m.test(decorated)) return true;
  const holder = fn.parent()?.kind() === "variable_declarator" ? fn.parent()! : fn;
  if (/^pair$/.test(String(holder.parent()?.kind())) && /^["']?validat(e|or)["']?\s*:/.test(holder.parent()!.text())) return true;
  const name = (holder.field("name" as never) as SgNode | null)?.text();
  decorated = name ? holder.getRoot().root().text() : "";
  return !!name && new RegExp(`\\bvalidat(e|or)\\s*:\\s*${escapeRegExp(name)}\\b`).test(decorated);
}

/**
 * Go: an exported name of an imported package (`core.FieldNamePassword`, `jwt.SigningMethodHS256`): a
 * package-level declaration, named once for every caller, not a value this request presents or holds.
 * A credential the program holds is configuration read at run time (`cfg.Token`, `os.Getenv(..)`), which
 * reaches a compare through a variable or a field, not through an imported package's name.
 */
export function importedPackageName(t: string, node: SgNode): boolean {
  const m = /^([a-z][A-Za-z0-9]*)\.([A-Z][A-Za-z0-9_]*)$/.exec(t);
  if (!m) return false;
  const root = node.getRoot().root().text();
  const imports = [...root.matchAll(/^\s*(?:import\s+)?(?:([A-Za-z_]\w*)\s+)?"([^"\n]+)"\s*$/gm)].map((i) => i[1] ?? i[2]!.split("/").pop()!.replace(/^v\d+$/, ""));
  return imports.includes(m[1]!);
}

/**
 * The compare sits in a class the file builds only when a test setting is on (`if settings.TESTING: return
 * FakeHasher()`, `if (process.env.NODE_ENV === "test") return new MemoryAuth()`): a stand-in for the test
 * run, whose plain `==` is the point of the fake, never reached by a deployed server.
 */
export function builtOnlyForTests(node: SgNode): boolean {
  let cls: SgNode | null = node.parent();
  while (cls && !/^(class_definition|class_declaration)$/.test(String(cls.kind()))) cls = cls.parent();
  const name = (cls?.field("name" as never) as SgNode | null | undefined)?.text();
  if (!cls || !name) return false;
  const made = node.getRoot().root().findAll({ rule: { any: (cls.kind() === "class_definition" ? ["call"] : ["call_expression", "new_expression"]).map((kind) => ({ kind })), regex: `^(new\\s+)?${escapeRegExp(name)}\\s*\\(` } })
    .filter((c) => c.range().start.line < cls!.range().start.line || c.range().start.line > cls!.range().end.line);
  return made.length > 0 && made.every((c) => {
    for (let n = c.parent(); n; n = n.parent()) {
      if (!/^(if_statement|elif_clause)$/.test(String(n.kind()))) continue;
      const cond = (n.field("condition" as never) as SgNode | null)?.text() ?? "";
      // The branch that builds it is the one the test flag turns on: not an `else`, not `not testing`.
      if (/(?<![a-z])test(ing|s)?(?![a-z])|TEST(ING)?\b|[a-z]Test(ing)?\b/.test(cond) && !/\bnot\b|!(?!=)/.test(cond)) return !inElse(c, n);
    }
    return false;
  });
}

/** Is `c` in the `else` part of the `if` node `n` (not its consequence)? */
function inElse(c: SgNode, n: SgNode): boolean {
  const consequence = (n.field("consequence" as never) as SgNode | null) ?? null;
  if (!consequence) return false;
  const r = consequence.range();
  return c.range().start.index < r.start.index || c.range().start.index > r.end.index;
}
