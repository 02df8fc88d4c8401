// ignored-parameter in a HashiCorp Vault plugin: a path declares its inputs as a field schema (`Fields:
// map[string]*framework.FieldSchema{"max_ttl": {..}}`) and its operations read them from the request through the
// `*framework.FieldData` they are handed (`d.Get("ttl")`, `d.GetOk("scopes")`). A declared field no operation of the
// path reads is accepted, documented in the path's help, and ignored (a role's `max_ttl` that never caps a lease).
// Reported at the path's write operation (Create/Update), the handler that drops it, when the file defines it.
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp } from "../syntax";
import { type Hit, regionOf } from "./hit";

const READ = (key: string) => new RegExp(`\\.(Get|GetOk|GetFirst|GetOkErr|GetDefaultOrZero)\\(\\s*"${escapeRegExp(key)}"|\\.Raw\\[\\s*"${escapeRegExp(key)}"\\s*\\]`);

/** `node`: the keyed element `Fields: map[string]*framework.FieldSchema{..}` of one path literal. */
export function unreadFieldSchema(node: SgNode): Hit[] {
  const path = node.parent();
  if (!path || path.kind() !== "literal_value") return [];
  const keys = new Map<string, SgNode>();
  const last = node.namedChildren().at(-1);
  const map = last?.kind() === "literal_element" ? last.namedChildren()[0] : last;
  const body = map?.kind() === "composite_literal" ? (map.field("body" as never) as SgNode | null) : null;
  for (const el of body?.namedChildren() ?? []) {
    const k0 = el.kind() === "keyed_element" ? el.namedChildren()[0] : null;
    const k = k0?.kind() === "literal_element" ? k0.namedChildren()[0] ?? k0 : k0;
    const m = k ? /^"([\w.-]+)"$/.exec(k.text().trim()) : null;
    if (m) keys.set(m[1]!, k!);
  }
  if (keys.size < 2) return [];
  const text = path.text();
  const callbacks = [...text.matchAll(/\b(?:Callback|ExistenceCheck)\s*:\s*\w+\.(\w+)|logical\.(\w+)Operation\s*:\s*\w+\.(\w+)/g)].map((m) => m[1] ?? m[3]!);
  const writes = [...text.matchAll(/logical\.(?:Create|Update)Operation\s*:\s*&?framework\.PathOperation\s*\{[^}]*Callback\s*:\s*\w+\.(\w+)|logical\.(?:Create|Update)Operation\s*:\s*\w+\.(\w+)/g)].map((m) => m[1] ?? m[2]!);
  if (!callbacks.length || !writes.length) return [];
  const file = node.getRoot().root();
  const bodies = callbacks.map((name) => file.find({ rule: { kind: "method_declaration", has: { field: "name", regex: `^${escapeRegExp(name)}$` } } }) ?? file.find({ rule: { kind: "function_declaration", has: { field: "name", regex: `^${escapeRegExp(name)}$` } } }));
  // A callback defined in another file, or one reading the raw map whole, may read any field.
  // ... and so may a helper a callback hands its field data to (`parseRole(d)`).
  const handsOn = (b: SgNode) => {
    const d = /(\w+)\s+\*framework\.FieldData/.exec(b.text())?.[1];
    const body = (b.field("body" as never) as SgNode | null)?.text() ?? "";
    return !!d && new RegExp(`[(,]\\s*${d}\\s*[,)]`).test(body);
  };
  if (bodies.some((b) => !b) || bodies.some((b) => /\.Raw\b(?!\[)/.test(b!.text()) || handsOn(b!))) return [];
  const unread = [...keys.keys()].filter((k) => !bodies.some((b) => READ(k).test(b!.text())));
  const write = bodies[callbacks.indexOf(writes[0]!)] ?? null;
  // A write operation that takes no field data (`_ *framework.FieldData`: a stub answering not implemented) reads none
  // by declaration; its stub is the stub rules' finding.
  if (write && /\b_\s+\*framework\.FieldData/.test(write.text())) return [];
  return unread.map((k) => ({
    region: regionOf(write ? (write.field("name" as never) as SgNode | null) ?? write : keys.get(k)!),
    message: `field '${k}' is declared in the path's schema but no operation of the path reads it: what the caller sets is ignored`,
  }));
}

/**
 * unwired-auth in a Vault plugin: `PathsSpecial: &logical.Paths{Unauthenticated: []string{"health", "config"}}` opens the
 * named paths to callers without a token. A path opened so whose own declaration (in any walked file) answers a
 * write (a Create, Update or Delete operation) lets anyone rewrite it: the engine's connection settings, its admin
 * token's destination. A read-only path (a health probe, a public key) is open by design. `node`: the keyed element
 * `Unauthenticated: []string{..}`; each entry is asked after the scan (`openPathsWriting`).
 */
export function unauthenticatedEntries(node: SgNode): { name: string; at: SgNode }[] {
  if (!/^Unauthenticated\s*:\s*\[\]string\s*\{/.test(node.text())) return [];
  return node.findAll({ rule: { kind: "interpreted_string_literal" } }).map((s) => ({ name: s.text().replace(/^"|"$/g, ""), at: s }));
}

/** The candidates (a path opened to the unauthenticated) that some walked Go file declares with a write operation. */
export function openPathsWriting<C extends { name: string }>(cands: readonly C[], files: readonly { path: string; content: string }[]): Set<C> {
  const out = new Set<C>();
  if (!cands.length) return out;
  const go = files.filter((f) => f.path.endsWith(".go") && f.content.includes("framework.Path"));
  for (const c of cands) {
    const pattern = new RegExp(`Pattern\\s*:\\s*"${escapeRegExp(c.name.replace(/\*$/, ""))}[^"]*"`);
    for (const f of go) {
      const m = pattern.exec(f.content);
      if (!m) continue;
      // The path literal's text from its Pattern to the next Pattern (or the file's end).
      const rest = f.content.slice(m.index);
      const next = rest.slice(1).search(/\bPattern\s*:/);
      const decl = next < 0 ? rest : rest.slice(0, next + 1);
      if (/logical\.(Create|Update|Delete)Operation\b/.test(decl)) { out.add(c); break; }
    }
  }
  return out;
}
