// tls-disabled by a custom certificate verifier: rustls lets a program install its own verifier
// (`.dangerous().with_custom_certificate_verifier(Arc::new(V))`); when V's verify method answers "verified"
// on every path, nothing is verified, whatever V is called. Judged by the body, not the name.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { ancestor } from "../syntax";
import { type Hit, regionOf } from "./hit";

/** Wrappers around the verifier value, not its type. */
const WRAPPERS = new Set(["Arc", "Box", "Rc", "Some", "Ok"]);

/** The type names the installed value is built from (`Arc::new(NoCheck)`, `Arc::new(V::new(x))`, `V {}`, a tuple struct's `V(provider)`), one `let` hop back. */
function verifierTypes(arg: string, fn: SgNode | null): string[] {
  let text = arg;
  const local = /^\(?\s*&?([a-z_]\w*)(\.clone\(\))?\s*\)?$/.exec(arg.trim());
  if (local && fn) text = new RegExp(`\\blet\\s+(?:mut\\s+)?${local[1]}\\s*(?::[^=]+)?=\\s*([^;]+);`).exec(fn.text())?.[1] ?? arg;
  return [...new Set([...text.matchAll(/(?<![\w:])([A-Z]\w*)(?=\s*(?:::|\{|\(|\)|$))/g)].map((m) => m[1]!).filter((t) => !WRAPPERS.has(t)))];
}

/**
 * A verify method that accepts on every path: it produces the `...Verified::assertion()` token and has no
 * way to refuse (no `Err(`, no `?`, no branch, no delegation to another verifier).
 */
export function acceptsEverything(body: string): boolean {
  // Comments, strings and log macros (`debug!(?name, ..)`: `?` is a format sigil there) decide nothing.
  const code = body.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\]|\\.)*"/g, "").replace(/\b((tracing|log)::)?(trace|debug|info|warn|error|println|eprintln|log)!\s*\([^;]*\)\s*;/g, "")
    // A branch left empty once its log lines are gone (`if !fingerprint.eq(&self.pin) { warn!(..) }`) refuses nothing:
    // a pin that only logs a mismatch accepts every certificate.
    .replace(/\bif\b[^{};]*\{\s*\}(?!\s*else)/g, "");
  return /Verified::assertion\s*\(\s*\)/.test(code) && !/\bErr\s*\(|\?|\bif\b|\bmatch\b|\.verify_\w+\s*\(|\bverify_\w+\s*\(/.test(code.replace(/fn\s+verify_\w+/g, ""));
}

/** The Rust function or closure around a node: where the verifier is installed. */
const RUST_FUNCTION = /^(function_item|closure_expression)$/;

/** The node matched a verifier installation; report it when a same-file impl of that type accepts everything. */
export function acceptingVerifierCheck({ node }: CheckContext): Hit[] {
  const fn = node.field("function" as never) as SgNode | null;
  const args = node.field("arguments" as never) as SgNode | null;
  if (!fn || !args) return [];
  const types = verifierTypes(args.text().replace(/^\(|\)$/g, ""), ancestor(node, RUST_FUNCTION));
  if (!types.length) return [];
  const root = node.getRoot().root();
  for (const impl of root.findAll({ rule: { kind: "impl_item", has: { field: "trait", regex: "CertVerifier$" } } })) {
    const self = (impl.field("type" as never) as SgNode | null)?.text().replace(/<.*$/, "") ?? "";
    if (!types.includes(self)) continue;
    const verify = impl.find({ rule: { kind: "function_item", has: { field: "name", regex: "^verify_(server|client)_cert$" } } });
    if (!verify) continue;
    const body = (verify.field("body" as never) as SgNode | null)?.text();
    if (body && acceptsEverything(body)) {
      const at = (fn.field("field" as never) as SgNode | null) ?? node;
      const name = (verify.field("name" as never) as SgNode | null)?.text() ?? "verify method";
      return [{ region: regionOf(at), message: `certificate verification disabled: ${self}'s ${name} accepts every certificate` }];
    }
  }
  return [];
}
