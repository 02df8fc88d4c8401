// unwired-auth: a route registered without its siblings' guard whose handler lives in another file
// (`se.Router.POST("/api/kiosk/checkin", h.kioskCheckin)`, the method in bookings.go). The handler may decide
// access itself (a device key compared in constant time, refusing with 401): the registration alone cannot
// say. Asked at the scan's end: the handler's definitions across the files of its language.
import type { SgNode } from "@ast-grep/napi";
import { languageOf, parseSource } from "../languages";
import type { SourceFile } from "../scan-file";
import { definedNames } from "../test-helpers";
import { makesAccessDecision, namesSubject } from "./guard-shape";
import { refusesEveryone } from "./not-guard";
import type { Candidate } from "./unreferenced";

/** Definitions that carry a function's name, in each language's tree. */
const KINDS: Record<string, string[]> = {
  typescript: ["function_declaration", "method_definition", "variable_declarator", "public_field_definition", "function_expression"],
  python: ["function_definition"],
  go: ["function_declaration", "method_declaration"],
  rust: ["function_item"],
};

/**
 * The candidates (unguarded routes) whose handler, defined in a walked file of the language, decides access or refuses
 * everyone, or one of whose middleware (`guards`, defined in another file) decides access: a guard by its shape.
 */
export function handlersDeciding(candidates: readonly Candidate[], files: readonly SourceFile[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!candidates.length) return out;
  const names = new Set(candidates.flatMap((c) => [c.name, ...(c.guards ?? [])]).filter(Boolean));
  // name -> its definitions' nodes, from the files whose text defines one of the names
  const defs = new Map<string, SgNode[]>();
  for (const f of files) {
    const lang = languageOf(f.path);
    if (!lang || !KINDS[lang] || !candidates.some((c) => c.language === lang)) continue;
    const defined = [...definedNames(f.content)].filter((n) => names.has(n));
    if (!defined.length) continue;
    const root = parseSource(f.path, f.content)?.root();
    if (!root) continue;
    for (const def of root.findAll({ rule: { any: KINDS[lang].map((kind) => ({ kind })) } })) {
      const name = (def.field("name" as never) as SgNode | null)?.text();
      if (name && defined.includes(name)) defs.set(name, [...(defs.get(name) ?? []), def]);
    }
  }
  for (const c of candidates) {
    const found = defs.get(c.name) ?? [];
    const fn = (d: SgNode) => (d.kind() === "variable_declarator" ? (d.field("value" as never) as SgNode | null) ?? d : d);
    if (found.some((d) => makesAccessDecision(d.text()) || refusesEveryone(fn(d)) || guardDecorated(d))) out.add(c);
    else if ((c.guards ?? []).some((g) => (defs.get(g) ?? []).some((d) => makesAccessDecision(d.text())))) out.add(c);
  }
  return out;
}

/** A Python handler whose own decorator names who may call it (`@admin_only`, `@require_role("admin")`) is guarded where it is defined. */
function guardDecorated(def: SgNode): boolean {
  const holder = def.parent();
  if (holder?.kind() !== "decorated_definition") return false;
  return holder.children().filter((c) => c.kind() === "decorator").some((d) => namesSubject(d.text().replace(/^@\s*/, "").replace(/[(\s][\s\S]*$/, "").replace(/^.*\./, "")));
}
