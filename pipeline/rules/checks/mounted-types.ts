// unwired-auth where a framework mounts types, not functions: a command tree of structs (kong) or a router of
// resource classes (Falcon `add_route`). The tree is in one file, the types in others, the guard in a third:
// the mount defers its destructive entries, and the scan's end compares them with their siblings' definitions.
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp } from "../syntax";
import type { CheckContext } from "./check";
import { failsOnCondition } from "./credential-check";
import { makesAccessDecision, SUBJECT } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { TRANSPORT } from "./unguarded-class-view";
import type { Candidate } from "./unreferenced";
import { siblingExportGuarded } from "./unguarded-export";

interface Entry { type: string; what: string; at: SgNode }

/** Kong's command tree: fields tagged `cmd:""` of a struct; the field's name, type and help text. */
function commandFields(node: SgNode): Entry[] {
  return node.findAll({ rule: { kind: "field_declaration" } }).flatMap((f) => {
    const tag = (f.field("tag" as never) as SgNode | null)?.text() ?? "";
    const type = (f.field("type" as never) as SgNode | null)?.text().replace(/^\*/, "") ?? "";
    if (!/(^|[`\s])cmd:""/.test(tag) || !/^[A-Za-z_]\w*$/.test(type)) return [];
    return [{ type, what: `${(f.field("name" as never) as SgNode | null)?.text() ?? ""} ${/help:"([^"]*)"/.exec(tag)?.[1] ?? ""}`, at: f }];
  });
}

/** A router's resource registrations in one block: `app.add_route("/path", Resource())`. */
function resourceRoutes(node: SgNode): Entry[] {
  const block = node.parent()?.parent();
  const calls = (block?.children() ?? []).map((s) => (s.kind() === "expression_statement" ? s.child(0) : null)).filter((c): c is SgNode => c?.kind() === "call");
  return calls.flatMap((c) => {
    const m = /^[\w.]+\.add_route\(\s*[rfbu]?["']([^"']*)["']\s*,\s*([A-Z]\w*)\s*\(/.exec(c.text());
    return m ? [{ type: m[2]!, what: `${m[1]} ${m[2]}`, at: c }] : [];
  });
}

/**
 * Deferred at the mount: a destructive entry (its name, help, path or type says delete, purge, drop, ...)
 * of a command tree or a resource router, with its sibling entries' types. Kept at the scan's end when a
 * sibling's type carries a guard and the entry's own type does not (mountedUnguarded).
 */
export function mountedTypesCheck(ctx: CheckContext): Hit[] {
  const { node, params, rule, file, defer } = ctx;
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  const entries = rule.language === "go" ? commandFields(node) : resourceRoutes(node);
  const own = rule.language === "go" ? entries : entries.filter((e) => e.at.id() === node.id());
  for (const e of own) {
    if (!destructive.test(e.what)) continue;
    const siblings = entries.filter((s) => s.type !== e.type).map((s) => s.type);
    if (!siblings.length) continue;
    defer({
      candidate: { name: e.type, file: file.path, line: e.at.range().start.line, referenceIgnores: [], language: rule.language, siblings, requirement: param<string[]>(params, "names", [])[1] },
      hit: { region: regionOf(e.at), message: `${e.type} is mounted without the guard its sibling's type carries (its name or help says it destroys state)` },
      keep: "if-siblings-guarded",
    });
  }
  return [];
}

/** A Go type's own definition and its methods' bodies, in the files of its package (the same directory). */
function goTypeText(name: string, files: readonly { path: string; content: string }[]): { body: string | null; methods: string } {
  let body: string | null = null;
  let methods = "";
  for (const f of files) {
    const s = new RegExp(`^type\\s+${escapeRegExp(name)}\\s+struct\\s*\\{([\\s\\S]*?)^\\}`, "m").exec(f.content);
    if (s) body = s[1]!;
    for (const m of f.content.matchAll(new RegExp(`^func\\s*\\(\\s*\\w*\\s*\\*?${escapeRegExp(name)}\\s*\\)[\\s\\S]*?^\\}`, "gm"))) methods += m[0];
  }
  return { body, methods };
}

/** A Go struct carries a guard when a type it embeds has a method that checks who is asking and fails (kong's `BeforeApply`). */
function goGuarded(name: string, files: readonly { path: string; content: string }[]): boolean | null {
  const { body } = goTypeText(name, files);
  if (body === null) return null;
  const embedded = [...body.matchAll(/^\s*\*?([A-Za-z_]\w*)\s*(`[^`]*`)?\s*$/gm)].map((m) => m[1]!);
  return embedded.some((t) => {
    const { methods } = goTypeText(t, files);
    return !!methods && (makesAccessDecision(methods) || (SUBJECT.test(methods) && failsOnCondition(methods)));
  });
}

/** A Python class carries a guard when a decorator on it applies one (`@falcon.before(require_admin)`) or a base names who is asking. */
function pyGuarded(name: string, files: readonly { path: string; content: string }[], requirement: RegExp): boolean | null {
  for (const f of files) {
    const m = new RegExp(`((?:^[ \\t]*@[^\\n]*\\n)*)^[ \\t]*class\\s+${escapeRegExp(name)}\\b\\s*(\\([^)]*\\))?\\s*:`, "m").exec(f.content);
    if (!m) continue;
    const applied = [...m[1]!.matchAll(/@([\w.]+)(?:\(\s*([\w.]+))?/g)].flatMap(([, d, a]) => [d!, a ?? ""]).map((n) => n.replace(/^.*\./, "")).filter(Boolean);
    return applied.some((n) => SUBJECT.test(n) || (requirement.test(n) && !TRANSPORT.test(n))) || SUBJECT.test((m[2] ?? "").replace(/\w*View\b/g, ""));
  }
  return null;
}

/**
 * The deferred mounts to keep: the own type is defined among the files and carries no guard, and a sibling's
 * type does. Go types are looked up in the package (the mount's directory); Python classes anywhere.
 */
export function mountedUnguarded(candidates: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const out = new Set<Candidate>();
  for (const c of candidates) {
    if (c.language === "typescript") {
      if (siblingExportGuarded(c, files)) out.add(c);
      continue;
    }
    const dir = c.file.replace(/[^/]*$/, "");
    const scope = c.language === "go" ? files.filter((f) => f.path.endsWith(".go") && f.path.replace(/[^/]*$/, "") === dir && !f.path.endsWith("_test.go")) : files.filter((f) => f.path.endsWith(".py"));
    const requirement = new RegExp((c.requirement ?? "(?!)").replace(/^\(\?i\)/, ""), "i");
    const guarded = (t: string) => (c.language === "go" ? goGuarded(t, scope) : pyGuarded(t, scope, requirement));
    if (guarded(c.name) === false && (c.siblings ?? []).some((s) => guarded(s) === true)) out.add(c);
  }
  return out;
}
