// stub: a method whose body raises NotImplementedError where the repository's own caller catches that error around a
// call of the method's name (alerta's `try: plugin.take_action(..) except NotImplementedError: pass`). The raise is
// the family's protocol for "this plugin does not do that", answered by the dispatcher, not a hole a user falls into.
// Decided across the walked Python files at the scan's end.
import type { SgNode } from "@ast-grep/napi";
import { parseSource } from "../languages";
import type { SourceFile } from "../scan-file";
import type { Candidate } from "./unreferenced";
import { isTestPath } from "../place";

/** Why a refusal the repository catches somewhere, though not around a call of this name, is a lead. */
export const REFUSAL_PROTOCOL = "the repository's own code catches NotImplementedError, so a caller up the stack answers this refusal (as a 501, a skipped plugin)";

/** The except clause's head names NotImplementedError (alone or in a tuple), not its body. */
const catchesRefusal = (clause: SgNode) => /\bNotImplementedError\b/.test(clause.text().split(":")[0]!);

/** The names a Python file binds to modules (`import os`, `import numpy as np`, `from concurrent import futures`). */
function importedModules(content: string): Set<string> {
  const out = new Set<string>();
  for (const m of content.matchAll(/^\s*import\s+([^\n#]+)/gm)) for (const part of m[1]!.split(",")) out.add(part.trim().split(/\s+as\s+/).pop()!.split(".")[0]!);
  for (const m of content.matchAll(/^\s*from\s+[\w.]+\s+import\s+\(?([^\n#)]+)/gm)) for (const part of m[1]!.split(",")) out.add(part.trim().split(/\s+as\s+/).pop()!);
  return out;
}

/** Does the try body call a method on an object (`prop.get_value(..)`, `self.store.save(..)`), not on a module? */
function objectMethodCalled(body: string, modules: Set<string>): boolean {
  for (const m of body.matchAll(/(?<![\w.])([A-Za-z_]\w*)(?:\.\w+)*\.\w+\s*\(/g)) if (!modules.has(m[1]!)) return true;
  return false;
}

/**
 * `caught`: the candidates (methods raising NotImplementedError, `method` set) that some try of the repository calls
 * and catches; `protocol`: whether shipped code catches the refusal around an object's method at all.
 */
export function refusalsCaught(candidates: readonly Candidate[], files: readonly SourceFile[]): { caught: Set<Candidate>; protocol: boolean } {
  const out = { caught: new Set<Candidate>(), protocol: false };
  const wanted = candidates.filter((c) => c.method && c.language === "python");
  if (!wanted.length) return out;
  const names = new Set(wanted.map((c) => c.method!));
  const caught = new Set<string>();
  for (const f of files) {
    if (!/\.py$/.test(f.path) || !/except\s*\(?[^:\n]*\bNotImplementedError\b/.test(f.content)) continue;
    let modules: Set<string> | undefined;
    const root = parseSource(f.path, f.content)?.root();
    for (const t of root?.findAll({ rule: { kind: "try_statement" } }) ?? []) {
      if (!t.children().some((c) => c.kind() === "except_clause" && catchesRefusal(c))) continue;
      const body = (t.field("body" as never) as SgNode | null)?.text() ?? "";
      // Shipped code that catches the refusal around a method of an object makes it a protocol: the method it reaches may
      // be a level down (`prop.get_value(..)` calling `resource.get_calendar_timezone()`). A module's function
      // (`multiprocessing.cpu_count()`, `os.sched_getaffinity(..)`) refusing on this platform is no such family.
      if (!isTestPath(f.path) && objectMethodCalled(body, modules ??= importedModules(f.content))) out.protocol = true;
      for (const m of body.matchAll(/\.([A-Za-z_]\w*)\s*\(/g)) if (names.has(m[1]!)) caught.add(m[1]!);
    }
  }
  for (const c of wanted) if (caught.has(c.method!)) out.caught.add(c);
  return out;
}
