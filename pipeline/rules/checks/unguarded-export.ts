// unwired-auth where each module exports a handler built by a middleware builder (middy's `export const handler =
// middy(base).use(requireApiKey()).use(..)`, the same shape in any `builder(base).use(mw)` chain): the platform
// mounts the export, so a module of a handler directory whose chain lacks the guard its sibling modules' chains use
// is open. The siblings live in other files: the check defers, the scan's end compares (keep `if-siblings-guarded`).
import type { SgNode } from "@ast-grep/napi";
import { isTestPath } from "../place";
import { parseSource } from "../languages";
import { statementCall } from "../syntax";
import type { CheckContext } from "./check";
import { namesSubject, refusesItself } from "./guard-shape";
import { param, regionOf } from "./hit";
import type { Candidate } from "./unreferenced";

interface Chain { name: string; builder: string; uses: string[]; base: SgNode | null; at: SgNode }

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);
const last = (t: string) => t.replace(/^[\s\S]*\./, "");

/** `export const name = builder(base).use(a()).use(b)`: the builder, what each `.use` mounts, and the base handler. */
function chainOf(decl: SgNode): Chain | null {
  const name = field(decl, "name");
  let call = field(decl, "value");
  if (name?.kind() !== "identifier" || call?.kind() !== "call_expression") return null;
  const uses: string[] = [];
  while (call?.kind() === "call_expression" && field(call, "function")?.kind() === "member_expression") {
    const fn = field(call, "function")!;
    if (field(fn, "property")?.text() !== "use") return null;
    for (const a of field(call, "arguments")?.namedChildren() ?? []) uses.push(last((a.kind() === "call_expression" ? field(a, "function") : a)?.text() ?? ""));
    call = field(fn, "object");
  }
  const builder = field(call, "function");
  if (call?.kind() !== "call_expression" || builder?.kind() !== "identifier" || !uses.length) return null;
  return { name: name.text(), builder: builder.text(), uses, base: field(call, "arguments")?.namedChildren()[0] ?? null, at: decl };
}

/**
 * `export default builder(async (event) => { requireAdmin(event); .. })`: a file-routed handler (the file's path is
 * its route) whose guard, if any, is a call its body makes first. Its `uses` are those leading calls.
 */
function defaultChainOf(call: SgNode): Chain | null {
  const builder = field(call, "function");
  const fn = field(call, "arguments")?.namedChildren()[0];
  if (call.parent()?.kind() !== "export_statement" || !/^export\s+default\b/.test(call.parent()!.text()) || builder?.kind() !== "identifier") return null;
  if (!fn || !/^(arrow_function|function_expression|function)$/.test(String(fn.kind()))) return null;
  const body = field(fn, "body");
  const statements = body?.kind() === "statement_block" ? body.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).slice(0, 2) : [];
  const uses = statements.map((st) => last(field(statementCall(st), "function")?.text() ?? "")).filter(Boolean);
  return { name: "default", builder: builder.text(), uses, base: fn, at: call };
}

/** The module's exported builder chains, and its default-exported handler built by a call. */
function exportedChains(root: SgNode): Chain[] {
  const named = root.findAll({ rule: { kind: "variable_declarator", inside: { kind: "lexical_declaration", inside: { kind: "export_statement" } } } } as never)
    .map(chainOf);
  const byDefault = root.findAll({ rule: { kind: "call_expression", inside: { kind: "export_statement" } } } as never).map(defaultChainOf);
  return [...named, ...byDefault].filter((c): c is Chain => !!c);
}

/** A file-routed handler that changes state: its file names a write method (`[id].delete.ts`), or its body destroys. */
const WRITE_FILE = /\.(post|put|patch|delete|del)\.[cm]?[jt]sx?$/i;
const DESTROYS = /\b(delete|remove|purge|drop|destroy|wipe|erase|truncate|revoke)\b/i;

/** A mounted middleware is a guard when its name states a requirement of who is asking (`requireApiKey`, `verifyJwt`). */
const guardTest = (verb: RegExp) => (n: string) => verb.test(n) && namesSubject(n);

/** The base handler's text: an inline function, or the same-file definition it names. */
function baseText(chain: Chain): string {
  const b = chain.base;
  if (!b || b.kind() !== "identifier") return b?.text() ?? "";
  const root = b.getRoot().root();
  return root.find({ rule: { kind: "variable_declarator", has: { field: "name", regex: `^${b.text()}$` } } } as never)?.text()
    ?? root.find({ rule: { kind: "function_declaration", has: { field: "name", regex: `^${b.text()}$` } } } as never)?.text() ?? "";
}

/**
 * Deferred: an exported builder chain that mounts no guard and whose base handler does not refuse by itself
 * (a webhook answering 401 on a bad signature decides its own access). Kept at the scan's end when a sibling
 * module (same directory, same export, same builder) mounts a guard in its chain.
 */
export function unguardedExportCheck(ctx: CheckContext): [] {
  const { node, params, rule, file, defer } = ctx;
  const byDefault = node.kind() === "call_expression";
  const chain = byDefault ? defaultChainOf(node) : chainOf(node);
  if (!chain || (!byDefault && node.parent()?.parent()?.kind() !== "export_statement")) return [];
  // A default-exported handler is reported only when it changes state: reads are often public on purpose.
  if (byDefault && !WRITE_FILE.test(file.path) && !DESTROYS.test(chain.base?.text() ?? "")) return [];
  const verb = new RegExp(param<string[]>(params, "names", [])[1]?.replace(/^\(\?i\)/, "") ?? "(?!)", "i");
  if (chain.uses.some(guardTest(verb)) || refusesItself(baseText(chain))) return [];
  defer({
    candidate: { name: chain.name, file: file.path, line: node.range().start.line, referenceIgnores: [], language: rule.language, builder: chain.builder, requirement: verb.source },
    hit: { region: regionOf(node), message: byDefault
      ? `the default-exported handler is built with ${chain.builder}(..) without the guard call its sibling modules make first`
      : `the exported ${chain.name} is built with ${chain.builder}(..) without the guard middleware its sibling modules mount` },
    keep: "if-siblings-guarded",
  });
  return [];
}

/** The scan's end: does a sibling module of the candidate's directory export the same name built the same way, with a guard? */
export function siblingExportGuarded(c: Candidate, files: readonly { path: string; content: string }[]): boolean {
  const dir = c.file.replace(/[^/]*$/, "");
  const guard = guardTest(new RegExp(c.requirement ?? "(?!)", "i"));
  return files.some((f) => {
    if (f.path === c.file || f.path.replace(/[^/]*$/, "") !== dir || isTestPath(f.path) || !f.content.includes(`${c.builder}(`)) return false;
    const root = parseSource(f.path, f.content)?.root();
    return !!root && exportedChains(root).some((s) => s.name === c.name && s.builder === c.builder && s.uses.some(guard));
  });
}
