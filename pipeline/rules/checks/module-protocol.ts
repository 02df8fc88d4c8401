// A module protocol: plugin modules that each define a function of one name at their top level (`def setup():` in
// every infogami plugin, Haraka's `exports.register = function () {..}`), which a loader calls through the module
// object (`lists.setup()`, `bulk_tag.setup()`, `getattr(module, "setup")()`). The name is the loader's, not the
// module's: an empty one is that module's answer, nothing to set up, as an empty override is a class family's.
import { isTestPath } from "../place";
import { occurrences } from "./references";
import type { Candidate } from "./unreferenced";

/** Other modules defining the name at their top level, besides the candidate's own, that make it a protocol. */
export const MIN_OTHER_MODULES = 2;
/** Distinct module objects the name is called through (`lists.setup()`, `home.setup()`). */
export const MIN_RECEIVERS = 2;

/** A module's name as code calls it: the file's base name without its extension (`plugins/lists.py` → `lists`). */
const stem = (path: string): string => path.replace(/^.*\//, "").replace(/\.[^.]+$/, "");

/** A top-level definition of `name` on a line, by language. */
function definesAtTop(language: string | undefined, before: string, after: string): boolean {
  if (language === "python") return /^(?:async\s+)?def\s+$/.test(before) && /^\s*\(/.test(after);
  if (language === "typescript") return (/^(?:export\s+)?(?:async\s+)?function\s*\*?\s*$/.test(before) && /^\s*\(/.test(after)) || (/^(?:module\.)?exports\.$/.test(before) && /^\s*=/.test(after));
  return false;
}

/**
 * The candidates (top-level functions) whose name MIN_OTHER_MODULES other non-test modules of the language also
 * define at their top level, and which non-test code calls through MIN_RECEIVERS of those modules by name or
 * looks up on a module by name (`getattr(mod, "setup")`, `plugin["register"]`).
 */
export function moduleProtocol(candidates: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const shipped = files.filter((f) => !isTestPath(f.path));
  const seen = occurrences(candidates.map((c) => c.name), shipped);
  const out = new Set<Candidate>();
  for (const c of candidates) {
    const occ = (seen.get(c.name) ?? []).filter((o) => !o.lang || !c.language || o.lang === c.language);
    const modules = new Set(occ.filter((o) => o.file !== c.file && definesAtTop(c.language, o.before, o.after)).map((o) => o.file));
    if (modules.size < MIN_OTHER_MODULES) continue;
    // A receiver is a module object when it is the name of a module that defines the function (`lists.setup()` where
    // lists.py defines `setup`): a socket's `sock.send(..)` beside `conn.send(..)` is no module's protocol.
    const stems = new Set([c.file, ...modules].map(stem));
    const receivers = new Set(occ.flatMap((o) => (/^\s*\(/.test(o.after) ? /(?<![\w$.])([A-Za-z_$][\w$]*)\.$/.exec(o.before)?.[1] ?? [] : [])).filter((r) => stems.has(r)));
    // ... or looked up on a module by the name (`getattr(module, "setup")`, `plugin["register"](..)`).
    const byName = occ.some((o) => /\bgetattr\(\s*[\w.]+\s*,\s*["']$/.test(o.before) || (/\[\s*["']$/.test(o.before) && /^["']\s*\]\s*\(/.test(o.after)));
    if (receivers.size >= MIN_RECEIVERS || byName) out.add(c);
  }
  return out;
}
