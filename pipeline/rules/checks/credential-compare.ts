// insecure-compare: a credential compared with ==/===/!=, decided by names, by where the value comes
// from (a request, the environment, configuration) and by the function it sits in (auth-named or a guard).
import { browserCode } from "./browser-code";
import { viewedValue } from "./byte-view";
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import type { CheckContext } from "./check";
import { ancestor, callEnd, escapeRegExp, goPackageName, identifierWords, TYPE_ANNOTATION } from "../syntax";
import { isMiddlewareShaped } from "./guard-shape";
import { shannonEntropy } from "./entropy";
import { type Hit, param, regionOf } from "./hit";
import { routeRegistered } from "./route-mark";
import { builtOnlyForTests, enumVariant, fieldValidator, importedPackageName, readKey, sameOrigin } from "./public-operand";

/** A Go error value: `err`, a `…Err` local, or an exported sentinel (`pgx.ErrNoRows`, `ErrNotFound`, `io.EOF`). */
const GO_ERROR_VALUE = /^(?:[\w.]*\.)?(?:err|\w*Err|Err[A-Z0-9]\w*|EOF)$/;

const FUNCTION_KINDS = /^(function_declaration|function_expression|arrow_function|method_definition|generator_function_declaration|function_definition|function_item|method_declaration|func_literal|closure_expression|function)$/;

/** The named function a node sits in (an arrow bound to a name counts), for the auth-name test. */
/** A type named for authenticating a caller, or for resetting or proving a credential (`PasswordResetConfirm`, `MfaChallenge`). */
const AUTH_TYPE = /auth|guard|login|credential|jwt|bearer|api_?key|signature|verif|password|passwd|reset|mfa|otp/i;
/** ... not one that holds or serves such things (`authRepo`, `TokenStore`, `AuthService`): its methods manage records. */
const HOLDER_TYPE = /(repo|repository|store|storage|cache|dao|model|service|manager|client)$/i;

function enclosingNames(node: SgNode): string[] {
  const out: string[] = [];
  for (let n = node.parent(); n; n = n.parent()) {
    // A method of a type named for authenticating (`impl Endpoint for AdminAuthEndpoint`, `class TokenAuth`,
    // `BearerGuard`) authenticates too; a type named for what it stores (`SessionStore`) says nothing.
    const typeName = n.kind() === "impl_item" ? (n.field("type" as never) as SgNode | null)?.text().replace(/<[\s\S]*$/, "")
      : /^(class_declaration|class_definition|class)$/.test(String(n.kind())) ? (n.field("name" as never) as SgNode | null)?.text()
      : n.kind() === "method_declaration" ? (n.field("receiver" as never) as SgNode | null)?.text().match(/(\w+)\s*\)\s*$/)?.[1] : undefined;
    if (typeName && AUTH_TYPE.test(typeName) && !HOLDER_TYPE.test(typeName)) out.push(typeName);
    if (n.kind() === "impl_item" || /^(class_declaration|class_definition|class)$/.test(String(n.kind()))) continue;
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

/**
 * The right-hand side of an assignment: up to the end of the statement, following a method chain over
 * lines (`req\n  .headers()\n  .get("x-api-key")`: a line that starts with `.`, or a line that ends with
 * one, as Go writes chains), which is one expression however it is wrapped.
 */
const RHS = String.raw`[^;\n]+(?:(?:\n\s*(?=\.[\w$])|(?<=\.)\s*\n\s*)[^;\n]+)*`;

/** The chain as one line: `req.headers().get("x-api-key")`. */
function joinLines(rhs: string): string {
  return rhs.replace(/\s*\n\s*/g, "").trim();
}

/** `const provided = req.headers["x-api-key"]` / `sent := r.URL.Query().Get("token")` in the same function. */
function assignedFrom(fn: SgNode | null, name: string): string | null {
  if (!fn || !/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  // A pattern binds it too (`let Some(token) = header.and_then(..) else {..}`, `if let Ok(sig) = ..`).
  const m = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*\\)?\\s*${TYPE_ANNOTATION}(?::=|=(?![=>]))\\s*(${RHS})`).exec(fn.text());
  return m ? joinLines(m[1]!) : null;
}

/** An input widget or prompt that hides what is typed: `type="password"`, click's `hide_input=True`. */
const PASSWORD_INPUT = /\btype\s*=\s*["']password["']|\bhide_input\s*=\s*True\b/;

/** The whole call a name is bound to, its arguments over any number of lines (`code = st.text_input(\n "..", type="password")`). */
function boundCall(fn: SgNode | null, name: string): string | null {
  if (!fn || !/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const text = fn.text();
  const m = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*(?::[^=\\n]+)?=\\s*[\\w$.]+\\(`).exec(text);
  if (!m) return null;
  const end = callEnd(text, m.index + m[0].length - 1);
  return end > 0 && end - 1 - m.index < 2000 ? text.slice(m.index, end) : null;
}

/**
 * What a name was made from, through plain renames (`if let Some(token) = internal {` with `let internal =
 * headers.get("x-edge-internal")`): the first binding that is not another bare name, up to three hops.
 */
function madeFrom(fn: SgNode | null, name: string): string | null {
  const bound = (n: string) => assignedFrom(fn, n)?.replace(/\s*\{\s*$/, "") ?? null;
  let rhs = bound(name);
  for (let hop = 0; rhs && /^[A-Za-z_$][\w$]*$/.test(rhs) && rhs !== name && hop < 3; hop++) rhs = bound(rhs) ?? rhs;
  return rhs;
}

/**
 * A stored digest compared with a digest of what the caller presented (`rec.Hash != hashToken(token)`,
 * `row.appealCodeHash !== digest(code)`): the stored hash is what a timing attack recovers byte by byte. The
 * call's name says it hashes or derives, and it or its argument names a credential; the other side is a field
 * named for a hash or digest. Two content digests stay an integrity check.
 */
function presentedDigest(ops: string[]): boolean {
  const stored = ops.findIndex((t) => /^[\w$]+(?:\s*(?:\.|->|::)\s*[\w$]+)+$/.test(t) && /(hash|digest)(es)?$/i.test(t));
  if (stored < 0) return false;
  const call = /^([A-Za-z_$][\w$.:]*)\s*\(([^()]*)\)$/.exec(ops[1 - stored]!.trim());
  if (!call) return false;
  const callee = words(call[1]!.replace(/^.*[.:]/, ""));
  if (!callee.some((w) => /^(hash\w*|digest|derive\w*|kdf|pbkdf2\w*|bcrypt|scrypt|argon2\w*|crypt)$/.test(w))) return false;
  return [...callee, ...words(call[2]!)].some((w) => /^(password|passwd|passphrase|pwd|token|code|pin|otp|secret|key|apikey|credential|credentials)$/.test(w));
}

/**
 * A field that says what kind of thing a value is (`err.type`, `event.kind`, `req.method`, `job.status`), or a name
 * ending in one (`fieldType`, `token_kind`): a compare with it dispatches on a case (`err.type === STError.TRY_REFRESH_TOKEN`), whatever the case is named.
 */
function discriminant(t: string): boolean {
  const v = t.trim();
  if (/^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*)*\??\.(type|kind|status|state|mode|tag|variant|category|action|event|method|scheme|phase|stage)$/.test(v)) return true;
  // ... and a local or field named for one (`fieldType === FieldType.FREE_SIGNATURE`, `token_kind == "refresh"`).
  return /^([A-Za-z_$][\w$]*\??\.)*([a-z][\w$]*(Type|Kind|Status|Category|Variant|Phase|Stage|_type|_kind|_status|_category|_variant)|type|kind|status|category|variant)$/.test(v);
}

/**
 * Not a credential value: an enum-like constant (`OrgPolicyType::ResetPassword`, `Kind.Password`) or a
 * predicate about one (`cfg.smtp_password.is_some()`, `len(token)`, `token.length`).
 */
function constantOrPredicate(t: string): boolean {
  // An empty literal (`password == ""`, `*""`, `''`): the compare asks whether a value is present, not what it is.
  if (/^[*&(\s]*b?(""|''|``)\)?$/.test(t)) return true;
  // ... or a member of a type named for what kind of thing it is (`AuthenticationScheme.token`, `GrantType.password`):
  // an enum's case, whatever its member is called. Only names a case: a `State`, `Config` or `Settings` object holds
  // values (`AppState.adminToken`).
  if (/^[A-Z][A-Za-z0-9]*(Scheme|Type|Kind|Mode|Method|Strategy|Format|Level|Role)\.[A-Za-z_]\w*$/.test(t)) return true;
  // ... or a Go zero value (`cfg.Auth != (config.AuthConfiguration{})`): whether anything was configured.
  if (/^\(?\s*[\w.]+\s*\{\s*\}\s*\)?$/.test(t)) return true;
  const parts = t.split(/::|\./);
  if (parts.length > 1 && /^[A-Z][A-Za-z0-9]*$/.test(parts[0]!) && /^[A-Z][A-Za-z0-9]*$/.test(parts[parts.length - 1]!)) return true;
  // ... or a length or a size (`signatureBytesLen`, `ed25519.SignatureSize`).
  return /\.(is_\w+|has_\w+|len|length|size|count|is[A-Z]\w*)\(\)$|\.(length|size)$|^(len|length|size)\(|(Len|Length|Size|Count|_len|_length|_size|_count)$/.test(t);
}

/**
 * A handle compared for identity (`this.accessToken === accessTokenPromise`: is the pending refresh still the current
 * one?): a promise, a future, a task or a timer is an object, not the secret it may resolve to.
 */
function handleIdentity(t: string): boolean {
  return /^([A-Za-z_$][\w$]*\??\.)*[A-Za-z_$][\w$]*(Promise|Future|Task|Timer|Timeout|Handle|Deferred)$/.test(t.trim());
}

/**
 * Go: an enumerated constant (`csrfTokenRequired csrfTokenOption = 1 + iota`, or a name under one in its const block):
 * a typed option, not a credential, whatever its name says.
 */
function goEnumConstant(t: string, node: SgNode): boolean {
  if (!/^[A-Za-z_]\w*$/.test(t)) return false;
  return goConstNames(node.getRoot().root().text()).has(t);
}

/**
 * The names a Go file's `const (..)` blocks bind as enumerated constants (a block using iota) or to another package's
 * exported constant, read once per file text.
 */
function goConstNames(text: string): Set<string> {
  if (text === constCache.text) return constCache.names;
  const names = new Set<string>();
  for (const block of text.matchAll(/\bconst\s*\(([\s\S]*?)\n[ \t]*\)/g)) {
    const body = block[1]!;
    const iota = /\biota\b/.test(body);
    for (const line of body.split("\n")) {
      const m = /^[ \t]*([A-Za-z_]\w*)\b(?:[ \t]+[A-Za-z_][\w.]*)?(?:[ \t]*=[ \t]*([^\n]*))?[ \t]*(?:\/\/[^\n]*)?$/.exec(line);
      if (!m) continue;
      if (iota || (m[2] !== undefined && /^[a-z]\w*\.[A-Z]\w*\s*$/.test(m[2]))) names.add(m[1]!);
    }
  }
  constCache.text = text;
  constCache.names = names;
  return names;
}
const constCache = { text: "", names: new Set<string>() };

/**
 * A public constant: a name bound at the top of a line (module level) to a short, plain or placeholder
 * literal (`NTLMSIGNATURE = "NTLMSSP\0"`, `PLACEHOLDER = "<your-token>"`, a fixed test password) that is its whole
 * value (`expected = "v0=" + hmac.new(..)` only starts with one): the value
 * is in the source, so timing reveals nothing the source does not. A credential-shaped literal would be a
 * hardcoded-secret finding (and is not exempt here: its compare still leaks it to whoever lacks the source).
 */
function publicConstant(t: string, node: SgNode, placeholder: RegExp): boolean {
  // A constant's member whose own name calls it a stand-in (`DUMMY_PIDS.ALWAYS_PASS`, `EXAMPLE_KEYS.SANDBOX`): a
  // value published for tests and demos, not one a caller has to guess.
  if (/^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/.test(t) && placeholder.test(t)) return true;
  if (!/^[A-Za-z_$][\w$]*$/.test(t)) return false;
  const m = new RegExp(`^[ \\t]*(?:export\\s+)?(?:pub(?:\\([^)]*\\))?\\s+)?(?:const|let|var|static|final)?\\s*${t.replace(/\$/g, "\\$")}\\s*(?::[^=\\n]+)?:?=\\s*(?:&?b?)?["'\`]([^"'\`\\n]*)["'\`]\\s*(?:as\\s+const\\s*)?;?\\s*(?:#[^\\n]*|\\/\\/[^\\n]*)?$`, "m").exec(node.getRoot().root().text());
  return !!m && (m[1]!.length < 16 || shannonEntropy(m[1]!) < 3 || placeholder.test(m[1]!));
}

/**
 * A MAC's output made plain bytes or text before the compare (`mac.finalize().into_bytes()`, `hex::encode(..)`,
 * Python's `.hexdigest()`): RustCrypto's `finalize()` alone answers a `CtOutput`, whose `==` is constant-time.
 */
function plainOutput(t: string): boolean {
  return !/\bfinalize\s*\(/.test(t) || /\bfinalize\s*\(\s*\)\s*\.\s*(into_bytes|as_slice|to_vec|as_ref)\b|\b\w*(encode|hex)\w*\s*(::\s*<[^>]*>\s*)?\(/.test(t);
}

/**
 * A truth value: a name asking a yes/no question (`user.is_superuser`, `hasAccess`, `canEdit`) or a local made from a
 * membership or equality test (`is_admin = GROUP in groups`). Two booleans compared say whether a flag changed, and a
 * flag has two values: nothing for timing to recover.
 */
function booleanValue(t: string, flow: string | null): boolean {
  // A value made a truth value on the spot (`bool(session) != bool(signature)`, `!!a !== !!b`, `Boolean(x)`): both given or neither.
  if (/^(?:bool|Boolean)\([^()]*(?:\([^()]*\)[^()]*)*\)$|^!![\w$.]+$/.test(t.trim())) return true;
  const last = /([A-Za-z_$][\w$]*)\s*$/.exec(t.trim())?.[1] ?? "";
  if (/^(is|has|can|should|was|were|did|does)(_[a-z]|[A-Z])/.test(last)) return true;
  // ... not a conditional choosing between values (`A if A is not None else B`, `a ? b : c`).
  if (flow === null || /\bif\b[\s\S]*\belse\b|\?/.test(flow)) return false;
  return /^[^()"'`]*\s(not\s+in|in|is\s+not|is)\s[^()"'`]*$|^[^()"'`=]*(===?|!==?)[^()"'`=]*$/.test(flow.trim());
}

/**
 * A digest of the request's own body (`expected = calculate_digest(request.body)` against the `Digest` header, RFC
 * 3230): the body is what the client sent, so its digest is public; the signature over the headers is the secret.
 */
function bodyDigest(t: string | null): boolean {
  // Keyed or not by what it is handed: the helper's class may be named for the signature scheme it belongs to.
  const args = t === null ? "" : t.slice(t.indexOf("(") + 1);
  return t !== null && namesDigest(t) && /\b(request|req|r|ctx\.request)\.(body|data|content|raw_body|get_data)\b/.test(args) && !keyed(args);
}

/** The operand is the variable of an enclosing `for (const k in obj)` loop: a property name of the object enumerated. */
function enumeratedKey(node: SgNode, t: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(t.trim())) return false;
  for (let n = node.parent(); n; n = n.parent()) {
    if (n.kind() !== "for_in_statement") continue;
    const left = n.field("left" as never) as SgNode | null;
    const op = n.children().find((c) => c.text() === "in" || c.text() === "of");
    if (op?.text() === "in" && left?.text().replace(/^(const|let|var)\s+/, "") === t.trim()) return true;
  }
  return false;
}

/** A named authorization scheme or prefix (`BearerPrefix`, `AUTH_SCHEME`, `token_prefix`). */
const SCHEME_OPERAND = /^[\w.]*(Prefix|PREFIX|_prefix|Scheme|SCHEME|_scheme)$/;

/**
 * A Go builder of settings by name (`getRedisClientOptions`, `parseConfig`): a free function, not a method, taking no
 * request or handler context. Constructors by prefix (`NewSession(user, password)`, `Open(passphrase)`) authenticate as
 * often as they configure, and are not read.
 */
function constructorOfSettings(fn: SgNode): boolean {
  const name = (fn.field("name" as never) as SgNode | null)?.text() ?? "";
  const params = (fn.field("parameters" as never) as SgNode | null)?.text() ?? "";
  return fn.kind() === "function_declaration" && /[a-z](Options|Opts|Config|Configuration|Settings)$/.test(name) && !/http\.Request|\.Context\b|ResponseWriter/.test(params);
}

/** A digest computed without a key (`sha256(body).hexdigest()`, `sha256.Sum256(b)`, `Sha256::digest(..)`): public. */
function unkeyedDigest(t: string): boolean {
  const code = t.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  return /(?<![a-z])(sha\d*|md5|blake\w*|xxh\w*|crc\w*)\w*\s*(\(|(::|\.)\s*\w+\s*\()|createHash\s*\(/i.test(code) && !/hmac/i.test(code);
}

const words = identifierWords;

/** The value's own name, its last identifier, ends in "digest" (`lookupDigest`, `desc.Digest`, `bdigest`, `d.Digest.String()`). */
function namesDigest(t: string): boolean {
  // A dereference, a borrow or a conversion (`*computed`, `&d`, `string(newDig)`) names what it wraps.
  const bare = t.trim().replace(/^[*&\s]+/, "").replace(/^(?:string|String|str)\s*\(([\s\S]*)\)$/, "$1").trim();
  // Its last identifier, read as a field or a getter (`desc.Digest`, `action_info().digest()`, `.String()`).
  const last = /([A-Za-z_$][\w$]*)\s*(?:\(\s*\))?\s*(?:\.\s*(?:String|Hex|Encoded|to_string|as_str|hex)\s*\(\s*\))?\s*$/.exec(bare)?.[1] ?? "";
  // go-digest's own spelling: `dgst`.
  if (/digest$/i.test(last) || words(last).at(-1) === "dgst") return true;
  // ... or a call that makes one (`GetImageDigestStr(meta)`, `godigest.NewDigestFromEncoded(alg, enc)`).
  const callee = /^([A-Za-z_$][\w$.:]*)\s*\(/.exec(bare)?.[1];
  return !!callee && words(callee.replace(/^.*[.:]/, "")).includes("digest");
}

/** Computed with a key: an HMAC, a MAC, a signature, or anything fed a secret (`sign(secret, body)`). */
function keyed(expr: string): boolean {
  return !unkeyedDigest(expr) && words(expr).some((w) => /^(hmac|mac|sign|signature|signing|secret)$/.test(w));
}

/**
 * A password run through a hash or key derivation (`hash_password(pw, salt)`, `bcrypt.hash(password)`,
 * `derive_key(password)`): the stored side is the secret a timing attack recovers.
 */
function passwordHash(expr: string): boolean {
  const call = /([A-Za-z_$][\w$.]*)\s*\(([^()]*)\)/.exec(expr);
  if (!call) return false;
  const callee = words(call[1]!);
  const derives = callee.some((w) => /^(hash\w*|derive\w*|kdf|pbkdf2\w*|bcrypt|scrypt|argon2\w*|crypt)$/.test(w));
  return derives && (callee.some((w) => /^(password|passwd|passphrase|pwd)$/.test(w)) || words(call[2]!).some((w) => /^(password|passwd|passphrase|pwd)$/.test(w)));
}

/**
 * A value read from behind an authentication scheme prefix (`h.strip_prefix("Bearer ")`,
 * `strings.TrimPrefix(line, "AUTH ")`, `header.removeprefix("Token ")`): what a client presents as a credential.
 */
/** A read by a string key from a store of any kind: `x.get("k")`, `x.get_slot("k")`, `x.fetch("k")`, `x.lookup("k")`. */
/** A key naming a secret the caller must present (not `oauthState`: a browser's own CSRF nonce is no timing target). */
const STORED_SECRET_KEY = /(^|[^a-z])(otp|secret|password|passwd|passcode|pin|api[_-]?key|token|(reset|verification|confirmation|invite|recovery)[_-]?code)([^a-z]|$)/i;
/** ... not a key naming something about the secret (`token_uri`, `token_type`, `otp_expires_at`). */
const NAMES_ABOUT_SECRET = /(uri|url|endpoint|type|name|_id|path|expir\w*|ttl|length|count|kind|at)$/i;
const STORE_READ = /\.(?:get|get_slot|getItem|fetch|lookup|read)\s*\(\s*["'`]/;

function schemeStripped(expr: string, sourceKey: RegExp): boolean {
  const m = /\b(strip_prefix|TrimPrefix|removeprefix|trim_start_matches|lstrip|replace|slice)\s*\(\s*(?:[\w$.]+\s*,\s*)?["'`]([^"'`]*)["'`]/.exec(expr);
  return !!m && /\s$/.test(m[2]!) && (sourceKey.test(m[2]!) || /bearer|basic|token|digest/i.test(m[2]!));
}

/** The local names an expression is built from, outside its string literals (`"sha256=" + want`, `` `v1=${want}` `` → want). */
function localsIn(expr: string): string[] {
  const code = expr
    .replace(/`[^`]*`/g, (t) => (t.match(/\$\{[^}]*\}/g) ?? []).map((x) => x.slice(2, -1)).join(" + "))
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  return [...new Set([...code.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)(?![\w$]*\s*[(.!:])/g)].map((m) => m[1]!))].slice(0, 4);
}

/** Two fields of one object (`settings.api_token == settings.admin_token`): a consistency check of values the program holds. */
function fieldsOfOneObject(ops: string[]): boolean {
  const root = (t: string) => /^([\w$]+)\s*(\.|::|->)/.exec(t)?.[1] ?? null;
  return root(ops[0]!) !== null && root(ops[0]!) === root(ops[1]!);
}

/** What `expr` was last assigned from in the function, following up to three hops (`request.project = project`). */
function origins(fn: SgNode | null, expr: string): string[] {
  const out: string[] = [];
  let cur = expr;
  for (let hop = 0; fn && hop < 3; hop++) {
    const m = new RegExp(`(?<![\\w$.])${escapeRegExp(cur)}\\s*${TYPE_ANNOTATION}(?::=|=(?![=>]))\\s*(${RHS})`).exec(fn.text());
    if (!m) break;
    cur = joinLines(m[1]!);
    out.push(cur);
    if (!/^[\w$.]+$/.test(cur)) break;
  }
  return out;
}

/**
 * One side is a field of a record fetched by the other side (`project = lookup(api_key)` … `api_key ==
 * project.readonly_key`): the presented value already matched a stored one (the lookup authenticated);
 * this compare only picks among its fields.
 */
function recordFetchedBy(fn: SgNode | null, ops: string[]): boolean {
  for (const [a, b] of [[ops[0]!, ops[1]!], [ops[1]!, ops[0]!]] as const) {
    if (!/^[\w$]+$/.test(a) || !/^[\w$]+(\.[\w$]+)+$/.test(b)) continue;
    const owner = b.replace(/\s*\.\s*[\w$]+$/, "");
    const by = new RegExp(`\\([^()]*(?<![\\w$.])${a.replace(/\$/g, "\\$")}(?![\\w$])`);
    if (origins(fn, owner).some((rhs) => by.test(rhs))) return true;
  }
  return false;
}

/** A value compared with its confirmation (`password != password_verify`): an input check, not authentication. */
function confirmation(ops: string[]): boolean {
  // ... a value typed again (`password_confirmation`, `email_verify`), not a credential named for what it verifies
  // (`kofi_verification_token`, an emailed `verification_code`): those end on a credential's own noun.
  if (ops.some((t) => { const last = t.split(/::|\./).pop()!; return /(confirm|_verify$|verification|repeat|again|retype)\w*$/i.test(last) && !/(token|code|sig|signature|secret|key|hash|digest)$/i.test(last); })) return true;
  // A password named twice but for a trailing number (`password != password2`, `pass1 == pass2`): the user typed it
  // twice. Two numbered MACs (`mac1 == mac2`) are not this: one of them may be presented.
  const [a, b] = ops.map((t) => t.split(/::|\./).pop()!.replace(/\d+$/, ""));
  return ops.length === 2 && ops[0] !== ops[1] && a === b && /\d$/.test(ops[0]! + ops[1]!) && /^_?(new_?|user_?)?(pass|password|passwd|pwd|passphrase|pin)$/i.test(a!);
}

/**
 * A bare operand that is a parameter of a route handler (`fn delete(id: &str, token: &str)` under
 * `#[delete("/<id>?<token>")]`): the framework binds it from the request, so the caller presents it.
 */
function requestBound(fn: SgNode | null, t: string): boolean {
  if (!fn || !/^[A-Za-z_$][\w$]*$/.test(t) || !(routeRegistered(fn) || declaredInputsHandler(fn))) return false;
  const list = (fn.field("parameters" as never) as SgNode | null)?.text() ?? "";
  return new RegExp(`(?<![\\w$.])${t.replace(/\$/g, "\\$")}(?![\\w$])`).test(list);
}

/**
 * TypeScript: the `handler` of a function definition that declares its client inputs beside it (Convex's
 * `internalQuery({ args: { token: v.string() }, handler: async (ctx, { token }) => .. })`): what it destructures
 * from those inputs is what the caller sent.
 */
function declaredInputsHandler(fn: SgNode): boolean {
  const pair = fn.parent();
  if (pair?.kind() !== "pair" || !/^(handler|resolve)$/.test((pair.field("key" as never) as SgNode | null)?.text() ?? "")) return false;
  return (pair.parent()?.children() ?? []).some((p) => p.kind() === "pair" && /^(args|input)$/.test((p.field("key" as never) as SgNode | null)?.text() ?? ""));
}

/**
 * The two values an equality call compares (`bytes.Equal(got, want)`), or null when it is not such a call.
 * Arguments naming a credential in their code (`callArgs`, string literals aside) settle it at once; the
 * others are judged like the operands of `==`. A literal operand compares nothing secret: not such a call.
 */
function callOperands(node: SgNode, callArgs: RegExp): SgNode[] | "credential" | null {
  const args = node.field("arguments" as never) as SgNode | null;
  const list = args?.namedChildren().filter((c) => !/comment/.test(String(c.kind()))) ?? [];
  // A string literal is in the source (`strings.EqualFold(k, "authorization")` checks a header NAME): its
  // words name nothing compared; the operands' code decides, and a literal operand is never the secret.
  if (list.some((c) => /string_literal|^string$/.test(String(c.kind())))) return null;
  // Go: an argument that is an imported package's exported name (`fasthttp.HeaderAuthorization`) is a
  // declaration, not a value; such a call is judged by its operands like `==`.
  const declared = list.some((c) => importedPackageName(c.text(), node));
  if (args && !declared && callArgs.test(args.text().replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""'))) return "credential";
  if (list.length === 2) return list;
  // A method spelling of equality (`presented.eq(&stored)`): the receiver is the other operand.
  const fn = node.field("function" as never) as SgNode | null;
  const receiver = fn && /field_expression|member_expression|selector_expression|attribute/.test(String(fn.kind()))
    ? ((fn.field("value" as never) ?? fn.field("object" as never) ?? fn.field("operand" as never)) as SgNode | null) : null;
  return list.length === 1 && receiver ? [receiver, list[0]!] : null;
}

const DEFINITION_KINDS: Record<string, string[]> = {
  python: ["function_definition"], rust: ["function_item"], go: ["function_declaration", "method_declaration"], typescript: ["function_declaration", "method_definition"],
};

/**
 * A call of a function of the same file that computes a MAC (`_digest(body)` whose body is
 * `hmac.new(KEY, body, sha256).hexdigest()`): the helper's name says nothing, its body says it is keyed.
 */
function keyedHelper(t: string, node: SgNode, language: string): boolean {
  const callee = /^(?:(?:self|this|Self|s)\s*(?:\.|::)\s*)?([A-Za-z_$][\w$]*)\s*\(/.exec(t)?.[1];
  if (!callee) return false;
  const kinds = DEFINITION_KINDS[language] ?? [];
  const def = node.getRoot().root().find({ rule: { any: kinds.map((kind) => ({ kind })), has: { field: "name", regex: `^${callee.replace(/\$/g, "\\$")}$` } } });
  const body = def ? (def.field("body" as never) as SgNode | null)?.text() : undefined;
  return !!body && body.length < 2000 && keyed(body) && /hmac|\bmac\b|Mac::|\.sign\(/i.test(body);
}

/**
 * A value computed with a key at the comparison itself: a call whose callee names a MAC or a signing step
 * (`bytes.Equal(got, sign(m, key))`, `computeHmac(body) === header`). What it returns is the expected
 * signature a timing attack recovers; an unkeyed digest (`sha256(..)`) is public and not one.
 */
function keyedCall(t: string): boolean {
  const callee = /^([A-Za-z_$][\w$.:]*)\s*\(/.exec(t)?.[1];
  return !!callee && !unkeyedDigest(t) && words(callee.replace(/^.*[.:]/, "")).some((w) => /^(hmac|mac|sign|signature|signing)$/.test(w));
}

/**
 * Go: a credential-named operand that may be a package-level declaration, whose package is asked at the
 * scan's end whether it declares the name `const` (declared-constants.ts): an imported package's exported name
 * (`core.FieldNamePassword`), or a bare name the function neither binds nor assigns, which the file's own
 * package must declare (`authn.Type == AuthnTypeAuthorization`).
 */
function packageConstantCandidate(ops: string[], node: SgNode, credential: RegExp): { pkg: string; name: string } | null {
  const imported = /^([a-z]\w*)\.(\w+)$/.exec(ops.find((t) => importedPackageName(t, node) && credential.test(t)) ?? "");
  if (imported) return { pkg: imported[1]!, name: imported[2]! };
  const own = goPackageName(node.getRoot().root().text());
  const fn = ancestor(node, FUNCTION_KINDS);
  const params = fn ? ((fn.field("parameters" as never) as SgNode | null)?.text() ?? "") : "";
  // Any bare name the function neither assigns nor receives (`res != ValidationResultSecure`, `t == AdminToken`):
  // the file's package declares it, `const` or not, and only a `const` is a declaration.
  const bares = ops.filter((t) => /^[A-Za-z_]\w*$/.test(t) && !/^(nil|true|false|iota)$/.test(t) && assignedFrom(fn, t) === null && !new RegExp(`\\b${t}\\b`).test(params));
  // Of two, the one spelled like a constant (exported, or all capitals) is the one to ask about.
  const bare = bares.find((t) => /^[A-Z]/.test(t)) ?? bares[0];
  return own && bare ? { pkg: own, name: bare } : null;
}

/**
 * Python/TypeScript: an operand spelled as a constant (`NOT_SPECIFIED`, `VOID_RADIUS_SECRET`) that the file imports
 * (`from kolibri.core.auth.constants.demographics import NOT_SPECIFIED`, `import { VOID } from "./constants"`): whether
 * its module binds it to a literal a reader sees (a sentinel, a tag) is asked of every walked file at the scan's end
 * (declared-constants.ts). One bound to a setting or the environment stays reported.
 */
function importedConstant(ops: string[], content: string): { pkg: string; name: string } | null {
  for (const t of ops) {
    if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{3,}$/.test(t)) continue;
    const id = escapeRegExp(t);
    const m = new RegExp(`^\\s*from\\s+([\\w.]+)\\s+import\\s+(?:\\([^)]*|[^\\n]*)(?<![\\w.])${id}(?![\\w])|^\\s*import\\s*(?:type\\s+)?\\{[^}]*(?<![\\w$])${id}(?![\\w$])[^}]*\\}\\s*from\\s*["']([^"']+)["']`, "m").exec(content);
    // The module it comes from (`kolibri.core.auth.constants.demographics`, `./constants`): only there is it declared.
    if (m) return { pkg: (m[1] ?? m[2])!, name: t };
  }
  return null;
}

/**
 * A value computed from literals only: every name in it is a called function or its qualifier (`unhexlify("..")`,
 * `Fips.hmac_sha1(20 * b"\x0b", b"..")`), nothing else is read. An f-string's interpolation reads a value.
 */
function fromLiteralsOnly(t: string): boolean {
  if (/\bf["']|\$\{/.test(t)) return false;
  const bare = t.replace(/(?<![\w$])(?:[rbuRBU]{1,2})?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g, " ").replace(/\b\d[\w.]*\b/g, " ");
  if (bare === t) return false;
  const names = [...bare.matchAll(/[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*(\s*\()?/g)];
  // A called function by its bare name or through a class or module spelled as one (`Fips.hmac_sha1`); a method of a
  // value (`r.URL.Query().Get("token")`) reads that value, and the environment (`os.Getenv`) is no literal.
  return names.length > 0 && names.every((m) => !!m[1] && (!m[0].includes(".") || /^[A-Z]/.test(m[0])) && !/env|environ|input|read|open|request/i.test(m[0]));
}

/**
 * A comparison built as a query's predicate: Python's `select(Booking).where(Booking.checkin_code == code)`,
 * `session.query(User).filter(User.token == token)`, `and_(..)`/`or_(..)` around them; Rust's diesel
 * `.filter(col.eq(token))` and `.set((col.eq(hash),))`. One side is a mapped column (`Model.field`, `table::column`), the
 * call hands the expression to the database, which looks the value up by index: nothing is compared byte by byte here.
 */
function queryPredicate(node: SgNode, language: RuleLanguage): boolean {
  if (language !== "python" && language !== "rust") return false;
  let p = node.parent();
  for (let i = 0; i < 3 && p && /^(tuple|tuple_expression|parenthesized_expression|boolean_operator|binary_expression)$/.test(String(p.kind())); i++) p = p.parent();
  if (!p || !/^(argument_list|arguments)$/.test(String(p.kind()))) return false;
  const owner = p.parent();
  const callee = ((owner ? (owner.field("function" as never) as SgNode | null) : null)?.text() ?? "").replace(/^[\s\S]*(\.|::)/, "");
  const calls = language === "python" ? /^(where|filter|filter_by|having|and_|or_|not_|outerjoin|join)$/ : /^(filter|or_filter|and_filter|set|find|having|on|inner_join|left_join)$/;
  if (!calls.test(callee)) return false;
  const column = language === "python" ? /^[A-Z]\w*\.\w+$/ : /^(\w+::)+\w+$/;
  const text = node.text();
  const sides = /\.(eq|ne)\(/.test(text) && language === "rust" ? [text.replace(/\.(eq|ne)\([\s\S]*$/, "")] : text.split(/\s*(?:==|!=)\s*/);
  return sides.some((t) => column.test(t.trim()));
}

/**
 * An operand named again in the branch the compare opens, inside a string-building call or concatenation. A call's
 * arguments may run over lines (`format!(\n "expected {:?}, found {:?}",\n expected, actual)`): a format call is read
 * to its end, a concatenation on its line. What counts is showing the side the function holds: both sides shown (a
 * D-Bus type mismatch), or the one that is neither a parameter nor read from the request (ergo's confirmation code).
 * Echoing what the caller sent (`fmt.Errorf("invalid api token %q", token)`) shows nothing the caller lacks.
 */
function shownOnMismatch(node: SgNode, ops: string[], fn: SgNode | null, source: RegExp): boolean {
  const branch = /^if_(statement|expression)$/.test(String(node.parent()?.kind())) ? node.parent() : /^if_(statement|expression)$/.test(String(node.parent()?.parent()?.kind())) ? node.parent()!.parent() : null;
  const body = branch ? ((branch.field("consequence" as never) as SgNode | null)?.text() ?? "") : "";
  if (!body) return false;
  const shown = ops.filter((t) => /^[A-Za-z_$][\w$]*$/.test(t) && new RegExp(`(?:Sprintf|Errorf|format!?)\\s*\\((?:[^()]|\\([^()]*\\))*?(?<![\\w$.])${t}(?![\\w$])|(?:f["']|\\+)\\s*[^\\n]*(?<![\\w$.])${t}(?![\\w$])|\\{${t}(?::[^}]*)?\\}|\\$\\{${t}\\}`).test(body));
  if (shown.length === ops.length) return true;
  const params = fn ? ((fn.field("parameters" as never) as SgNode | null)?.text() ?? "") : "";
  const presented = (t: string) => new RegExp(`(?<![\\w$.])${t}(?![\\w$])`).test(params) || source.test(assignedFrom(fn, t) ?? "");
  return shown.length > 0 && shown.every((t) => !presented(t));
}

/** A key's identifier by its name: `keyId`, `key_id`, `X-Key-Id`, `callbackKID`, `kid`. */
const KEY_ID = /[kK]ey[-_]?[iI][dD]\b|KEY_?ID\b|[a-z]KID\b|(?<![\w$])(kid|KID)(?![\w$])/;
/**
 * An operand that is a key's identifier: a name or field named for one (`a.callbackKID`), or a read keyed by one
 * (`r.Header.Get("X-Registry-Key-Id")`). A call handed one among its arguments (`callbackSignature(secret, keyID, ts)`)
 * computes something else.
 */
function keyIdOperand(t: string): boolean {
  const v = t.trim();
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/.test(v)) return KEY_ID.test(v.replace(/^.*\./, ""));
  const read = /^[\w$.]+\s*\(\s*["'`]([^"'`]+)["'`]\s*\)$/.exec(v) ?? /^[\w$.]+\[\s*["'`]([^"'`]+)["'`]\s*\]$/.exec(v);
  return !!read && KEY_ID.test(read[1]!);
}

/**
 * A value a built-in type answers for itself (`bool::get_signature()`, `<Vec<u32>>::get_signature()`,
 * `u64::type_name()`): a D-Bus type code or a type's name, the same on every machine, compared to dispatch on the
 * type it names. No caller's secret is derived from a primitive or collection type with no argument.
 */
const TYPE_ANSWER = /^<?\s*(?:bool|char|str|String|[ui](?:8|16|32|64|128|size)|f32|f64|Vec<[^()]*>|Option<[^()]*>|HashMap<[^()]*>|BTreeMap<[^()]*>|\[[^()]*\])\s*>?::\w+\(\s*\)$/;

export function credentialCompare({ node, params, rule, file, defer }: CheckContext): Hit[] {
  // `bytes.Equal(mac, sig)` and other calls the rule matched by their arguments are reported as matched.
  const call = /call/.test(String(node.kind())) ? callOperands(node, new RegExp(param(params, "callArgs", "(?!)"), "i")) : null;
  if (queryPredicate(node, rule.language)) return [];
  if (call === "credential" && ((node.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).some((a) => SCHEME_OPERAND.test(a.text().trim()))) return [];
  if (call === "credential") return [{ region: regionOf(node) }];
  if (/call/.test(String(node.kind())) && !call) return [];
  // A method-spelled equality handed to another call as a value (`filter(col.eq(token))`: a query DSL's
  // predicate, built for the database to evaluate) compares nothing here.
  if (Array.isArray(call) && /arguments/.test(String(node.parent()?.kind())) && /field_expression|member_expression/.test(String((node.field("function" as never) as SgNode | null)?.kind()))) return [];
  const credential = new RegExp(param(params, "credential", "(?!)"), "i");
  const headerRead = new RegExp(param(params, "headerRead", "(?!)"), "i");
  const bare = new RegExp(param(params, "bare", "(?!)"), "i");
  const authFunction = new RegExp(param(params, "authFunction", "(?!)"), "i");
  const source = new RegExp(param(params, "source", "(?!)"));
  const sourceKey = new RegExp(param(params, "sourceKey", "(?!)"), "i");
  const placeholder = new RegExp(param(params, "placeholder", "(?!)"), "i");
  // A byte or string view of a value (`Buffer.from(token)`, `token.as_bytes()`) is judged as the value it shows.
  const ops = (call ?? operands(node)).map((o) => viewedValue(o.text()));
  if (ops.length !== 2) return [];
  // A Python script's top level (a Streamlit page runs top to bottom on every interaction) is its own scope.
  const fn = ancestor(node, FUNCTION_KINDS) ?? (rule.language === "python" ? node.getRoot().root() : null);
  // A value the function itself shows the caller when the compare fails (ergo's `if expectedCode != verificationCode {
  // notice("To confirm, run: /CS UNREGISTER " + expectedCode) }`) is a confirmation prompt's code, no secret.
  if (shownOnMismatch(node, ops, fn, source)) return [];
  // A comparison in browser code runs on the user's own machine: no timing oracle for a server's secret.
  if (rule.language === "typescript" && browserCode(file.path, file.content)) return [];
  // Go compares errors by identity with their sentinels (`err == pgx.ErrNoRows`, `err != io.EOF`): an error value
  // is no secret, whatever the query that produced it read.
  if (rule.language === "go" && ops.some((o) => GO_ERROR_VALUE.test(o))) return [];
  // Go: an imported package's exported name is a declaration (`core.FieldNamePassword`). One named for a
  // credential (`config.AdminToken`) may be a `var` loaded at start-up: whether the package declares it
  // `const` is asked of every walked file at the scan's end (declared-constants.ts).
  const constant = rule.language === "go" ? packageConstantCandidate(ops, node, credential)
    : rule.language === "python" || rule.language === "typescript" ? importedConstant(ops, file.content) : null;
  const report = (): Hit[] => {
    if (!constant) return [{ region: regionOf(node) }];
    const { pkg, name } = constant;
    defer({ candidate: { name, ...(pkg ? { owner: pkg } : {}), file: file.path, line: node.range().start.line, referenceIgnores: [], language: rule.language as "go" }, hit: { region: regionOf(node) }, keep: "unless-declared-constant" });
    return [];
  };
  if (ops.some((t) => constantOrPredicate(t) || enumVariant(t) || discriminant(t) || handleIdentity(t) || (rule.language === "go" && (goEnumConstant(t, node) || (importedPackageName(t, node) && !credential.test(t))))) || confirmation(ops) || ops.some((t) => publicConstant(t, node, placeholder)) || fieldsOfOneObject(ops)) return [];
  if (rule.language === "rust" && ops.some((t) => TYPE_ANSWER.test(t) || TYPE_ANSWER.test(madeFrom(fn, t) ?? ""))) return [];
  // Both sides computed from literals alone (a FIPS known-answer self-test: `Fips.hmac_sha1(20 * b"\x0b", b"Hi There")
  // != unhexlify("b617..")`): the published test vector and its digest, the same on every machine, no caller's input.
  if (ops.every(fromLiteralsOnly)) return [];
  // A key's identifier (`r.Header.Get("X-Registry-Key-Id") != a.callbackKID`, a JWT's `kid`) names which key to use; it
  // is sent in the clear beside the signature, and the signature is the secret compared elsewhere.
  if (ops.some(keyIdOperand)) return [];
  // ... and a mutable borrow of a local (`result != &mut passwd`): the identity of a buffer a system call filled.
  if (rule.language === "rust" && !call && operands(node).some((o) => /^&mut\s+[a-z_]\w*$/.test(o.text().trim()))) return [];
  // Two names the same function also subtracts (`if (aOrder !== bOrder) return aOrder - bOrder`, a sort's comparator):
  // numbers, whatever word their source carries.
  if (ops.every((t) => /^[A-Za-z_$][\w$]*$/.test(t)) && fn && new RegExp(String.raw`(?<![\w$.])${escapeRegExp(ops[0]!)}\s*-\s*${escapeRegExp(ops[1]!)}(?![\w$])|(?<![\w$.])${escapeRegExp(ops[1]!)}\s*-\s*${escapeRegExp(ops[0]!)}(?![\w$])`).test(fn.text())) return [];
  // Two sides of one object are public only when that object is no request: a request carries the server's
  // session beside the client's body (`req.body._csrf == req.session.csrfToken`).
  if (ops.some((t) => booleanValue(t, assignedFrom(fn, t)))) return [];
  // An authorization scheme or a prefix (`strings.EqualFold(h[:len(BearerPrefix)], BearerPrefix)`): the word before the
  // credential, the same for every caller.
  if (ops.some((t) => SCHEME_OPERAND.test(t.trim()))) return [];
  // Go: a builder of a client's settings (`getRedisClientOptions`) checking that two settings it was handed agree (a
  // password in the URL and a separate one): it runs at start-up on the operator's configuration, and no caller's
  // request reaches it.
  if (rule.language === "go" && fn && constructorOfSettings(fn)) return [];
  // A cache's own key (`cached.cacheKey !== cacheKey`, made from the config it caches a client for): which entry to
  // reuse, compared with the key the server computed itself.
  if (ops.every((t) => /(^|[._])cache_?key$/i.test(t.trim()))) return [];
  // The key of an object being enumerated (`for (const prop in obj) { if (prop === secret) continue }`): a property's
  // name, and the other side the marker property it skips.
  if (rule.language === "typescript" && ops.some((t) => enumeratedKey(node, t))) return [];
  const fromRequest = ops.some((t) => source.test(t) || source.test(assignedFrom(fn, t) ?? ""));
  if (recordFetchedBy(fn, ops) || (sameOrigin(fn, ops) && !fromRequest) || fieldValidator(fn, ops) || builtOnlyForTests(node)) return [];
  // Two content digests by name (`imageMeta.Digest.String() == lookupDigest`, `di.Digest == manifest.Digest`): the
  // addresses of content (an OCI manifest, a blob, a cache entry), compared to find or check it. A side computed
  // with a key, or one a secret's word names (`token_digest`, `mac_digest`), stays a credential compare.
  // What each operand is made from in the function (`want := hex.EncodeToString(m.Sum(nil))`), asked once.
  const flows = ops.map((t) => madeFrom(fn, t));
  // ... unless the helper computing it is keyed in its body (`compute_digest(request.body)` HMACing with the webhook secret).
  if (ops.some((t, i) => (bodyDigest(t) && !keyedHelper(t, node, rule.language)) || (bodyDigest(flows[i] ?? null) && !keyedHelper(flows[i]!, node, rule.language)))) return [];
  // One side chosen from the other as an alternative (`password = fromQuery || fromCookie`, then `password !==
  // fromCookie`): the code asks which source supplied the value it holds, not whether a caller knows a secret.
  if (ops.every((t) => /^[A-Za-z_$][\w$]*$/.test(t.trim())) && ops.some((t, i) => {
    const other = escapeRegExp(ops[1 - i]!.trim());
    return new RegExp(`(^|(\\|\\||\\?\\?|\\bor)\\s*)${other}\\s*((\\|\\||\\?\\?|\\bor\\b)|$)`).test((flows[i] ?? "").trim()) && /(\|\||\?\?|\bor\b)/.test(flows[i] ?? "");
  })) return [];
  // `want := hex.EncodeToString(m.Sum(nil))` with `m := hmac.New(...)`: the key is one hop further.
  // Only a finishing call on the keyed object computes the MAC (`m.Sum(nil)`, `mac.finalize()`); a signer's
  // `unsign`/`verify`/`loads` checks a signature and hands back a payload.
  const finishesKeyed = (rhs: string) => [...new Set([...rhs.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*\.\s*(Sum|sum|digest|hexdigest|finalize|finish|sign|result)\s*\(/g)].map((m) => m[1]!))].slice(0, 4).some((id) => origins(fn, id).some(keyed));
  // A pagination token (`page_token`, `continuationToken`) is a cursor the server hands out in the clear.
  const secretWord = (t: string) => words(t).some((w, i, ws) => /^(password|passwd|secret|token|key|otp|mac|hmac|auth|pin|session|csrf)$/.test(w) && !(w === "token" && /^(page|continuation|cursor)$/.test(ws[i - 1] ?? "")));
  // A side is a digest by its name or by what the function made it from (`canonical = bw.digester.Digest()`).
  if (!fromRequest && ops.every((t, i) => namesDigest(t) || namesDigest(flows[i] ?? "")) && !ops.some((t, i) => keyedCall(t) || secretWord(t) || keyed(flows[i] ?? "") || finishesKeyed(t) || finishesKeyed(flows[i] ?? "") || secretWord(flows[i] ?? "") || source.test(flows[i] ?? ""))) return [];
  // An unkeyed digest is public whatever its name: compared with another digest it is an integrity check;
  // only a secret on the other side (a password hash, a token) makes it a credential compare.
  const digestSide = ops.findIndex(unkeyedDigest);
  if (digestSide >= 0 && !words(ops[1 - digestSide]!).some((w) => /^(password|passwd|secret|token|key|otp|signature|mac|hmac|auth|pin)$/.test(w))) return [];
  // A credential by name, a header/cookie named for one, or a request/env/config read keyed by one
  // (`r.URL.Query().Get("token")`, `process.env.ADMIN_TOKEN`).
  if (ops.some((t) => !unkeyedDigest(t) && (credential.test(t) || headerRead.test(t) || (source.test(t) && sourceKey.test(readKey(t)))))) return report();
  // Data flow in the function: an operand assigned from a credential-named request/env/config read, from a
  // header or cookie named for a credential, or from a computation with a key (an HMAC, a signature).
  const headerFlow = new RegExp(headerRead.source.replace(/\$$/, ""), "i");
  const keyedFlow = (rhs: string) => keyed(rhs) || finishesKeyed(rhs);
  if (flows.some((rhs) => rhs !== null && ((source.test(rhs) && (sourceKey.test(readKey(rhs)) || credential.test(rhs))) || headerFlow.test(rhs) || keyedFlow(rhs) || passwordHash(rhs) || schemeStripped(rhs, sourceKey)))) return report();
  // ... or from an input the user types as a password (`approval = st.text_input("Approval code", type="password")`,
  // `click.prompt(.., hide_input=True)`): the form itself says the value is a secret.
  if (ops.some((t) => PASSWORD_INPUT.test(boundCall(fn, t) ?? ""))) return report();
  // ... or from any store read under a credential's name (a chatbot's `tracker.get_slot("otp_expected")`, a session's
  // `session.get("reset_code")`): what was kept under that name is the secret the caller must present.
  if (flows.some((rhs) => rhs !== null && STORE_READ.test(rhs) && STORED_SECRET_KEY.test(readKey(rhs)) && !NAMES_ABOUT_SECRET.test(readKey(rhs)))) return report();
  // The operand itself is a password hash or a presented credential, or is built from a local computed
  // with a key (`sigHeader == "sha256=" + expected` with `expected` an HMAC).
  // ... or finishes a keyed object in place (`hex::encode(mac.finalize().into_bytes()) != sig_hex`, `mac` made with a key).
  if (ops.some((t) => passwordHash(t) || schemeStripped(t, sourceKey) || keyedCall(t) || keyedHelper(t, node, rule.language) || (finishesKeyed(t) && plainOutput(t) && !ops.some((o) => /\bCtOutput\b/.test(o)))) || presentedDigest(ops)) return report();
  if (ops.some((t) => !/^[\w$]+$/.test(t) && localsIn(t).some((id) => { const rhs = assignedFrom(fn, id); return rhs !== null && keyedFlow(rhs); }))) return report();
  // ... or a local bound from one (`if let Some(expected) = &self.token {`, then `presented != expected`).
  const bareFlow = (f: string | null) => f !== null && bare.test(f.replace(/^[&*\s]+/, "").replace(/\.(as_deref|as_ref|clone|as_str|as_bytes)\(\)$/, ""));
  if (!ops.some((t) => bare.test(t)) && !flows.some(bareFlow)) return [];
  // A bare `token`/`key`/`sig` is a credential where the code authenticates: an auth-named function, a
  // guard-shaped middleware, or a comparison against a value read from a request, the environment or config.
  if (enclosingNames(node).some((n) => authFunction.test(n))) return report();
  if (fn && isMiddlewareShaped(fn, rule.language as RuleLanguage)) return report();
  if (ops.some((t) => bare.test(t) && requestBound(fn, t))) return report();
  if (ops.some((t) => source.test(t)) || flows.some((rhs) => rhs !== null && source.test(rhs))) return report();
  return [];
}
