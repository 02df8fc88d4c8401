// Is a function part of its module's public API, and does something outside it fix its signature?
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { hasMiddlewareSignature } from "./guard-shape";

function nameOf(n: SgNode | null | undefined): string {
  return n ? (n.field("name" as never) as SgNode | null)?.text() ?? "" : "";
}

/** `export { a, b }`, `module.exports = { a }`, `exports.a = a`, `export default a` in the file. */
function exportedByList(root: SgNode, name: string): boolean {
  if (!name) return false;
  const text = root.text();
  const id = name.replace(/\$/g, "\\$");
  return new RegExp(`\\bexport\\s*\\{[^}]*(?<![\\w$])${id}(?![\\w$])[^}]*\\}|\\bmodule\\.exports\\s*=\\s*\\{[^}]*(?<![\\w$])${id}(?![\\w$])[^}]*\\}|\\b(module\\.)?exports\\.\\w+\\s*=\\s*${id}\\b|\\bexport\\s+default\\s+${id}\\b|\\bmodule\\.exports\\s*=\\s*${id}\\b`).test(text);
}

function tsExported(decl: SgNode | null, name: string): boolean {
  if (!decl) return false;
  if (decl.parent()?.kind() === "export_statement") return true;
  return exportedByList(decl.getRoot().root(), name);
}

function tsPublic(fn: SgNode): boolean {
  const k = fn.kind();
  if (k === "function_declaration" || k === "generator_function_declaration") return tsExported(fn, nameOf(fn));
  if (k === "method_definition") {
    if (fn.children().some((c) => c.kind() === "accessibility_modifier" && c.text() !== "public")) return false;
    const name = nameOf(fn);
    if (/^[#_]/.test(name)) return false;
    const cls = fn.parent()?.parent();
    return !!cls && /class/.test(String(cls.kind())) && tsExported(cls, nameOf(cls));
  }
  // Arrow functions and function expressions: `export const f = (...) => ...`, `module.exports.f = function`.
  const parent = fn.parent();
  if (parent?.kind() === "variable_declarator") {
    return tsExported(parent.parent(), nameOf(parent));
  }
  if (parent?.kind() === "assignment_expression") return /^(module\.)?exports\b/.test((parent.field("left" as never) as SgNode | null)?.text() ?? "");
  return false;
}

function pyOwner(fn: SgNode): SgNode | null {
  let n = fn.parent();
  if (n?.kind() === "decorated_definition") n = n.parent();
  return n?.kind() === "block" ? n.parent() : n;
}

function pyPublic(fn: SgNode): boolean {
  const name = nameOf(fn);
  const owner = pyOwner(fn);
  if (owner?.kind() === "module") return !name.startsWith("_");
  if (owner?.kind() !== "class_definition" || nameOf(owner).startsWith("_")) return false;
  return name === "__init__" || !name.startsWith("_");
}

/** Public API: exported (TS/JS), not `_`-prefixed (Python), capitalised free functions (Go), `pub` (Rust). */
export function isPublic(fn: SgNode, lang: RuleLanguage): boolean {
  if (lang === "typescript") return tsPublic(fn);
  if (lang === "python") return pyPublic(fn);
  if (lang === "go") return fn.kind() === "function_declaration" && /^[A-Z]/.test(nameOf(fn));
  return fn.children().some((c) => c.kind() === "visibility_modifier" && /^pub\b/.test(c.text()));
}

const PY_PLAIN_DECORATOR = /^@(staticmethod|classmethod|property|(functools\.)?(wraps|lru_cache|cache|cached_property)|\w+\.setter|(typing\.)?final)\b/;
const RS_PLAIN_ATTRIBUTE = /^#\[(inline|must_use|doc|allow|warn|deny|expect|cfg|cfg_attr|deprecated|track_caller|cold)\b/;

function rustInTraitImpl(fn: SgNode): boolean {
  const impl = fn.parent()?.parent();
  return impl?.kind() === "impl_item" && !!impl.field("trait" as never);
}

/**
 * Something outside the function fixes its parameter list: a framework's handler or middleware
 * signature, an interface or trait it implements, a base
 * method it overrides, a protocol (Python dunders), or a framework that registers it (decorators,
 * attribute macros). Such parameters may go unread by design.
 */
export function signatureImposed(fn: SgNode, lang: RuleLanguage): boolean {
  // A middleware or HTTP handler's parameter list is the framework's: `(req, res, next)`, `(w, r)`, `next: Next`.
  if (hasMiddlewareSignature(fn, lang)) return true;
  if (lang === "typescript") {
    if (fn.children().some((c) => c.text() === "override" || c.kind() === "decorator")) return true;
    const cls = fn.kind() === "method_definition" ? fn.parent()?.parent() : null;
    return !!cls && cls.children().some((c) => c.kind() === "class_heritage");
  }
  if (lang === "python") {
    const parent = fn.parent();
    if (parent?.kind() === "decorated_definition" && parent.children().some((d) => d.kind() === "decorator" && !PY_PLAIN_DECORATOR.test(d.text()))) return true;
    const name = nameOf(fn);
    if (/^__\w+__$/.test(name) && name !== "__init__") return true;
    const owner = pyOwner(fn);
    const bases = owner?.kind() === "class_definition" ? (owner.field("superclasses" as never) as SgNode | null)?.text() ?? "" : "";
    return bases.replace(/[()\s]|object|metaclass\s*=\s*\w+/g, "") !== "";
  }
  if (lang === "go") return fn.kind() === "method_declaration";
  if (rustInTraitImpl(fn)) return true;
  for (let p = fn.prev(); p && (p.kind() === "attribute_item" || p.kind() === "line_comment"); p = p.prev()) {
    if (p.kind() === "attribute_item" && !RS_PLAIN_ATTRIBUTE.test(p.text())) return true;
  }
  return false;
}
