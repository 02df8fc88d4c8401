// insecure-compare: a credential compared with ==/===/!=, decided by names, by where the value comes
// from (a request, the environment, configuration) and by the function it sits in (auth-named or a guard).
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import type { CheckContext } from "./check";
import { isMiddlewareShaped } from "./guard-shape";
import { shannonEntropy } from "./entropy";
import { type Hit, param, regionOf } from "./hit";

const FUNCTION_KINDS = /^(function_declaration|function_expression|arrow_function|method_definition|generator_function_declaration|function_definition|function_item|method_declaration|func_literal|closure_expression|function)$/;

function enclosingFunction(node: SgNode): SgNode | null {
  for (let n = node.parent(); n; n = n.parent()) if (FUNCTION_KINDS.test(String(n.kind()))) return n;
  return null;
}

/** The named function a node sits in (an arrow bound to a name counts), for the auth-name test. */
function enclosingNames(node: SgNode): string[] {
  const out: string[] = [];
  for (let n = node.parent(); n; n = n.parent()) {
    if (!FUNCTION_KINDS.test(String(n.kind())) && n.kind() !== "variable_declarator") continue;
    const name = (n.field("name" as never) as SgNode | null)?.text();
    if (name) out.push(name);
  }
  return out;
}

function operands(node: SgNode): SgNode[] {
  const l = node.field("left" as never) as SgNode | null;
  const r = node.field("right" as never) as SgNode | null;
  if (l && r) return [l, r];
  return node.namedChildren().filter((c) => !/operator|comment/.test(String(c.kind())));
}

/** `const provided = req.headers["x-api-key"]` / `sent := r.URL.Query().Get("token")` in the same function. */
function assignedFrom(fn: SgNode | null, name: string): string | null {
  if (!fn || !/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const m = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*(?::\\s*[^=\\n]+)?(?::=|=(?!=))\\s*([^;\\n]+)`).exec(fn.text());
  return m ? m[1]! : null;
}

/**
 * Not a credential value: an enum-like constant (`OrgPolicyType::ResetPassword`, `Kind.Password`) or a
 * predicate about one (`cfg.smtp_password.is_some()`, `len(token)`, `token.length`).
 */
function constantOrPredicate(t: string): boolean {
  const parts = t.split(/::|\./);
  if (parts.length > 1 && /^[A-Z][A-Za-z0-9]*$/.test(parts[0]!) && /^[A-Z][A-Za-z0-9]*$/.test(parts[parts.length - 1]!)) return true;
  return /\.(is_\w+|has_\w+|len|length|size|count|is[A-Z]\w*)\(\)$|\.(length|size)$|^(len|length|size)\(/.test(t);
}

/**
 * A protocol constant: an ALL_CAPS name bound in the file to a short or plain literal
 * (`NTLMSIGNATURE = "NTLMSSP\0"`, a magic header). A credential literal would be a hardcoded-secret finding.
 */
function protocolConstant(t: string, node: SgNode): boolean {
  if (!/^[A-Z][A-Z0-9_]{2,}$/.test(t)) return false;
  const m = new RegExp(`\\b${t}\\s*(?::[^=]+)?=\\s*["'\`]([^"'\`]*)["'\`]`).exec(node.getRoot().root().text());
  return !!m && (m[1]!.length < 16 || shannonEntropy(m[1]!) < 3);
}

/** A value compared with its confirmation (`password != password_verify`): an input check, not authentication. */
function confirmation(ops: string[]): boolean {
  return ops.some((t) => /(confirm|_verify$|verification|repeat|again|retype)\w*$/i.test(t.split(/::|\./).pop()!));
}

export function credentialCompare({ node, params, rule }: CheckContext): Hit[] {
  // `bytes.Equal(mac, sig)` and other calls the rule matched by their arguments are reported as matched.
  if (/call/.test(String(node.kind()))) return [{ region: regionOf(node) }];
  const credential = new RegExp(param(params, "credential", "(?!)"), "i");
  const headerRead = new RegExp(param(params, "headerRead", "(?!)"), "i");
  const bare = new RegExp(param(params, "bare", "(?!)"), "i");
  const authFunction = new RegExp(param(params, "authFunction", "(?!)"), "i");
  const source = new RegExp(param(params, "source", "(?!)"));
  const sourceKey = new RegExp(param(params, "sourceKey", "(?!)"), "i");
  const ops = operands(node).map((o) => o.text().trim());
  if (ops.length !== 2) return [];
  if (ops.some(constantOrPredicate) || confirmation(ops) || ops.some((t) => protocolConstant(t, node))) return [];
  // A credential by name, a header/cookie named for one, or a request/env/config read keyed by one
  // (`r.URL.Query().Get("token")`, `process.env.ADMIN_TOKEN`).
  if (ops.some((t) => credential.test(t) || headerRead.test(t) || (source.test(t) && sourceKey.test(t)))) return [{ region: regionOf(node) }];
  const fn = enclosingFunction(node);
  // Data flow in the function: an operand assigned from a credential-named request/env/config read.
  const flows = ops.map((t) => assignedFrom(fn, t));
  if (flows.some((rhs) => rhs !== null && source.test(rhs) && (sourceKey.test(rhs) || credential.test(rhs)))) return [{ region: regionOf(node) }];
  if (!ops.some((t) => bare.test(t))) return [];
  // A bare `token`/`key`/`sig` is a credential where the code authenticates: an auth-named function, a
  // guard-shaped middleware, or a comparison against a value read from a request, the environment or config.
  if (enclosingNames(node).some((n) => authFunction.test(n))) return [{ region: regionOf(node) }];
  if (fn && isMiddlewareShaped(fn, rule.language as RuleLanguage)) return [{ region: regionOf(node) }];
  if (ops.some((t) => source.test(t)) || flows.some((rhs) => rhs !== null && source.test(rhs))) return [{ region: regionOf(node) }];
  return [];
}
