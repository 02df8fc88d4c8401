// Code that checks before it acts, and credential checks known by what they do: a condition with a failure
// path, a presented credential compared with a stored one, and the keyed-digest primitives that are neither.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { isMiddlewareShaped, params, REFUSAL, withoutComments } from "./guard-shape";

/** A keyed digest computed in the body: HMAC in each language's spelling. */
const KEYED_DIGEST = /\bcreateHmac\s*\(|\bhmac\s*\.\s*(New|new|HMAC|digest)\s*\(|\bHmac\w*\s*(::|<)|\bHMAC\s*\(|\bcrypto\.subtle\.sign\s*\(/;

/**
 * A verification primitive, not a guard: it computes a keyed digest (an HMAC) over what it is given and
 * answers whether it matches, without reading who is asking or refusing anyone
 * (`verifySignature(body, sig, key): boolean`). Its callers decide; left uncalled it gates nothing it
 * was mounted on, so it is no unwired guard (a constant-time question is the insecure-compare rules').
 */
export function verificationPrimitive(fn: SgNode, lang: RuleLanguage): boolean {
  const text = fn.text();
  return KEYED_DIGEST.test(text) && !REFUSAL.test(text) && !isMiddlewareShaped(fn, lang);
}

/** A constant-time comparison in each language's spelling. */
const CONSTANT_TIME = /\b(ConstantTimeCompare|hmac\.Equal|compare_digest|timingSafeEqual|constant_time_eq|ct_eq|verify_slices_are_equal)\s*\(/;
/** A comparison with `==`/`!=` where one side names a credential. */
const CREDENTIAL_EQ = /(token|api_?key|apikey|secret|password|passwd|credential)\w*\s*[!=]==?|[!=]==?\s*[\w.]*(token|api_?key|apikey|secret|password|passwd|credential)/i;
/** Failing by the language's error path: an error value returned, an exception raised or thrown. */
const FAILS = /\breturn\b[^\n;]*\b(errors\.New|fmt\.Errorf|Err\w*)\b|\bErr\s*\(|\bbail!\s*\(|\braise\s+\w|\bthrow\s+\w/;
/** `Err(e) =>`, `if let Err(e) = ..`: a pattern that handles an error someone else made, not a failure of this code. */
const ERR_PATTERN = /\bErr\s*\([^()]*\)\s*(=>|=(?![=>]))/g;

/**
 * Code that checks before it acts: a condition (`if`, `match`, a guard clause) and a failure (an error
 * returned, raised or thrown, a failing macro such as `err!`/`bail!`, or a 401/403 answer).
 */
export function failsOnCondition(text: string): boolean {
  const code = withoutComments(text).replace(ERR_PATTERN, "");
  return /\b(if|match|guard|unless)\b/.test(code) && (FAILS.test(code) || REFUSAL.test(code) || /\b\w*(err|bail|ensure)\w*!\s*\(/i.test(code));
}

/**
 * A credential check by what it does: it compares a presented credential with a stored one (looked up:
 * STORED; constant-time, or `==` on a credential) and fails when they differ (an error returned, raised or thrown). Unlike a
 * verification primitive it rejects the caller itself; like middleware, nothing calling it means nothing is
 * checked. A keyed digest over its arguments with no failure path stays a primitive; methods are not asked.
 */
export function credentialCheck(fn: SgNode): boolean {
  // Free functions only: a method is reached through its receiver, often by a framework hook (kong's
  // `BeforeApply`, `ServeHTTP`), so its name never appearing elsewhere does not make it unwired.
  if (!/^(function_declaration|function_item|function_definition)$/.test(String(fn.kind()))) return false;
  for (let n = fn.parent(); n; n = n.parent()) if (/^(impl_item|trait_item|class_definition|class_body|declaration_list)$/.test(String(n.kind()))) return false;
  const code = withoutComments((fn.field("body" as never) as SgNode | null)?.text() ?? "");
  return (CONSTANT_TIME.test(code) || CREDENTIAL_EQ.test(code)) && FAILS.test(code) && STORED.test(withoutCallersData(code, params(fn)));
}

/**
 * A file the caller names (`path.open()`, `open(path)`, `os.ReadFile(path)`) is the caller's data: a digest of
 * it compared with an expected one checks the file's integrity, not who is asking. Only a lookup the function
 * makes itself (a fixed location, the environment, a table) holds a stored credential.
 */
function withoutCallersData(code: string, parameters: readonly string[]): string {
  let out = code;
  for (const p of parameters) {
    const name = /^\s*\**&?(mut\s+)?([A-Za-z_]\w*)/.exec(p)?.[2];
    if (!name || /^(self|cls)$/.test(name)) continue;
    out = out.replace(new RegExp(`\\b${name}\\s*\\.\\s*open\\s*\\(|\\b(open|ReadFile|read_to_string|readFileSync)\\s*\\(\\s*&?${name}\\b`, "g"), " ");
  }
  return out;
}

/**
 * A stored credential is looked up: a table indexed by key, a `.get(..)`, the environment or a file. Two
 * values both handed in as arguments (`VerifyWebhook(body, sig)`) make a primitive whose callers hold the
 * secret, as the fourth pass decided for keyed digests.
 */
const STORED = /\w\s*\[[^\]\n]+\]|\.get\s*\(|\b(getenv|Getenv|LookupEnv|environ|env::var|ReadFile|read_to_string|readFileSync)\b|process\.env|\bopen\s*\(/;

/** Refusing by answering nothing (`return None`, `return null`, `return false`): an authentication backend's "not this caller". */
const ANSWERS_NOTHING = /\breturn\s+(None|null|nil|False|false|undefined)\b/;
/** A configured value: a settings or config attribute (`settings.STAFF_API_KEY`, `this.config.apiKey`). */
const CONFIGURED = /\b(settings|config|cfg|conf)\s*\.\s*\w+/i;

/**
 * A class whose method is a credential check (`class StaffKey(Base): def authenticate(self, request, key): if key
 * == settings.STAFF_KEY: return "staff"; return None`): a method compares a credential it is handed with a stored
 * or configured one and refuses (fails, or answers nothing). The class is the guard a framework applies by
 * instantiating it; no reference to it anywhere means it is applied nowhere.
 */
export function credentialCheckClass(cls: SgNode): boolean {
  if (!/^(class_definition|class_declaration)$/.test(String(cls.kind()))) return false;
  const methods = cls.findAll({ rule: { kind: cls.kind() === "class_definition" ? "function_definition" : "method_definition" } });
  return methods.some((m) => {
    const handed = params(m).map((p) => /^\s*([A-Za-z_$][\w$]*)/.exec(p)?.[1] ?? "").filter((n) => n && !/^(self|cls|this)$/.test(n));
    const code = withoutComments((m.field("body" as never) as SgNode | null)?.text() ?? "");
    const compares = CONSTANT_TIME.test(code) || CREDENTIAL_EQ.test(code);
    const onHanded = handed.some((n) => new RegExp(`(?<![\\w$.])${n}\\s*[!=]==?|[!=]==?\\s*${n}(?![\\w$])|\\(\\s*${n}\\s*,|,\\s*${n}\\s*\\)`).test(code));
    return compares && onHanded && (STORED.test(code) || CONFIGURED.test(code)) && (FAILS.test(code) || ANSWERS_NOTHING.test(code));
  });
}
