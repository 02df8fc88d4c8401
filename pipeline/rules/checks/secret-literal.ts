// hardcoded-secret: the literal assigned to a secret-looking name must look like a real credential.
import type { SgNode } from "@ast-grep/napi";
import { charClasses, shannonEntropy } from "./entropy";
import { type Hit, param, regionOf } from "./hit";
import { sampleOfPattern } from "./pattern-sample";

/** The characters inside a string literal node, without quotes, prefixes or raw markers. */
export function literalContent(text: string): string {
  const m = /^[a-zA-Z]*(#*)(["'`]{1,3})([\s\S]*?)\2\1$/.exec(text);
  return m ? m[3]! : text;
}

/**
 * A name-shaped string (`lower_snake`, `UPPER_SNAKE`) that carries a random run is a credential with a
 * readable prefix (`whsec_…`, `bnk_…`), not a name: some segment is 16+ characters mixing letters and
 * digits with high entropy (hex or base36 output). A name's words are never that long and that mixed.
 */
export function randomRun(s: string): boolean {
  // A UUID is 122 random bits in a name-like dress (`b7e3c1d2-94af-4c1e-8d3a-5f27e60c9b14`): Postmark and Heroku tokens are UUIDs.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s)) return true;
  return s.split(/[_.-]/).some((seg) => seg.length >= 16 && /[a-z]/i.test(seg) && /\d/.test(seg) && (seg.match(/\d/g) ?? []).length >= 4 && shannonEntropy(seg) >= 3.3);
}

/** A struct tag: `key:"value"` pairs separated by spaces (Go's reflect.StructTag convention). */
const STRUCT_TAG = /^\s*([\w-]+:"[^"]*"\s*)+$/;

/**
 * The value a struct tag gives a field when nothing else does (`env:"S3_SECRET" default:"…"`: kong,
 * envconfig, cleanenv's `env-default`): the literal the program runs with, so the one judged. A tag
 * with no default holds no credential. Anything else is judged whole.
 */
export function tagDefault(s: string): string | null {
  if (!STRUCT_TAG.test(s)) return s;
  return /(?:^|\s)[\w-]*default:"([^"]*)"/.exec(s)?.[1] ?? null;
}

/**
 * A literal three or more data literals deep (an object in an array in an object: `examples: [{ payload: {
 * token: "…" } }]`) is a record of sample data (a documented webhook payload, a fixture table), not a
 * setting the program runs with: configuration sits at the top of a literal or one level down. A literal handed
 * straight to a call (`accessKeyId: env("AWS_ACCESS_KEY_ID", "AKIA…")`) is what the call runs with, however deep
 * the call sits in a configuration object.
 */
const DATA_LITERAL = /^(object|array|dictionary|list|literal_value|struct_expression|array_expression|tuple_expression|macro_invocation)$/;
function deepInData(value: SgNode): boolean {
  if (/^(arguments|argument_list)$/.test(String(value.parent()?.kind()))) return false;
  let depth = 0;
  for (let n = value.parent(); n && depth < 3; n = n.parent()) {
    if (/function|method|closure|lambda|arrow/.test(String(n.kind()))) break;
    if (DATA_LITERAL.test(String(n.kind()))) depth++;
  }
  return depth >= 3;
}

/**
 * Keys public by design: a publishable key (`pk_live_…`, Stripe and others) and a PostHog project key (`phc_…`)
 * are embedded in web pages to identify the account; they authorize nothing secret. Under a key's name only the
 * PostHog prefix is taken as public: `pk_` also opens some vendors' private keys.
 */
const PUBLIC_BY_DESIGN = /^(pk|phc)([_-]|$)/;
const PUBLIC_UNDER_KEY_NAME = /^phc_/;
/** A password hash in its standard format (bcrypt `$2b$10$…`, `$argon2id$…`, crypt's `$6$…`): what a program should store. */
const PASSWORD_HASH = /^\$(2[abxy]?|argon2(id|i|d)|[56]|pbkdf2[-\w]*|scrypt)\$/;
/**
 * A regular expression, not a credential (`REGEX_PASSWORD = r"^[a-zA-Z0-9]{12,}$"`, a list of key names
 * `password|passwd|secret|token` a redactor matches): a bracketed range, a class escape, a counted repeat or three
 * alternatives of words. Two of those signals, or the word list: one bracketed range or backslash may be a generated
 * password's punctuation (`h7[Kq-2]vX!p9Lm#4`).
 */
const REGEX_SIGNALS = [/\[[^\]]*\w-\w[^\]]*\]/, /\\[dwsDWS]/, /[\])]\{\d+(,\d*)?\}/, /\(\?[:=!<]/, /^\^.*\$$/];
/** Three or more alternatives of lower-case words (`password|passwd|secret`): a key-name list, never a generated value. */
const WORD_ALTERNATION = /^[a-z_]+(?:\[[^\]]*\]\??)?[a-z_]*(\|[a-z_]+(?:\[[^\]]*\]\??)?[a-z_]*){2,}$/;
const regexSource = (s: string) => WORD_ALTERNATION.test(s) || REGEX_SIGNALS.filter((r) => r.test(s)).length >= 2;

/**
 * Identifiers joined by `.` or `+` (`appManager.array.apps.0.secret`, `cookbook.forms.CustomPasswordResetForm`,
 * the grant type `authorization_code+secret`): a setting, a class or a mode named by where it lives, not a credential.
 * Each segment reads as words (camelCase, PascalCase, snake_case, an index), which a generated token's segments do not.
 */
const WORDY = /^(?:[a-z]+(?:[A-Z][a-z]+)*|[A-Z][a-z]+(?:[A-Z][a-z]+)*|[a-z]+(?:_[a-z]+)*|[A-Z]+(?:_[A-Z]+)*|\d{1,3})$/;
const identifierPath = (s: string): boolean => {
  const parts = s.split(/[.+]/);
  if (parts.length < 2 || !parts.every((p) => WORDY.test(p)) || !/^[a-z]/.test(parts[0]!)) return false;
  // ... and shaped as a path, not as words a person chose (`Welcome.Home.123`, `myCompany.jwtSecret.key`): it ends in
  // a class (`forms.CustomPasswordResetForm`), indexes into a list (`apps.0.secret`), runs four or more deep, or joins
  // snake_case modes with `+`.
  return /^[A-Z][a-z]/.test(parts.at(-1)!) || parts.slice(1, -1).some((p) => /^\d+$/.test(p)) || parts.length >= 4 || (s.includes("+") && parts.some((p) => p.includes("_")));
};

/**
 * A fragment another value is joined to: lower-case words with a separator at an end (caprover's `DOWNLOAD_TOKEN =
 * '-download-token'`, a key suffix; `cookie-`): a credential is a whole value and does not start or end with a joint.
 */
const JOINT_FRAGMENT = /^(?:[-_.:/][a-z]+(?:[-_][a-z]+)*[-_.:/]?|[a-z]+(?:[-_][a-z]+)*[-_.:/])$/;

export function secretLiteral(value: SgNode | null, check: Record<string, unknown>): Hit[] {
  if (!value || deepInData(value)) return [];
  const content = tagDefault(literalContent(value.text()));
  if (content === null) return [];
  // An Authorization header value carries its scheme: judge the credential after it.
  const s = content.replace(/^(Bearer|Basic|Token)\s+/i, "");
  const minLength = param(check, "minLength", 10);
  const minEntropy = param(check, "minEntropy", 3.0);
  const minClasses = param(check, "minClasses", 2);
  const placeholder = new RegExp(param(check, "placeholder", "(?!)"), "i");
  const shape = new RegExp(param(check, "notSecretShape", "(?!)"));
  // Whitespace or a character outside printable ASCII (`Contraseña`, `パスワード`) is prose, a translated label:
  // generated credentials are printable ASCII (base64, hex, alphanumerics and punctuation).
  if (s.length < minLength || /\s|[^\x20-\x7e]/.test(s)) return [];
  if (placeholder.test(s) || (shape.test(s) && !randomRun(s)) || PUBLIC_UNDER_KEY_NAME.test(s) || PASSWORD_HASH.test(s) || regexSource(s) || identifierPath(s) || JOINT_FRAGMENT.test(s)) return [];
  if (shannonEntropy(s) < minEntropy || charClasses(s) < minClasses) return [];
  return [{ region: regionOf(value) }];
}

/**
 * A vendor-prefixed live credential, whatever name holds it: a lowercase vendor prefix (`sk_live_`,
 * `rk_prod_`, `ghp_`, `glpat-`, `sk-proj-`, `lin_api_`) then a long random tail mixing upper case, lower
 * case and digits (or several such runs joined by `-`/`_`, judged together); or a fixed vendor shape (Google `AIza…`, SendGrid `SG.….…`). Publishable keys (`pk_`)
 * are public by design and placeholders are not credentials.
 */
const VENDOR = /^([a-z][a-z0-9]{1,9}(?:[_-][a-z0-9]{2,10}){0,2})[_-]([A-Za-z0-9]{16,}(?:[_-][A-Za-z0-9]{8,}){0,3})$/;
// ... and a Telegram bot token (the bot's numeric id, a colon, 35 characters starting AA: `7391846205:AAG…`).
const FIXED_SHAPES = [/^AIza[0-9A-Za-z_-]{35}$/, /^SG\.[\w-]{16,}\.[\w-]{16,}$/, /^(sk|rk)_(live|test)_[0-9A-Za-z]{10,}$/, /^A[KS]IA[0-9A-Z]{16}$/, /^\d{8,10}:AA[0-9A-Za-z_-]{33}$/];

/**
 * A connection URL carrying its password (`redis://default:<pw>@host:6379`, `postgres://app:<pw>@db/x`):
 * the password is a credential whatever name holds the URL. Only a generated-looking one counts (8+
 * characters mixing upper case, lower case and digits), so `user:password@localhost` in docs does not. Go's
 * MySQL driver spells the same URL without a scheme: `app:<pw>@tcp(10.0.0.5:3306)/db`.
 */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s:]{8,})@[^\s@]+$/;
const MYSQL_DSN_PASSWORD = /^[\w.-]+:([^@/\s]{8,})@(?:tcp|unix)\([^)\s]*\)\/[^\s@]*$/;

function urlPassword(s: string): boolean {
  const pw = URL_PASSWORD.exec(s)?.[1] ?? MYSQL_DSN_PASSWORD.exec(s)?.[1];
  return !!pw && /[a-z]/.test(pw) && /[A-Z]/.test(pw) && /[0-9]/.test(pw) && shannonEntropy(pw) >= 3.0;
}

/**
 * The name a literal is bound to: a key, a field, a variable or an assignment's target (quotes dropped). An element
 * of a TypeScript, Python or Rust list is bound to the list's name, and a Go right-hand side (an expression list) to
 * its declaration's (`customerID := "cus_…"`). Go composite literals are not followed.
 */
function holderName(value: SgNode): string {
  let p = value.parent();
  if (p && /^(array|list|tuple|array_expression|expression_list)$/.test(String(p.kind()))) p = p.parent();
  if (!p) return "";
  for (const f of ["key", "name", "left"]) {
    const n = p.field(f as never) as SgNode | null;
    if (n && n.range().start.index !== value.range().start.index) return literalContent(n.text()).replace(/^.*[.:]/, "");
  }
  return "";
}

/**
 * A literal bound to an identifier's name (`id`, `userId`, `team_id`, `ID`) names a record: `cus_…`, `lead_…`,
 * `sess_…` ids share the prefix-and-random-tail shape. A key's id (`accessKeyId`, `aws_access_key_id`) is half
 * of a credential pair, and a fixed vendor shape (`AKIA…`) is judged before this.
 */
function recordId(value: SgNode): boolean {
  const name = holderName(value);
  return /(^|[_-])ids?$|[a-z0-9]Ids?$|IDS?$/.test(name) && !/key|secret|token|auth|cred/i.test(name);
}

/** The vendor-shaped literals of a file, by their random tails (separators dropped); cached for the file being scanned. */
let tailsCache: { text: string; tails: Set<string> } | null = null;
function vendorTails(text: string): Set<string> {
  if (tailsCache?.text === text) return tailsCache.tails;
  const tails = new Set<string>();
  for (const m of text.matchAll(/["'`]([a-z][a-z0-9]{1,9}(?:[_-][a-z0-9]{2,10}){0,2}[_-][A-Za-z0-9]{16,}(?:[_-][A-Za-z0-9]{8,}){0,3})["'`]/g)) {
    const v = VENDOR.exec(m[1]!);
    if (v) tails.add(v[2]!.replace(/[_-]/g, ""));
  }
  tailsCache = { text, tails };
  return tails;
}

/**
 * Secrets are unique: two random tails of 16+ characters share no run of 8. When another vendor-shaped literal of
 * the file has a different tail that shares such a run with this one, both come from one structured namespace (a
 * Stripe account's object ids all carry the account's tag: `price_1LodNLAlJJEpqkPVQSrt33Lc`,
 * `price_1OTcQBAlJJEpqkPViGtGEsbb`): identifiers, not credentials. A test and a live key with the same tail are
 * the same secret twice and stay reported.
 */
function sharesStructure(tail: string, fileText: string): boolean {
  const grams = new Set<string>();
  for (let i = 0; i + 8 <= tail.length; i++) grams.add(tail.slice(i, i + 8));
  for (const other of vendorTails(fileText)) {
    if (other === tail) continue;
    for (let i = 0; i + 8 <= other.length; i++) if (grams.has(other.slice(i, i + 8))) return true;
  }
  return false;
}

export function vendorToken(value: SgNode | null, check: Record<string, unknown>): Hit[] {
  if (!value || deepInData(value)) return [];
  // A struct tag is judged by the default it gives its field (`env:"URL" default:"tcp://:pw@host"`).
  const s = tagDefault(literalContent(value.text()));
  if (s === null) return [];
  const placeholder = new RegExp(param(check, "placeholder", "(?!)"), "i");
  if (placeholder.test(s)) return [];
  const r = value.range();
  if (sampleOfPattern(value.getRoot().root().text(), r.start.index, r.end.index)) return [];
  if (urlPassword(s)) return [{ region: regionOf(value), message: "password embedded in a connection URL in source" }];
  if (FIXED_SHAPES.some((re) => re.test(s))) return [{ region: regionOf(value) }];
  const m = VENDOR.exec(s);
  if (!m || PUBLIC_BY_DESIGN.test(m[1]!) || recordId(value)) return [];
  // A tail may be several random runs joined by a separator (`xkeysib-<64 hex>-<16 mixed>`): judged joined.
  const tail = m[2]!.replace(/[_-]/g, "");
  // A prefix saying the key is live (`…_live_`, `…_prod_`) vouches for a hex tail too (`jnt_live_<32 hex>`).
  const liveHex = /(^|[_-])(live|prod)$/.test(m[1]!) && /^[0-9a-f]{24,}$/.test(tail) && /[a-f]/.test(tail) && /[0-9]/.test(tail);
  if (!liveHex && (!/[a-z]/.test(tail) || !/[A-Z]/.test(tail) || !/[0-9]/.test(tail))) return [];
  if (shannonEntropy(tail) < param(check, "minEntropy", 3.5)) return [];
  if (sharesStructure(tail, value.getRoot().root().text())) return [];
  return [{ region: regionOf(value) }];
}
