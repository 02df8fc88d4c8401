// A function handed to someone else as a value (a callback, a handler, a hook) has its signature imposed.
import { isTestPath } from "../place";
import type { Candidate } from "./unreferenced";
import { occurrences, type Occurrence } from "./references";

/** A definition, an import or a call (including JSX `<Name` and Rust `name!(`/`name::<T>(`) is not passing the value. */
function passesValue(o: Occurrence): boolean {
  if (/^\s*(!\s*)?(::\s*<[^>]*>\s*)?\(/.test(o.after)) return false;
  if (/<\/?\s*$/.test(o.before)) return false;
  if (/["'`]$/.test(o.before) && /^["'`]/.test(o.after)) return false;
  if (/\b(function\*?|def|fn|func|class|interface|type|struct|enum|trait|impl)\s+(\([^)]*\)\s*)?$/.test(o.before)) return false;
  if (/^\s*(import\b|from\s+\S+\s+import\b|use\s)|\brequire\s*\(/.test(o.before)) return false;
  if (/^\s*(const|let|var)\s+(\{[^}]*)?$/.test(o.before) && /^\s*[,}]?.*=\s*require\(|^\s*=/.test(o.after)) return false;
  return true;
}

/**
 * Candidates whose method's class is extended anywhere (tests included: a test subclass shows the class is
 * a base), or whose function name occurs, in a non-test file of the same language, somewhere other than
 * its definition, an import or a call: `app.use(requireAuth)`, `http.HandleFunc("/", handler)`,
 * `urlpatterns = [path("x", view)]`, `.route("/", get(handler))`, `RunE: runServe`, `items.map(format)`.
 */
export function passedAsValue(candidates: Candidate[], files: { path: string; content: string }[]): Set<Candidate> {
  const seen = occurrences(candidates.flatMap((c) => (c.owner ? [c.name, c.owner] : [c.name])), files);
  const sameLang = (c: Candidate, o: Occurrence) => !c.language || !o.lang || o.lang === c.language;
  return new Set(candidates.filter((c) =>
    (seen.get(c.name) ?? []).some((o) => !(o.file === c.file && o.line === c.line) && !isTestPath(o.file) && sameLang(c, o) && passesValue(o)) ||
    (!!c.owner && (seen.get(c.owner) ?? []).some((o) => sameLang(c, o) && extendsIt(o)))));
}

/** `class Secure(SessionInterface)`, `class X extends LogController`, `implements Base`. */
function extendsIt(o: Occurrence): boolean {
  return /\bclass\s+\w+\s*\([^)]*$|\bextends\s+([\w$.]+\s*,\s*)*$|\bimplements\s+[^{]*$/.test(o.before);
}

/** Candidates whose `owner` class some class in the walked files extends (tests included). */
export function ownerExtended(candidates: Candidate[], files: { path: string; content: string }[]): Set<Candidate> {
  const owners = candidates.filter((c) => c.owner);
  const seen = occurrences(owners.map((c) => c.owner!), files);
  return new Set(owners.filter((c) => (seen.get(c.owner!) ?? []).some((o) => (!c.language || !o.lang || o.lang === c.language) && extendsIt(o))));
}
