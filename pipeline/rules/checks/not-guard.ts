// Definitions whose names sound like guards but that guard nothing, or that nothing needs to name: an
// error factory (`AdminRequiredError(message)` builds the 403 a guard throws), and a class a framework's
// directory loader mounts (`export default class X extends BaseProcessor`, the base a sibling module), and a
// status query that answers yes or no about state no caller hands it (`is_logged_in()`).
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { REFUSAL, withoutComments } from "./guard-shape";

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

/**
 * A schema migration, known by what it declares: a class with both an `up` and a `down` method (TypeORM's
 * `implements MigrationInterface`, MikroORM's `extends Migration`, umzug's). A migrations runner loads it by
 * directory; its name (`addAuthenticators1672223738686`) says which tables it changes, not who may ask.
 */
export function schemaMigration(node: SgNode, lang: RuleLanguage): boolean {
  if (lang !== "typescript" || !/^(class_declaration|class)$/.test(String(node.kind()))) return false;
  const methods = (node.field("body" as never) as SgNode | null)?.children().filter((c) => c.kind() === "method_definition").map((m) => (m.field("name" as never) as SgNode | null)?.text()) ?? [];
  return methods.includes("up") && methods.includes("down");
}

/**
 * The declared answer is a yes/no: `-> bool`, `-> Result<bool>`, `: Promise<boolean>`, a TypeScript type predicate
 * (`(source: TSource): source is TSessionSource`), Go `bool` / `(bool, error)`.
 */
const ANSWERS_BOOL = /(->\s*(Result\s*<\s*)?bool\b|\)\s*:\s*(Promise\s*<\s*)?boolean\b|\)\s*:\s*[A-Za-z_$][\w$]*\s+is\s+[\w$.<>[\]|& ]+?\s*(\{|$)|\)\s*\(?\s*bool\s*(,\s*error\s*\))?\s*\{)/;

/**
 * A status query, not a gate: a function that answers yes or no, refuses no one itself (no raise, throw,
 * error value or 401/403), and is handed no subject by any caller: it takes no parameters at all
 * (`fn is_logged_in() -> Result<bool>` reads the program's own state, to show it), or, Python, only values
 * the framework injects (`token: str = Depends(scheme), session = Depends(db)`), or it returns one expression
 * classifying what it is handed (`return caller.role === "admin"`). Nothing a route presents is
 * judged by it, so nothing is left open when nothing calls it: the routes that would decide on its answer
 * carry their own refusal.
 */
export function statusQuery(node: SgNode, lang: RuleLanguage): boolean {
  if (!/^(function_item|function_definition|function_declaration)$/.test(String(node.kind()))) return false;
  const text = withoutComments(node.text());
  const body = (node.field("body" as never) as SgNode | null)?.text() ?? "";
  const head = text.slice(0, text.length - body.length);
  if (!ANSWERS_BOOL.test(head) || REFUSAL.test(body) || /\b(raise|throw)\b|\b(bail|ensure)!|\bErr\s*\(|errors\.New|fmt\.Errorf/.test(body)) return false;
  const list = ((node.field("parameters" as never) as SgNode | null)?.namedChildren() ?? []).filter((p) => !/comment/.test(String(p.kind())) && !/^&?(mut\s+)?self$|^(self|cls)$/.test(p.text().trim()));
  if (!list.length) return true;
  if (lang === "python" && list.every((p) => /=\s*(Depends|Security)\s*\(/.test(p.text()))) return true;
  // ... or a classification of what it is handed, made in one expression it returns (`isAdmin(caller): boolean {
  // return caller.role === "admin" }`): a predicate no one calls leaves no route open, since a route that needed it
  // would refuse in its own code; what stays unwired is a gate that refuses, or an ownership check.
  // A predicate whose comment states an access rule is judged by that comment (unwired-auth's `documented`).
  const holder = /^export_statement$/.test(String(node.parent()?.kind())) ? node.parent()! : node;
  if (/comment/.test(String(holder.prev()?.kind() ?? ""))) return false;
  const stmts = (node.field("body" as never) as SgNode | null)?.namedChildren().filter((k) => !/comment/.test(String(k.kind()))) ?? [];
  // ... a comparison of one value with a literal (`caller.role === "admin"`, `user.plan in ("pro", "team")`): a
  // classification. Two subjects compared (`project.owner_id == user.id`) is an ownership check, a gate's core, kept.
  const ret = stmts.length === 1 ? stmts[0]!.text().trim() : "";
  // ... or an enum's member (`source.kind === SourceKind.Session`): a named literal, both names PascalCase
  // (`Secrets.API_TOKEN` is a constant holding a secret, not a case).
  const literal = "(?:\"[^\"]*\"|'[^']*'|`[^`]*`|-?\\d[\\w.]*|true|false|True|False|None|null|[A-Z][a-z][\\w$]*\\.[A-Z][a-z][\\w$]*)";
  const oneValue = String.raw`[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*`;
  return new RegExp(String.raw`^return\s+(?:${oneValue}\s*(?:===?|!==?|\bis\b|\bin\b|\bnot in\b)\s*(?:${literal}|[(\[]\s*${literal}(?:\s*,\s*${literal})*\s*,?\s*[)\]])|${literal}\s*(?:===?|!==?)\s*${oneValue})\s*;?$`).test(ret);
}

/** A call that only shapes the response: a status, a header, a body (`ctx.set(..)`, `res.status(405).json(..)`). */
const RESPONSE_CALL = /^[\w$.]*\.(set|setHeader|header|status|sendStatus|json|send|end|type|vary|append)$/;

/**
 * A handler that answers every caller with a refusal and does nothing else (`ctx.status = 405; ctx.set("Allow",
 * "POST")`, `res.sendStatus(404)`): a method-not-allowed or not-found stub route has nothing behind it to guard.
 * Every call in its body shapes the response, it awaits nothing, and it sets a 4xx status.
 */
export function refusesEveryone(handler: SgNode): boolean {
  if (!/^(arrow_function|function_expression|function_declaration)$/.test(String(handler.kind()))) return false;
  const body = (handler.field("body" as never) as SgNode | null);
  if (!body) return false;
  const text = withoutComments(body.text());
  if (!/(\bstatus\s*=\s*|\b(status|sendStatus)\s*\(\s*)4\d\d\b/.test(text) || /\bawait\b/.test(text)) return false;
  const calls = body.findAll({ rule: { kind: "call_expression" } });
  return calls.every((c) => RESPONSE_CALL.test((c.field("function" as never) as SgNode | null)?.text() ?? "") || /^[\w$.]*\.(status|set|header)\(/.test((c.field("function" as never) as SgNode | null)?.text() ?? ""));
}
