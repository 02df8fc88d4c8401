// A method that overrides one its base class declares in the repository is that class family's answer to
// an interface, not a placeholder: `class FilesystemUploader(BaseUploader): def sync(self): pass` has
// nothing to sync, `class CsvSource(BaseQueryRunner): def test_connection(self): pass` nothing to test, and
// a driver that raises NotImplementedError for one operation of its base says it does not support it.
// The base is read from the walked files: a base the repository does not declare (a dependency's class)
// proves nothing either way, so the finding stays.
import type { SgNode } from "@ast-grep/napi";
import { languageOf } from "../languages";
import type { RuleLanguage } from "../rule-spec";
import { ancestor, escapeRegExp, pyBaseNames } from "../syntax";
import type { Candidate } from "./unreferenced";

/** What an overriding method is asked: does one of its class's bases declare the same method? */
/** `lead`: the override is kept as a lead instead of being dropped (a constant verifier relaxing its base's check). */
export interface Override { method: string; bases: string[]; lead?: boolean; foreignLead?: boolean }

const CLASS = /^(class_definition|class_declaration|abstract_class_declaration)$/;
const METHOD = /^(function_definition|method_definition)$/;

/** The bases a class names (Python superclasses, TypeScript `extends`), module qualifiers dropped. */
function baseNames(cls: SgNode): string[] {
  if (cls.kind() === "class_definition") return pyBaseNames(cls);
  const heritage = cls.children().find((c) => c.kind() === "class_heritage");
  const ext = heritage?.children().find((c) => c.kind() === "extends_clause");
  return ext ? ext.namedChildren().map((b) => b.text().replace(/<[\s\S]*$/, "").replace(/^.*\./, "")) : [];
}

/**
 * The interfaces a Python class declares it implements with zope.interface (`@implementer(IReportGenerator)` on the
 * class): its methods answer those interfaces as an override answers its base.
 */
function zopeInterfaces(cls: SgNode): string[] {
  const decorated = cls.parent();
  if (cls.kind() !== "class_definition" || decorated?.kind() !== "decorated_definition") return [];
  const out: string[] = [];
  for (const d of decorated.children().filter((c) => c.kind() === "decorator")) {
    const m = /^@\s*(?:[\w.]+\.)?implementer\s*\(([^)]*)\)/.exec(d.text());
    if (m) for (const name of m[1]!.split(",")) out.push(name.trim().replace(/^.*\./, ""));
  }
  return out;
}

/** The bases a class body's header names (`class DeferredApi(RealTimeApi, Generic[T]):`, `class A extends B {`). */
function headerBases(body: string, lang: RuleLanguage): string[] {
  const head = body.slice(0, body.search(lang === "python" ? /:\s*(#.*)?\n/ : /\{/) + 1 || body.length);
  const list = lang === "python" ? /class\s+\w+\s*\(([^)]*)\)/.exec(head)?.[1] : /\bextends\s+([\w$.]+)/.exec(head)?.[1];
  return (list ?? "").split(",").map((b) => b.trim().replace(/\[[\s\S]*$/, "").replace(/<[\s\S]*$/, "").replace(/^.*\./, "")).filter((b) => /^[A-Za-z_$][\w$]*$/.test(b) && !/^(object|metaclass)$/.test(b));
}

/** The name of the method (or function) around a node, or the node's own name when it is one. */
export function methodName(node: SgNode): string | null {
  const fn = METHOD.test(String(node.kind())) ? node : ancestor(node, METHOD);
  return fn ? ((fn.field("name" as never) as unknown as SgNode | null)?.text() ?? null) : null;
}

/**
 * The method around a node when it is a method of a class with bases: its name and the bases. Null for a
 * function nested in a method (it overrides nothing) and for a class without bases.
 */
export function overrideOf(node: SgNode): Override | null {
  const fn = METHOD.test(String(node.kind())) ? node : ancestor(node, METHOD);
  if (!fn) return null;
  let owner = fn.parent();
  // Python: function_definition ← (decorated_definition) ← block ← class_definition; TS: method_definition ← class_body ← class.
  if (owner?.kind() === "decorated_definition") owner = owner.parent();
  const cls = owner?.parent();
  if (!cls || !CLASS.test(String(cls.kind()))) return null;
  const method = (fn.field("name" as never) as SgNode | null)?.text();
  const bases = [...baseNames(cls), ...zopeInterfaces(cls)].filter((b) => /^[A-Za-z_$][\w$]*$/.test(b) && !/^(object|Exception|Error)$/.test(b));
  return method && bases.length ? { method, bases } : null;
}

/** The text of every class named `name` in a file: Python by indentation, TypeScript by braces. */
function classBodies(content: string, name: string, lang: RuleLanguage): string[] {
  const out: string[] = [];
  const head = new RegExp(`^([ \\t]*)(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+${escapeRegExp(name)}\\b`, "gm");
  for (let m = head.exec(content); m; m = head.exec(content)) {
    const rest = content.slice(m.index);
    if (lang === "python") {
      const lines = rest.split("\n");
      const body = [lines[0]!];
      for (const l of lines.slice(1)) {
        if (l.trim() && !/^\s/.test(l.slice(m[1]!.length))) break;
        body.push(l);
      }
      out.push(body.join("\n"));
    } else {
      const open = rest.indexOf("{");
      if (open < 0) continue;
      let depth = 0;
      let end = rest.length;
      for (let i = open; i < rest.length; i++) {
        if (rest[i] === "{") depth++;
        else if (rest[i] === "}" && --depth === 0) { end = i + 1; break; }
      }
      out.push(rest.slice(0, end));
    }
  }
  return out;
}

function declares(body: string, method: string, lang: RuleLanguage): boolean {
  const m = escapeRegExp(method);
  return lang === "python"
    ? new RegExp(`^\\s+(?:async\\s+)?def\\s+${m}\\s*\\(`, "m").test(body)
    : new RegExp(`^\\s+(?:(?:public|protected|private|static|abstract|async|override|readonly|get|set)\\s+)*${m}\\s*[?]?\\s*[(<:=]`, "m").test(body);
}

/**
 * An empty override the floor may hand to the models rather than claim (`foreignOverride: lead`): a private hook of the
 * library (`_do_return_conn` on a SQLAlchemy pool, `_close_connection`), which only the library calls. A public method
 * left empty is the framework's entry point as often as an optional hook (a DRF view's `post`, a Celery task's `run`,
 * a Luigi task's `run`, Django's `AppConfig.ready`), and stays a claim.
 */
export function hookOnlyOverride(node: SgNode): boolean {
  const fn = METHOD.test(String(node.kind())) ? node : ancestor(node, METHOD);
  const name = fn ? (fn.field("name" as never) as SgNode | null)?.text() ?? "" : "";
  return /^_(?!_)/.test(name);
}

/**
 * Candidates asking about a foreign override (`foreignLead`, set only for a private hook: hookOnlyOverride) whose class
 * extends only classes no walked file of its language declares: a dependency's (SQLAlchemy's
 * `NullPool._do_return_conn`). An empty body there overrides the library's hook to do nothing; whether the base needs
 * it filled is the dependency's contract, which the floor cannot read: a lead for the models, not a claim.
 */
export function foreignOverrides(candidates: Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const asked = candidates.filter((c) => c.overrides?.foreignLead && c.language);
  const out = new Set<Candidate>();
  for (const c of asked) {
    const declared = c.overrides!.bases.some((b) => {
      const head = new RegExp(`^[ \\t]*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+${escapeRegExp(b)}\\b`, "m");
      return files.some((f) => f.content.includes(b) && languageOf(f.path) === c.language && head.test(f.content));
    });
    if (!declared) out.add(c);
  }
  return out;
}

/** Candidates (with `overrides`) whose method a base class declared in the walked files also declares. */
export function overridingBase(candidates: Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const asked = candidates.filter((c) => c.overrides && c.language);
  const out = new Set<Candidate>();
  if (!asked.length) return out;
  const bodies = new Map<string, { lang: RuleLanguage; body: string; file: string }[]>();
  // The bases' own bases in turn, up to three levels (`class Custom(DeferredApi)`, `class DeferredApi(RealTimeApi)`,
  // RealTimeApi declaring the hook): a method inherited through an intermediate class is still the family's.
  let wanted = new Set(asked.flatMap((c) => c.overrides!.bases));
  for (let depth = 0; depth < 3 && wanted.size; depth++) {
    const next = new Set<string>();
    for (const f of files) {
      const lang = languageOf(f.path);
      if (!lang || !asked.some((c) => c.language === lang)) continue;
      for (const base of wanted) {
        if (!f.content.includes(`class ${base}`)) continue;
        const list = bodies.get(base) ?? [];
        for (const body of classBodies(f.content, base, lang)) {
          list.push({ lang, body, file: f.path });
          for (const b of headerBases(body, lang)) if (!bodies.has(b) && !wanted.has(b)) next.add(b);
        }
        bodies.set(base, list);
      }
    }
    wanted = next;
  }
  const ancestors = (base: string, seen = new Set<string>()): string[] => {
    if (seen.has(base)) return [];
    seen.add(base);
    return [base, ...(bodies.get(base) ?? []).flatMap((d) => headerBases(d.body, d.lang).flatMap((b) => ancestors(b, seen)))];
  };
  const served = registeredServicers(files);
  for (const c of asked) {
    const { method, bases } = c.overrides!;
    // A gRPC servicer registered on a server answers every method of its service: an override that refuses is an
    // RPC clients reach, not a driver declining an optional operation.
    if (c.language === "python" && c.owner && served.has(c.owner)) continue;
    // A base spelled like the class itself (`class AdminServicer(pb2_grpc.AdminServicer)`) is another module's class:
    // the class's own body in its own file is not that base.
    const isBase = (b: string, d: { file: string }) => !(b === c.owner && d.file === c.file);
    if (bases.some((b0) => ancestors(b0).some((b) => (bodies.get(b) ?? []).some((d) => d.lang === c.language && isBase(b, d) && declares(d.body, method, d.lang))))) out.add(c);
  }
  return out;
}

/**
 * Python classes registered as gRPC servicers (`add_AdminServicer_to_server(AdminServicer(engine), server)`, or a
 * name bound to one first: `svc = AdminServicer(); add_AdminServicer_to_server(svc, server)`).
 */
function registeredServicers(files: readonly { path: string; content: string }[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    if (languageOf(f.path) !== "python" || !/add_\w+_to_server\s*\(/.test(f.content)) continue;
    for (const m of f.content.matchAll(/add_\w+_to_server\s*\(\s*([A-Za-z_]\w*)\s*(\()?/g)) {
      if (m[2]) { out.add(m[1]!); continue; }
      const bound = new RegExp(`(?<![\\w.])${escapeRegExp(m[1]!)}\\s*=\\s*(?:[\\w.]+\\.)?([A-Z]\\w*)\\s*\\(`).exec(f.content);
      if (bound) out.add(bound[1]!);
    }
  }
  return out;
}
