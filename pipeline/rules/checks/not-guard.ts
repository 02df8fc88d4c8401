// Definitions whose names sound like guards but that guard nothing, or that nothing needs to name: an
// error factory (`AdminRequiredError(message)` builds the 403 a guard throws), and a class a framework's
// directory loader mounts (`export default class X extends BaseProcessor`, the base a sibling module).
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { withoutComments } from "./guard-shape";

/** An error value: `new FooError(..)`, `createError(..)`, `httpErrors(403, ..)`, `Boom.forbidden(..)`. */
const ERROR_VALUE = /^(new\s+[\w.]*(Error|Exception)\s*\(|[\w.]*(createError|[eE]rrors?|Exception|Boom\.\w+)\s*\()/;

/**
 * TS/JS and Python: a class extending an error type, or a function whose every `return` gives an error
 * value and that decides nothing itself (no condition): callers throw what it builds, the decision is theirs.
 */
export function errorFactory(node: SgNode, lang: RuleLanguage): boolean {
  const text = withoutComments(node.text());
  if (lang === "typescript" && /^(export\s+)?(default\s+)?class\s+\w+\s+extends\s+[\w.]*(Error|Exception)\b/.test(text)) return true;
  if (lang === "python" && /^class\s+\w+\s*\([^)]*(Error|Exception)\s*[,)]/.test(text)) return true;
  if (lang !== "typescript" || !/^(function_declaration|variable_declarator)$/.test(String(node.kind()))) return false;
  const returns = [...text.matchAll(/\breturn\s+([^;]*)/g)].map((m) => m[1]!.trim());
  const arrowBody = /=>\s*([\s\S]*)$/.exec(text)?.[1]?.trim() ?? "";
  const values = returns.length ? returns : node.kind() === "variable_declarator" && arrowBody && !arrowBody.startsWith("{") ? [arrowBody] : [];
  return values.length > 0 && values.every((v) => ERROR_VALUE.test(v)) && !/\b(if|switch|throw)\b|\?[^.?]/.test(text.replace(/\([^()]*\)\s*\{?/, ""));
}

/**
 * TS/JS: the module's default export is a class extending a base imported from the same directory tree
 * (`import BaseProcessor from "./BaseProcessor"`, `import { CronTask } from "./base/CronTask"`): a family
 * of modules a loader requires one by one, by directory, never by name.
 */
export function loaderMounted(node: SgNode, lang: RuleLanguage): boolean {
  if (lang !== "typescript" || node.kind() !== "class_declaration" || node.parent()?.kind() !== "export_statement" || !/^export\s+default\b/.test(node.parent()!.text())) return false;
  const base = /^(?:export\s+default\s+)?class\s+\w+\s+extends\s+([\w$]+)\b/.exec(node.text())?.[1];
  if (!base) return false;
  const root = node.getRoot().root().text();
  return new RegExp(`^import\\s+(?:type\\s+)?(?:${base}\\b|\\{[^}]*\\b${base}\\b[^}]*\\})[^;]*from\\s+["']\\.\\.?/`, "m").test(root);
}
