// A function handed to someone else as a value (a callback, a handler, a hook) has its signature imposed.
import { isTestPath } from "../place";
import { escapeRegExp } from "../syntax";
import { GO_HANDLER_SIGNATURE } from "./guard-shape";
import type { Candidate } from "./unreferenced";
import { occurrences, type Occurrence } from "./references";
import { familySignature } from "./family-signature";

/** A TypeScript call with type arguments, nested ones too (`adminGraphql<{ nodes: Array<Node> }>(`): balanced `<..>` then `(`. */
function typeArgumentsThenCall(after: string): boolean {
  const m = /^\s*</.exec(after);
  if (!m) return false;
  let depth = 0;
  for (let i = m[0].length - 1; i < Math.min(after.length, 2000); i++) {
    const c = after[i]!;
    if (c === "<") depth++;
    else if (c === ">" && after[i - 1] !== "=") { depth--; if (depth === 0) return /^\s*\(/.test(after.slice(i + 1)); }
  }
  return false;
}

/** A definition, an import or a call (including JSX `<Name` and Rust `name!(`/`name::<T>(`) is not passing the value. */
function passesValue(o: Occurrence, member = false): boolean {
  if (o.inImport) return false;
  // A method is handed over qualified (`this.onData`, `obj.handle`, `Type::method`); a bare name is another binding.
  if (member && !/(\.|::)\s*$/.test(o.before)) return false;
  if (/^\s*(!\s*)?(::\s*<[^>]*>\s*)?\(/.test(o.after) || typeArgumentsThenCall(o.after)) return false;
  // A path segment (`upload::upload(...)`, `crate::upload::run`) names the module or type, not the
  // function value; `mod upload;` declares the module.
  if (/^\s*::\s*[A-Za-z_]/.test(o.after) || /\b(pub(\([^)]*\))?\s+)?mod\s+$/.test(o.before)) return false;
  // Invoking the function object (`task.delay(id, timeout=5)`, `fn.call(ctx, x)`) passes the caller's own
  // arguments; only `.bind(...)` makes a callback of it.
  if (/^\s*\.\s*(?!bind\b)[A-Za-z_]\w*/.test(o.after)) return false;
  if (/<\/?\s*$/.test(o.before)) return false;
  if (/["'`]$/.test(o.before) && /^["'`]/.test(o.after)) return false;
  // Inside a string, only a dotted path naming the function (`"tasks.upload"`, `"app.views:upload"`)
  // refers to it; a word of a message (`bail!("upload of {} failed")`) or of a URL (`r"/queues/purge"`) does not.
  for (const q of o.lang === "rust" ? ['"'] : ['"', "'"]) {
    if ((o.before.split(q).length - 1) % 2 === 1 && !(new RegExp(`${q}[\\w.:]*$`).test(o.before) && new RegExp(`^[\\w.:]*${q}`).test(o.after))) return false;
  }
  if (/\b(function\*?|def|fn|func|class|interface|type|struct|enum|trait|impl)\s+(\([^)]*\)\s*)?$/.test(o.before)) return false;
  if (/^\s*(import\b|from\s+\S+\s+import\b|use\s)|\brequire\s*\(/.test(o.before)) return false;
  if (/^\s*(const|let|var)\s+(\{[^}]*)?$/.test(o.before) && /^\s*[,}]?.*=\s*require\(|^\s*=/.test(o.after)) return false;
  return true;
}

/**
 * Python: the call that takes the function also binds the unread parameter by name for it, or lists its arguments
 * (`scheduler.add_job(purge, kwargs={"dry_run": False})`, `functools.partial(purge, dry_run=True)`): the
 * caller chose to pass that argument, so the signature is not imposed on the function; it drops a value
 * its own caller sends.
 */
function bindsParamByName(c: Candidate, o: Occurrence, contentOf: Map<string, string>): boolean {
  if (!c.param || o.lang !== "python") return false;
  const content = contentOf.get(o.file) ?? "";
  const at = content.split("\n").slice(0, o.line).join("\n").length + (o.line ? 1 : 0) + o.before.length;
  let open = -1;
  for (let i = at - 1, depth = 0; i >= 0 && at - i < 400; i--) {
    if (content[i] === ")") depth++;
    else if (content[i] === "(" && depth-- === 0) { open = i; break; }
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = open, depth = 0; i < content.length && i - open < 2000; i++) {
    if (content[i] === "(") depth++;
    else if (content[i] === ")" && --depth === 0) { close = i; break; }
  }
  const call = content.slice(open, close < 0 ? open : close);
  const p = c.param.replace(/\$/g, "\\$");
  if (new RegExp(`\\bkwargs\\s*=\\s*(dict\\s*\\(|\\{)[^)}]*(["']${p}["']\\s*:|\\b${p}\\s*=)`).test(call)) return true;
  // ... or lists what it is handed, position by position (Gradio's `save.click(handlers.upload_dataset, inputs=[upload,
  // name, visibility])`, `Thread(target=f, args=(a, b))`): the repository wired each argument itself.
  const listed = /\b(?:inputs|args)\s*=\s*[(\[]([^)\]]*)[)\]]/.exec(call);
  if (listed) {
    // ... as far as the list reaches: `args=[store, 1]` binds the first two parameters, not a third.
    const def = new RegExp(`\\bdef\\s+${escapeRegExp(c.name)}\\s*\\(([^)]*)\\)`).exec(contentOf.get(c.file) ?? "");
    const params = def ? def[1]!.split(",").map((x) => x.trim().split(/[:=\s]/)[0]!).filter((x) => x && !/^(self|cls|\*.*)$/.test(x)) : [];
    const items = listed[1]!.split(",").map((x) => x.trim()).filter(Boolean);
    const at = params.indexOf(c.param);
    if (at >= 0 && at < items.length) return true;
  }
  return /\bpartial\s*$/.test(content.slice(Math.max(0, open - 40), open)) && new RegExp(`[(,]\\s*${p}\\s*=(?!=)`).test(call);
}

/**
 * Handed over as a callback keyword (`shutil.rmtree(tmp, onerror=del_rw)`, `sorted(xs, key=rank)`), in a test too: the
 * library that takes it calls it with its own parameter list. Not `Thread(target=f, args=(..))`: there the caller chooses
 * the arguments.
 */
const KEYWORD_CALLBACK = /[(,]\s*(onerror|onexc|key|callback|cb|handler|hook|on_\w+)\s*=\s*$/;

const DEFINES = /\b(def|function\*?|fn|func(\s*\([^)]*\))?)\s+$/;

/**
 * Another module defines a function of the same name taking the same parameter (`_compat/v1.py` and
 * `v2.py`, one backend per file): one implementation of a module-level interface whose signature the
 * siblings share, whichever of them reads the parameter. Test doubles are not siblings; nor, in Rust, are
 * methods of two types.
 */
/** A parameter that sets a policy (a window, a timeout, a bound): one implementation honouring it shows it means something. */
export const POLICY_PARAM = /^(window|timeout|deadline|ttl|limit|max\w*|min\w*|retries|threshold|interval|period|expiry|expires)$/i;

function siblingDefinition(c: Candidate, o: Occurrence, contentOf: Map<string, string>): boolean {
  // Go: another type's method of the same name, in this file or another of the package, is a sibling too
  // (a type cannot define a method twice): a hook every field type implements.
  const goMethod = c.language === "go" && !!c.member && o.lang === "go" && /\bfunc\s*\([^)]*\)\s*$/.test(o.before);
  if (!c.param || (o.file === c.file && !goMethod) || isTestPath(o.file) || !DEFINES.test(o.before)) return false;
  // Rust interfaces are nominal: a method of an inherent impl (trait impls are already imposed) implements
  // no contract another type's method of the same name shares (`Upstream::new(.., timeout)` vs `Client::new(timeout)`).
  if (c.language === "rust" && c.member) return false;
  const content = contentOf.get(o.file) ?? "";
  const at = content.split("\n").slice(0, o.line).join("\n").length + o.before.length;
  // Go results follow the parameters (`) error {`, `) (T, error) {`): its signature ends at the body's `{`, the first
  // one once a parameter's `interface{}` or `struct{}` is set aside.
  const text = content.slice(at, at + 1500);
  const signature = o.lang === "go"
    ? /^[^{]*\{/.exec(text.replace(/\b(interface|struct)\s*\{\s*\}/g, (m) => m.replace(/[{}]/g, " ")))?.[0] ?? ""
    : /^[\s\S]*?\)\s*(->[^{:\n]*)?[:{]/.exec(text)?.[0] ?? "";
  const named = new RegExp(`(?<![\\w$])${c.param.replace(/\$/g, "\\$")}(?![\\w$])`);
  if (!named.test(signature)) return false;
  // Go: a sibling that reads what this one drops shows the parameter means something (the Redis limiter honouring
  // `window` beside an in-memory one fixed to a minute): a deviation, not a shared hook. A request or context handle
  // (`ctx`, `r`, `w`) is the framework's, read where needed.
  if (o.lang === "go" && POLICY_PARAM.test(c.param)) {
    const end = content.indexOf("\n}", at + signature.length);
    const body = content.slice(at + signature.length, end < 0 ? at + signature.length + 4000 : end);
    if (named.test(body)) return false;
  }
  return true;
}

/**
 * Go: a method handed over qualified (`v1.GET("/tenants", h.ListTenants)`) is the handler of that name
 * when another type defines one with a router's signature (`func (h *Handler) ListTenants(c echo.Context)`)
 * and the candidate's own signature is not one: a store method sharing the name is not what the router took.
 */
function anotherTypesHandler(c: Candidate, all: Occurrence[], contentOf: Map<string, string>): boolean {
  if (c.language !== "go" || !c.member) return false;
  const own = (contentOf.get(c.file) ?? "").split("\n")[c.line] ?? "";
  if (GO_HANDLER_SIGNATURE.test(own.split("{")[0]!)) return false;
  return all.some((o) => o.file !== c.file || o.line !== c.line ? !isTestPath(o.file) && o.lang === "go" && /\bfunc\s*\([^)]*\)\s*$/.test(o.before) && GO_HANDLER_SIGNATURE.test(o.after.split("{")[0]!) : false);
}

/**
 * Rust: a free function named through a module path (`handlers::list_items`) is that module's function; when
 * the path's last segment is not the candidate's own module (its file's stem, or its directory for `mod.rs`),
 * the value handed over is another function of the same name. `crate::`/`self::`/`super::` and the crate
 * roots (`lib.rs`, `main.rs`, whose module has no name here) are left undecided.
 */
function anotherModulesFunction(c: Candidate, o: Occurrence): boolean {
  if (c.language !== "rust" || c.member || o.lang !== "rust") return false;
  const segment = /(?<![\w:])(?:\w+::)*(\w+)::\s*$/.exec(o.before)?.[1];
  if (!segment || /^(crate|self|super|Self)$/.test(segment)) return false;
  const parts = c.file.replace(/\.rs$/, "").split("/");
  const stem = parts[parts.length - 1]!;
  if (/^(lib|main)$/.test(stem)) return false;
  const own = stem === "mod" ? parts[parts.length - 2] : stem;
  return segment !== own;
}

/** A candidate that holds only while its method is the one non-test definition of its name (`sole`: a Go method judged by the parallel-criteria reading). */
export type SoleCandidate = Candidate & { sole?: boolean };

/**
 * A `sole` candidate holds only when the repository declares the contract itself (an interface method spec
 * of that name in a non-test file: `ListOrders(ctx context.Context, ..) (..)` on a line of its own) and no
 * other non-test definition implements it (`func (f *fake) ListOrders(` in a shipped file, another type's
 * method). Without a local interface the method may satisfy a library's, whose signature is imposed.
 */
function notSoleImplementation(c: SoleCandidate, all: Occurrence[]): boolean {
  if (!c.sole) return false;
  const shipped = all.filter((o) => !(o.file === c.file && o.line === c.line) && !isTestPath(o.file) && o.lang === "go");
  const declared = shipped.some((o) => /^\s*$/.test(o.before) && /^\s*\(/.test(o.after));
  return !declared || shipped.some((o) => /\bfunc\s*\([^)]*\)\s*$/.test(o.before));
}

/**
 * Candidates whose method's class is extended anywhere (tests included: a test subclass shows the class is
 * a base), whose function name occurs, in a non-test file of the same language, somewhere other than
 * its definition, an import or a call: `app.use(requireAuth)`, `http.HandleFunc("/", handler)`,
 * `urlpatterns = [path("x", view)]`, `.route("/", get(handler))`, `RunE: runServe`, `items.map(format)`,
 * or which a sibling module defines again with the same parameter (siblingDefinition).
 */
export function passedAsValue(candidates: SoleCandidate[], files: { path: string; content: string }[]): Set<Candidate> {
  const seen = occurrences(candidates.flatMap((c) => (c.owner ? [c.name, c.owner] : [c.name])), files);
  const sameLang = (c: Candidate, o: Occurrence) => !c.language || !o.lang || o.lang === c.language;
  const contentOf = new Map(files.map((f) => [f.path, f.content]));
  const family = familySignature(candidates, files);
  return new Set(candidates.filter((c) => family.has(c) || notSoleImplementation(c, seen.get(c.name) ?? []) || configHook(c) ||
    (seen.get(c.name) ?? []).some((o) => !(o.file === c.file && o.line === c.line) && (!isTestPath(o.file) || KEYWORD_CALLBACK.test(o.before)) && sameLang(c, o) &&
      ((passesValue(o, c.member) && !anotherModulesFunction(c, o) && !anotherTypesHandler(c, seen.get(c.name) ?? [], contentOf) && !bindsParamByName(c, o, contentOf)) || siblingDefinition(c, o, contentOf))) ||
    (!!c.owner && (seen.get(c.owner) ?? []).some((o) => sameLang(c, o) && (extendsIt(o) || loadedByPath(o))))));
}

/**
 * Candidates whose function another module defines again with the same parameter (siblingDefinition: one backend
 * per file, a migration step per database): a module-level interface, whatever the one implementation's body
 * queries. Asked of a criterion dropped from a query (queried-columns.ts), which no other exemption answers.
 */
export function definedAgain(candidates: Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const seen = occurrences(candidates.map((c) => c.name), files);
  const contentOf = new Map(files.map((f) => [f.path, f.content]));
  return new Set(candidates.filter((c) => (seen.get(c.name) ?? []).some((o) => !(o.file === c.file && o.line === c.line) && (!c.language || !o.lang || o.lang === c.language) && siblingDefinition(c, o, contentOf))));
}

/**
 * The class is named by a dotted import path inside a string of a non-test file (`"NAME":
 * "accounts.validators.DigitsValidator"`, `ROUTERS = ["net.proxy.DefaultRouter"]`): a framework loads it
 * by that path (Django settings, `import_string`) and calls its methods by its own protocol, so their
 * parameter lists are imposed. A bare word in a message (`"DefaultRouter failed"`) names no module.
 */
function loadedByPath(o: Occurrence): boolean {
  return !isTestPath(o.file) && /["'][A-Za-z_][\w]*(\.[A-Za-z_]\w*)*\.$/.test(o.before) && /^["']/.test(o.after);
}

/**
 * A method of an object literal (no class owns it) in a tool's configuration module (`nuxt.config.js`,
 * `vite.config.ts`, `webpack.config.cjs`): the tool loads the file by that conventional name and calls the
 * hooks of the object it exports (`build.extend(config, ctx)`, `configureServer(server)`) with its own
 * parameter list. Free helper functions of such a file are still judged. Gunicorn's configuration module
 * (GUNICORN_CONFIG) is the exception: its module-level functions are the hooks, so every free function there is exempt.
 */
function configHook(c: SoleCandidate): boolean {
  if (c.language === "python") return !c.owner && GUNICORN_CONFIG.test(c.file);
  return c.language === "typescript" && !!c.member && !c.owner && /(^|\/)[\w-]+(\.[\w-]+)*\.config\.[cm]?[jt]sx?$/.test(c.file);
}

/**
 * Gunicorn's configuration module (`gunicorn.conf.py`, `gunicorn_conf.py`, `gunicorn_config.py`), loaded with `-c`:
 * its module-level functions are server hooks (`child_exit(server, worker)`, `on_starting(server)`) gunicorn calls
 * with its own parameter list.
 */
const GUNICORN_CONFIG = /(^|\/)gunicorn[._-]?(conf|config|cfg)\.py$/;

/**
 * `class Secure(SessionInterface)`, `class X extends LogController`, `implements Base`; a Python base list broken
 * over lines names the base at the start of the next one (`class UserFollowingUser(\n    ModelFollowingModel[..]):`).
 */
function extendsIt(o: Occurrence): boolean {
  if (/\bclass\s+\w+\s*\([^)]*$|\bextends\s+([\w$.]+\s*,\s*)*$|\bimplements\s+[^{]*$/.test(o.before)) return true;
  // Python's three-argument `type(name, bases, dict)` makes a class at run time: a class in its bases tuple is extended.
  if (o.lang === "python" && /(?<![\w.])type\(\s*(["'][^"']*["']|[\w.]+)\s*,\s*\(([\w.]+\s*,\s*)*[\w.]*$/.test(o.before)) return true;
  return o.lang === "python" && /^[\s\w.,]*$/.test(o.before) && /\bclass\s+\w+\s*\([^)]*$/.test(o.above);
}

/** Candidates whose `owner` class some class in the walked files extends (tests included). */
export function ownerExtended(candidates: Candidate[], files: { path: string; content: string }[]): Set<Candidate> {
  const owners = candidates.filter((c) => c.owner);
  const seen = occurrences(owners.map((c) => c.owner!), files);
  // `class AdminServicer(pb2_grpc.AdminServicer)`: the class naming a base of its own name extends that base, not itself.
  const ownHeader = (c: Candidate, o: Occurrence) => new RegExp(`\\bclass\\s+${c.owner!.replace(/\$/g, "\\$")}\\b`).test(o.before);
  return new Set(owners.filter((c) => (seen.get(c.owner!) ?? []).some((o) => (!c.language || !o.lang || o.lang === c.language) && extendsIt(o) && !ownHeader(c, o))));
}
