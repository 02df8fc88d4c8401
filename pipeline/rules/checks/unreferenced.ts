// unwired-auth: resolve deferred definitions against every walked file (cross-file references).
import type { SgNode } from "@ast-grep/napi";
import { matchesAny } from "../glob";
import { isTestPath } from "../place";
import { goReceiverType } from "../syntax";
import type { RuleLanguage } from "../rule-spec";
import { exportsName, isPublished, publishedFiles, publishedModules } from "./published";
import type { Override } from "./overrides-base";
import { occurrences } from "./references";

export { inComment, maskExportLists } from "./references";

export interface Candidate {
  name: string;
  file: string;
  /** 0-based line of the definition's name: an occurrence there is the definition itself. */
  line: number;
  referenceIgnores: string[];
  /** Only files of this language (or of no rule language: templates, route tables) can wire it. */
  language?: RuleLanguage;
  /** The record (Go struct) an unread field belongs to: a `.field` on a receiver declared with another type does not read it. */
  record?: string;
  /** A method's class: extended anywhere, its methods are hooks whose signature subclasses share. */
  owner?: string;
  /** The candidate is a method (of a class, impl or Go receiver): it is handed over qualified, never by its bare name. */
  member?: boolean;
  /** An unread parameter of the candidate function (ignored-parameter): a sibling definition taking it shares the signature. */
  param?: string;
  /** The unread parameter is optional (a default, `x?:`): where callers fill it (never-passed.ts). */
  optional?: { index: number; keywordOnly: boolean };
  /** Other names whose mention elsewhere also references the candidate (a Go method's type: it is mounted through it). */
  aliases?: string[];
  /** 0-based line spans of the candidate's own file where a mention is the definition talking about itself. */
  selfSpans?: [number, number][];
  /** The candidate method's own name (a stub raising NotImplementedError): a caller catching that error around it answers it (caught-refusal.ts). */
  method?: string;
  /** The middleware a route hands over that its own file does not define: one that decides access in its file guards the route (handler-decides.ts). */
  guards?: string[];
  /** The names a test calls that its own file does not define (assertion-free-test: helpers in other test files). */
  calls?: string[];
  /** The names whose result a test discards (called as a statement: `validate_path("a", d)`): a check it may lean on (validating-calls.ts). */
  discards?: string[];
  /** The checks a test calls as a statement that another test of its file expects to raise (raising-counterparts.ts). */
  raising?: string[];
  /** A mounted type's sibling types in the same command tree or router (mounted-types.ts). */
  siblings?: string[];
  /** The rule's requirement vocabulary (a regex source), for guards applied by decorators in other files. */
  requirement?: string;
  /** The odd member of a router of procedures: its builder and its siblings' builder (odd-builder.ts). */
  builders?: { weak: string; strong: string };
  /** A peer opening with another access check than its peers: its check and theirs (weaker-check.ts). */
  checks?: { weak: string; strong: string };
  /** The builder an exported handler chain starts from (`middy` of `middy(base).use(..)`), for unguarded-export.ts. */
  builder?: string;
  /** A method of a class with bases (overrides-base.ts): a base declared in the repository with the same method makes it an override. */
  overrides?: Override;
}

/**
 * Where a definition mentions itself: its own body (recursion, a class naming itself), and for a Rust
 * type the `impl` blocks for it (`impl<S> Layer<S> for RequireAdminLayer`), for a Go type its methods'
 * receivers. Implementing a type is not mounting it.
 */
export function selfSpans(def: SgNode, name: string, lang: RuleLanguage): [number, number][] {
  const span = (n: SgNode): [number, number] => [n.range().start.line, n.range().end.line];
  const out = [span(def)];
  const root = def.getRoot().root();
  const bare = (t: string) => t.replace(/<[\s\S]*$/, "").replace(/^.*::/, "").trim();
  if (lang === "rust" && /^(struct_item|enum_item)$/.test(String(def.kind()))) {
    for (const impl of root.findAll({ rule: { kind: "impl_item" } })) {
      if (bare((impl.field("type" as never) as SgNode | null)?.text() ?? "") === name) out.push(span(impl));
    }
  }
  if (lang === "go" && def.kind() === "type_spec") {
    for (const m of root.findAll({ rule: { kind: "method_declaration" } })) {
      if (goReceiverType(m) === name) out.push(span(m));
    }
  }
  return out;
}

/**
 * Candidates whose name occurs nowhere but on their own definition line; test code (pipeline/rules/place.ts)
 * and `referenceIgnores` do not count. A TS/JS module its package publishes (published.ts, read from
 * `manifests`) is API: its guards are mounted by the package's users.
 */
export function unreferenced(candidates: Candidate[], files: { path: string; content: string }[], manifests: readonly { path: string; content: string }[] = files): Candidate[] {
  if (!candidates.length) return [];
  const seen = occurrences([...new Set(candidates.flatMap((c) => [c.name, ...(c.aliases ?? [])]))], files);
  const published = candidates.some((c) => c.language === "typescript") ? publishedModules(manifests) : [];
  // ... and every module a published entry re-exports (`export * from './verify.js'`).
  const api = published.length ? publishedFiles(files, published) : new Map<string, "*" | Set<string>>();
  const contentOf = api.size ? new Map(files.map((f) => [f.path, f.content])) : null;
  const reexported = (c: Candidate) => { const a = api.get(c.file); return a === "*" ? exportsName(contentOf?.get(c.file) ?? "", c.name) : !!a?.has(c.name); };
  return candidates.filter((c) => !(c.language === "typescript" && (isPublished(c.file, published) || reexported(c))) && ![c.name, ...(c.aliases ?? [])].flatMap((n) => seen.get(n) ?? []).some((o) =>
    !(o.file === c.file && (o.line === c.line || (c.selfSpans ?? []).some(([a, b]) => o.line >= a && o.line <= b))) &&
    !(o.file !== c.file && (isTestPath(o.file) || matchesAny(o.file, c.referenceIgnores))) &&
    !(c.language && o.lang && o.lang !== c.language)));
}
