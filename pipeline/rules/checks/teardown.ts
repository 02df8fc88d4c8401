// swallowed-error, release and teardown: a dropped error on an operation whose failure loses nothing the
// program later relies on, judged by what the standard library's call does and how its value was made.
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp, nextStatement } from "../syntax";

const FUNCTION_KINDS = /^(function_item|function_declaration|method_declaration|func_literal|closure_expression|function_definition|method_definition|arrow_function|function_expression)$/;

/** The outermost function around a node: closures see their enclosing function's declarations. */
export function outermostFunction(node: SgNode): SgNode | null {
  let found: SgNode | null = null;
  for (let n = node.parent(); n; n = n.parent()) if (FUNCTION_KINDS.test(String(n.kind()))) found = n;
  return found;
}

/** The value text from `from` to the end of its statement: a `;` (or, in Go, a line end) outside brackets. */
function statementFrom(text: string, from: number, rust: boolean): string {
  let depth = 0;
  for (let i = from; i < text.length && i < from + 2000; i++) {
    const c = text[i]!;
    if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") { if (--depth < 0) return text.slice(from, i); }
    else if (depth === 0 && (c === ";" || (!rust && c === "\n"))) return text.slice(from, i);
  }
  return text.slice(from, from + 2000);
}

/**
 * Every text that gives `id` a value in `scope`: initialisers, assignments (Go's multiple ones too),
 * `Some(id) = ..` unwraps, typed declarations. A value runs to the end of its statement, brackets
 * balanced, so a builder chain or a spawned closure is read whole.
 */
function madeBy(id: string, scope: string, rust = false): string[] {
  const rx = escapeRegExp(id);
  const out: string[] = [];
  const assign = new RegExp(`(?<![\\w.])(?:Some\\(\\s*${rx}\\s*\\)|${rx})[ \\t]*(?::[ \\t]*[^=;\\n]+?)?(?<![=!<>])(?::=|=)(?!=)\\s*`, "g");
  for (const m of scope.matchAll(assign)) out.push(statementFrom(scope, m.index! + m[0].length, rust));
  // Go's multiple assignment: `dir, err := os.MkdirTemp("", "x")`.
  for (const m of scope.matchAll(new RegExp(`(?<![\\w.])${rx}\\s*,[^=\\n]*:?=\\s*([^\\n]+)`, "g"))) out.push(m[1]!);
  // Typed declarations without a value (`transport: JoinHandle<()>`, `var srv *http.Server`).
  const typed = new RegExp(`(?<![\\w.])${rx}[ \\t]*:?[ \\t]+([*&\\w.:<>()\\[\\]]+)`, "g");
  for (const m of scope.matchAll(typed)) out.push(m[1]!);
  return out;
}

/** Calls that make a temporary file or directory, in each standard library (and Rust's tempfile crate). */
const TEMP_MADE = /\b(temp_dir\(\)|tempfile::|tempdir\(|TempDir::|NamedTempFile::|tempfile\(\)|os\.(CreateTemp|MkdirTemp|TempDir)\(|ioutil\.(TempDir|TempFile)\(|tmpdir\(\)|mkdtemp\w*\(|mkstemp\(|tempfile\.(mkdtemp|mkstemp|NamedTemporaryFile|TemporaryDirectory|gettempdir)\(|gettempdir\(\))/;

/** Is `expr` a temporary path: made by a temp call, or joined onto / named after a value that was (depth-bounded)? */
export function tempPath(expr: string, scope: string, depth = 0): boolean {
  if (TEMP_MADE.test(expr)) return true;
  if (depth > 3) return false;
  // `dir.join("x")`, `filepath.Join(dir, "x")`, `path.join(dir, x)`, `f.Name()`, `tmp.path()`, `&tmp`.
  const base = /^[&*\s]*(?:(?:filepath|path|os\.path)\.[Jj]oin\(\s*)?([A-Za-z_$][\w$]*)/.exec(expr.trim())?.[1];
  if (!base || /^(filepath|path|os|std|fs)$/.test(base)) return false;
  return madeBy(base, scope).some((m) => tempPath(m, scope, depth + 1));
}

/** The first argument of the call `name(` in `text`, up to its comma or closing parenthesis. */
function firstArg(text: string, name: RegExp): string | null {
  const m = new RegExp(`${name.source}\\(\\s*([^,)]*(?:\\([^()]*\\))?[^,)]*)`).exec(text);
  return m ? m[m.length - 1]! : null;
}

/** Removing a path: Rust std::fs, Go os, Node fs (and fs/promises), Python os/shutil/pathlib. */
const REMOVE = /(?:^|[\s.:(])(remove_file|remove_dir_all|remove_dir|Remove|RemoveAll|rm|rmSync|unlink|unlinkSync|rmdir|rmdirSync|remove|rmtree)/;

/** A handle that yields nothing once awaited or joined: the spawned work answers `()` (its closure ends in a statement, or its type says so). */
function unitTask(made: string, fileText: string): boolean {
  if (/JoinHandle<\(\)>/.test(made)) return true;
  if (!/\bspawn(_blocking)?\b/.test(made)) return false;
  // The closure or async block ends in a statement (`|| { ..; }`, `async move { ..; }`) or is empty.
  if (/(\|\||\basync(\s+move)?)\s*\{([\s\S]*;)?\s*\}\s*\)\s*(\?|\.expect\([^)]*\)|\.unwrap\(\)|\.await)?\s*$/.test(made.trim())) return true;
  // `spawn(move || worker_loop(a, b))`: the file's own `fn worker_loop(..) {` answers nothing.
  const callee = /\|\|\s*([\w:]+)\s*\(/.exec(made)?.[1]?.replace(/^.*::/, "");
  return !!callee && new RegExp(`\\bfn\\s+${escapeRegExp(callee)}\\s*(<[^>]*>)?\\s*\\([^)]*\\)\\s*\\{`).test(fileText);
}

/** Calls that make something at a path: a failed removal before them shows itself there. */
const CREATES = /(?:^|[\s.:(])(create|create_dir|create_dir_all|create_new|bind|Mkdir|MkdirAll|Listen|Create)\s*\(/;

/**
 * Removing a stale path right before making it anew: the next statement creates at the same path and
 * checks that (`?`, `.expect(..)`, the function's tail value, Go's `err` assignment), so a removal that
 * failed surfaces there as the creation's error.
 */
function recreatedNext(guarded: SgNode, path: string): boolean {
  const next = nextStatement(guarded);
  const id = /([A-Za-z_]\w*)\s*\)?\s*$/.exec(path.replace(/\.(as_path|as_ref|to_path_buf)\(\)$/, ""))?.[1];
  if (!next || !id) return false;
  const text = next.text().trim();
  const uses = new RegExp(`\\(\\s*[^;]*(?<![\\w.])&?${escapeRegExp(id)}\\b`).test(text);
  const checked = /\?\s*;?$|\.(expect|unwrap)\(|^\w[\w\s,]*:?=/.test(text) || !/;$/.test(text) && next.parent()?.kind() === "block";
  return CREATES.test(text) && uses && checked;
}

function rustRelease(call: string, scope: string, fileText: string, guarded: SgNode): boolean {
  if (/\.await$/.test(call) && !/^(tokio::)?(time::)?timeout\(|\bspawn(_blocking)?\(|^\w+\.await$/.test(call)) return false;
  const path = firstArg(call, /(?:^|::)(?:remove_file|remove_dir_all|remove_dir)/);
  if (path !== null) return tempPath(path, scope) || recreatedNext(guarded, path);
  // std::net / tokio sockets: shutting a stream down, socket options.
  if (/\.shutdown\(\s*(std::net::)?Shutdown::\w+\s*\)$/.test(call)) return true;
  if (/\.set_(read_timeout|write_timeout|nonblocking|nodelay|ttl|linger)\(/.test(call)) return true;
  // Restoring the terminal (crossterm, termion) and resizing a pty (portable-pty's PtySize).
  if (/(^|::)(disable_raw_mode|suspend_raw_mode)\(\)$/.test(call)) return true;
  if (/\.resize\(\s*(portable_pty::)?PtySize\s*\{/.test(call)) return true;
  const recv = /^([\w]+)\.(\w+)\(/.exec(call);
  if (recv) {
    const [, name, method] = recv;
    const direct = [...madeBy(name!, scope, true), ...madeBy(name!, fileText, true)];
    // `let h = self.worker.take()`: the struct field's declared type says what the handle is.
    const fields = direct.flatMap((m) => [...m.matchAll(/\bself\.(\w+)/g)].flatMap((f) => madeBy(f[1]!, fileText, true)));
    const made = [...direct, ...fields].join(" ");
    // OnceCell/OnceLock::set answers Err(value) when already set: an in-memory first-writer-wins.
    if (method === "set" && /\b(OnceCell|OnceLock)(<|::new)/.test(made)) return true;
    // url::Url setters answer Result<(), ()> on a value being built in memory.
    if (/^set_(scheme|host|ip_host|port|username|password)$/.test(method!) && new RegExp(`(\\blet|[|(,])\\s*mut\\s+${name}\\b`).test(scope)) return true;
    if (method === "join" && /^\w+\.join\(\)$/.test(call)) return unitTask(made, fileText);
    if (/^(kill|start_kill|wait)$/.test(method!)) return /\.spawn(_command)?\(/.test(made);
  }
  // Awaiting a spawned unit task, directly or under a timeout: the only error is that it panicked or ran late.
  const awaited = /^(?:(?:tokio::)?(?:time::)?timeout\([^,]+,\s*(\w+)\s*\)|(\w+))\.await$/.exec(call);
  const handle = awaited?.[1] ?? awaited?.[2];
  if (handle) return unitTask(madeBy(handle, scope, true).join(" "), fileText);
  return /^(tokio::)?(task::)?spawn(_blocking)?\(/.test(call) && unitTask(call, fileText);
}

/** Go: a value that is, or writes only into, a bytes.Buffer or strings.Builder made in this function. */
function inMemory(name: string, scope: string, depth = 0): boolean {
  const made = madeBy(name, scope);
  if (made.some((m) => /^(&?bytes\.Buffer\b|&?strings\.Builder\b|new\((bytes\.Buffer|strings\.Builder)\)|bytes\.NewBuffer(String)?\()/.test(m.trim()))) return true;
  // A writer or encoder over another writer, that one its last argument (`bufio.NewWriter(&buf)`,
  // `base64.NewEncoder(base64.StdEncoding, message)`, `gzip.NewWriterLevel(&buf, 9)` reads its first).
  const inner = made.map((m) => /^\w+\.New(?:Writer|Encoder)\w*\(\s*(?:[\w.]+\s*,\s*)?&?([A-Za-z_]\w*)\s*(?:,\s*[\w.]+\s*)?\)/.exec(m.trim())?.[1]).find(Boolean);
  return depth < 3 && !!inner && inMemory(inner, scope, depth + 1);
}

/** Go calls that give something back or tidy up: closing, stopping, unlocking, rolling back, removing, a `cleanup` func. */
const GO_RELEASE = /^(Close|Shutdown|Stop|Release|Unlock|RUnlock|Rollback|Remove|RemoveAll|Kill|Cancel|[cC]lean[uU]p\w*|[cC]lose\w*|[rR]elease\w*|[tT]eardown\w*)$/;

/** An error variable tested against nil (`err != nil`, `retErr != nil`, `writeErr != nil`). */
const ERR_NOT_NIL = /\b(?:err|\w*Err)\s*!=\s*nil\b/;

/**
 * Go: the statement runs on a failure's way out: in a deferred function, inside an `if` whose condition tests an error
 * against nil (`defer func() { if retErr != nil { conn.Close() } }()`: the function is returning that error), or in a
 * block that ends by returning an error (`return nil, err`, `return fmt.Errorf(..)`), or by a bare `return` from a
 * function that answers nothing, read outwards through plain `if` blocks (`if cleanup != nil { _ = cleanup() }`) up to
 * the first error branch. An error branch that answers success (`if err != nil { f.Close(); return p, nil }`) or
 * falls through to another answer is no way out.
 */
function onErrorPath(node: SgNode): boolean {
  const inDefer = deferred(node);
  const fn = ancestor(node, /^(function_declaration|method_declaration|func_literal)$/);
  const answersNothing = !!fn && !fn.field("result" as never);
  for (let n: SgNode | null = node.parent(); n; n = n.parent()) {
    const k = String(n.kind());
    if (/^(function_declaration|method_declaration)$/.test(k)) return false;
    if (inDefer) {
      if (k === "if_statement" && ERR_NOT_NIL.test((n.field("condition" as never) as SgNode | null)?.text() ?? "")) {
        const body = n.field("consequence" as never) as SgNode | null;
        if (body && body.range().start.index <= node.range().start.index && node.range().end.index <= body.range().end.index) return true;
      }
      continue;
    }
    if (k !== "block") continue;
    const list = n.namedChildren().length === 1 && n.namedChildren()[0]!.kind() === "statement_list" ? n.namedChildren()[0]! : n;
    const last = list.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).at(-1);
    if (last?.kind() === "return_statement") {
      const t = last.text().trim();
      if (t === "return") return answersNothing;
      return /\breturn\b[^\n]*\b(err\w*|\w*Err|fmt\.Errorf|errors\.\w+)\b/.test(t) && !/\breturn\s+(?:[\w.]+\s*,\s*)*nil\s*$/.test(t);
    }
    const owner = n.parent();
    if (owner?.kind() !== "if_statement" || ERR_NOT_NIL.test((owner.field("condition" as never) as SgNode | null)?.text() ?? "")) return false;
  }
  return false;
}

/** Go: the statement runs deferred, as `defer x()` or inside the literal of a `defer func() { .. }()`. */
function deferred(node: SgNode): boolean {
  for (let n: SgNode | null = node; n; n = n.parent()) {
    const k = String(n.kind());
    if (k === "defer_statement") return true;
    if (k === "func_literal") return n.parent()?.kind() === "call_expression" && n.parent()?.parent()?.kind() === "defer_statement";
    if (/^(function_declaration|method_declaration)$/.test(k)) return false;
  }
  return false;
}

function goRelease(call: string, scope: string, guarded: SgNode): boolean {
  const path = firstArg(call, /^os\.(?:Remove|RemoveAll)/);
  if (path !== null) return tempPath(path, scope) || recreatedNext(guarded, path);
  // A release on the way out of a failure (`if err != nil { _ = cleanup(); return err }`, a deferred close under
  // `if retErr != nil`): the function already reports its own error, which a second failure must not replace.
  const callee = /^(?:[\w.]+\.)?(\w+)\(/.exec(call)?.[1] ?? "";
  if (GO_RELEASE.test(callee) && onErrorPath(guarded)) return true;
  const recv = /^([\w.]+?)\.(\w+)\(/.exec(call);
  if (!recv) return false;
  const [, name, method] = recv;
  const made = madeBy(name!, scope).join(" ");
  if (/^(Shutdown|Close)$/.test(method!) && /\bhttp\.Server\b/.test(made)) return true;
  // The deferred safety net of Go's double close: `defer func() { _ = f.Close() }()` beside the success path's
  // checked `if err := f.Close(); err != nil` (or `return f.Close()`): the close whose error matters is read there.
  if (method === "Close" && deferred(guarded) && new RegExp(`(?:\\b(?:err\\w*|e)\\s*:?=|\\breturn)\\s*${escapeRegExp(name!)}\\.Close\\(\\s*\\)`).test(scope)) return true;
  // A writer over memory: bytes.Buffer and strings.Builder answer nil on every write (an encoder's Encode can still fail).
  if (/^(Write|WriteString|WriteByte|WriteRune|Flush|Close)$/.test(method!) && inMemory(name!, scope)) return true;
  // An exec.Cmd's process at teardown: killing or signalling it, or reaping it after that.
  const cmd = name!.replace(/\.Process$/, "");
  if (!/\bexec\.Command(Context)?\(/.test(madeBy(cmd, scope).join(" "))) return false;
  if (/\.Process$/.test(name!) && /^(Kill|Signal|Release)$/.test(method!)) return true;
  return method === "Wait" && new RegExp(`${escapeRegExp(cmd)}\\.Process\\.(Kill|Signal)\\(`).test(scope);
}

/**
 * Go: `func (w *T) Flush() { _ = w.FlushError() }`, the http.Flusher contract (`Flush()`, no error result)
 * kept by a writer whose own flush answers one: the signature has nowhere to send it, as Rust's Drop.
 */
function flusherFlush(node: SgNode, stmt: string): boolean {
  const fn = ancestor(node, /^(method_declaration|function_declaration|func_literal)$/);
  if (fn?.kind() !== "method_declaration" || (fn.field("name" as never) as SgNode | null)?.text() !== "Flush") return false;
  if ((fn.field("parameters" as never) as SgNode | null)?.text().replace(/\s/g, "") !== "()" || fn.field("result" as never)) return false;
  const recv = /^\(\s*(\w+)\s/.exec((fn.field("receiver" as never) as SgNode | null)?.text() ?? "")?.[1];
  return !!recv && new RegExp(`^_\\s*=\\s*${escapeRegExp(recv)}(\\.\\w+)*\\.Flush\\w*\\(\\)$`).test(stmt.trim());
}

/** TypeScript/Python: one statement of a guarded block that only releases (a temp removal, an argument-free release of a local). */
function scriptRelease(stmt: string, scope: string, inFinally: boolean, teardown = false): boolean {
  const call = stmt.trim().replace(/^await\s+/, "").replace(/\.catch\([\s\S]*\)\s*;?$/, "").replace(/;$/, "")
    // `Promise.resolve(client.end())`: the call it wraps.
    .replace(/^Promise\.resolve\(([\s\S]*)\)$/, "$1").trim();
  const remove = new RegExp(`${REMOVE.source}\\(`).exec(call);
  if (remove) {
    const path = firstArg(call, new RegExp(`(?:^|[\\s.:(])${remove[1]}`));
    if (path !== null && tempPath(path, scope)) return true;
    // A removal in `finally` runs after the work, whatever it did: the function's intermediate files (a converted
    // `wavPath`, the upload it consumed) are cleared, and a failure there must not replace the work's own error.
    if (path !== null && inFinally) return true;
  }
  // `finally { await handle.cleanup() }`: the function's own resource released after its work is done (`client.end()`,
  // `worker.terminate()`, `callback.close()`), or a release function it holds (`cleanupBrowserOpenTarget?.()`).
  const own = /^([A-Za-z_$][\w$]*)\??\.(cleanup|close|release|dispose|destroy|end|terminate|kill|quit|disconnect|stop|shutdown)\(\)$/.exec(call)
    ?? /^((?:cleanup|release|dispose|close|teardown)\w*)\?\.?\(\)$/i.exec(call)
    // ... called plainly when its name says only teardown (`disposeHost()`, `cleanupTempDir()`; not `closeAccount()`).
    ?? /^((?:cleanup|cleanUp|teardown|tearDown|dispose)\w*)\(\)$/.exec(call);
  if (inFinally && !!own && new RegExp(`\\b(const|let|var)\\s+${escapeRegExp(own[1]!)}\\s*=`).test(scope)) return true;
  // In a routine that tears down (`destroy()`, `const cleanup = () => {..}`, `stopSession()`): releasing each handle
  // it holds, whatever was made where (`sip.stop()`, `clientPromise.then(c => c.destroy())`), or a log line saying so.
  return teardown && (HANDLE_RELEASE.test(call) || LOG_LINE.test(call));
}

/** An argument-free release of a handle reached by a member chain, or of what a promise settles to. */
const HANDLE_RELEASE = /^(?:[A-Za-z_$][\w$]*\??\.)*[A-Za-z_$][\w$]*\??\.(close|destroy|dispose|terminate|kill|quit|disconnect|stop|shutdown|endSession|exit|removeAllListeners|unsubscribe|unref)\??\.?\(\)$|^(?:[A-Za-z_$][\w$]*\??\.)*[A-Za-z_$][\w$]*\.then\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\2\??\.(close|destroy|dispose|terminate|kill|quit|disconnect|stop|shutdown|endSession|exit)\(\)\s*\)$/;
const LOG_LINE = /^(?:this\.)?(console|logger|log)\.\w+\(/;
/**
 * A function named for tearing down what it holds, and for nothing else: a suffix names what is torn down after
 * cleanup and teardown (`cleanupSession`), but after a verb a business object (`closeAccount`, `releaseFunds`) is the
 * work itself.
 */
const TEARDOWN_NAME = /^(_|#)?((cleanup|cleanUp|clean_up|teardown|tearDown|tear_down|dispose)([A-Z_]\w*)?|destroy|close|shutdown|shutDown|stop|kill|terminate|disconnect|release|quit|unload|unmount|detach|on(Close|Destroy|Disconnect|Exit|Stop|Shutdown|Dispose|Unmount))$/;

/** The name of the function a node is in: a declaration's or method's, or the variable or property an arrow is bound to. */
function functionName(node: SgNode): string | null {
  for (let n = node.parent(); n; n = n.parent()) {
    const kind = String(n.kind());
    if (/^(function_declaration|method_definition|function_definition)$/.test(kind)) return (n.field("name" as never) as SgNode | null)?.text() ?? null;
    if (/^(arrow_function|function_expression|function)$/.test(kind)) {
      const holder = n.parent();
      if (holder && /^(variable_declarator|pair|assignment_expression|public_field_definition)$/.test(String(holder.kind()))) {
        const key = (holder.field("name" as never) ?? holder.field("key" as never) ?? holder.field("left" as never) ?? holder.field("property" as never)) as SgNode | null;
        return key?.text().replace(/^.*\./, "") ?? null;
      }
      // A callback handed to a call (`.then(c => c.destroy())`) belongs to the function around that call.
      continue;
    }
  }
  return null;
}

/** Is the node inside a routine named for tearing down (`destroy()`, `const cleanup = () => ..`)? */
function inTeardown(node: SgNode): boolean {
  const name = functionName(node);
  return !!name && TEARDOWN_NAME.test(name);
}

/** Is the node inside a `finally` clause, or inside the callback of a promise's `.finally(..)`? */
function withinFinally(node: SgNode): boolean {
  for (let n: SgNode | null = node.parent(), depth = 0; n && depth < 12; n = n.parent(), depth++) {
    const kind = String(n.kind());
    if (/finally/.test(kind)) return true;
    if (/^(arrow_function|function_expression)$/.test(kind)) {
      const call = n.parent()?.parent();
      return call?.kind() === "call_expression" && /\.finally$/.test(((call.field("function" as never) as SgNode | null)?.text() ?? ""));
    }
    if (/^(function_declaration|method_definition|function_definition)$/.test(kind)) return false;
  }
  return false;
}

/**
 * Does the guarded code only release or tear down? Rust/Go: the one dropped call; TypeScript/Python: every
 * statement of the guarded block (or the promise a `.catch` hangs on). A durable write, commit, delete of a
 * stored record, a query read afterwards or a payload sent elsewhere never qualifies.
 */
export function releasesOnly(guarded: SgNode, node: SgNode, lang: string, fileText: string): boolean {
  const scope = outermostFunction(node)?.text() ?? fileText;
  if (lang === "rust") {
    const call = guarded.text().trim().replace(/^let\s+_\s*=\s*/, "").replace(/;$/, "").replace(/\.ok\(\)$/, "").trim();
    return rustRelease(call, scope, fileText, guarded);
  }
  if (lang === "go" && flusherFlush(node, guarded.text())) return true;
  if (lang === "go") return goRelease(guarded.text().trim().replace(/^(defer\s+|_(\s*,\s*_)*\s*=\s*)/, ""), scope, guarded);
  const inFinally = withinFinally(guarded);
  const teardown = inTeardown(guarded);
  const stmts = /block/.test(String(guarded.kind()))
    ? guarded.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).map((c) => c.text())
    : [guarded.text()];
  return stmts.length > 0 && stmts.every((s) => scriptRelease(s, scope, inFinally, teardown)) && !stmts.every((s) => LOG_LINE.test(s.trim()));
}

/** An argument-free release of one handle (`await browser.close()`), optionally under an `if` testing that handle. */
function releaseOf(st: SgNode): string | null {
  if (st.kind() === "if_statement" && !st.field("alternative" as never)) {
    const body = st.field("consequence" as never) as SgNode | null;
    const inner = body ? (/block/.test(String(body.kind())) ? body.namedChildren() : [body]).filter((c) => !/comment/.test(String(c.kind()))) : [];
    const handle = inner.length === 1 ? releaseOf(inner[0]!) : null;
    const cond = (st.field("condition" as never) as SgNode | null)?.text() ?? "";
    return handle && new RegExp(`(?<![\\w$.])${escapeRegExp(handle)}(?![\\w$])`).test(cond) ? handle : null;
  }
  const call = st.text().trim().replace(/^await\s+/, "").replace(/;$/, "");
  return /^([A-Za-z_$][\w$]*)\??\.(close|disconnect|destroy|dispose|quit|terminate|kill)\(\)$/.exec(call)?.[1] ?? null;
}

/**
 * TypeScript: the try only releases one handle that the code right after drops or replaces (`try { await
 * browser.close() } catch {} browser = null` / `browser = await launch()`): the handle is being discarded, so
 * a failure to close it loses nothing the code relies on.
 */
export function releaseThenDrop(guarded: SgNode): boolean {
  if (!/block/.test(String(guarded.kind())) || guarded.parent()?.kind() !== "try_statement") return false;
  const stmts = guarded.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  const handle = stmts.length === 1 ? releaseOf(stmts[0]!) : null;
  if (!handle) return false;
  const replaced = new RegExp(`^${escapeRegExp(handle)}\\s*=(?!=)`);
  for (let n = guarded.parent()!.next(); n; n = n.next()) {
    if (/comment/.test(String(n.kind()))) continue;
    if (replaced.test(n.text().trim())) return true;
    // Statements that do not touch the handle (a log line, a counter) may come between.
    const code = n.text().replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
    if (new RegExp(`(?<![\\w$.])${escapeRegExp(handle)}(?![\\w$])`).test(code)) return false;
  }
  return false;
}

/**
 * A Fetch API stream given up: `response.body?.cancel()`, `res.body.cancel(reason)`, or `reader.cancel()` on a reader
 * the file takes with `getReader()`. Cancelling tells the source the rest is not wanted; when it fails the body is
 * discarded all the same (swetrix's SEO tools cancel every body they stop reading, panel 37).
 */
export function cancelsStream(guarded: SgNode, fileText: string): boolean {
  const m = /^(?:await\s+)?([\w$]+(?:\??\.[\w$]+)*?)\??\.cancel\(\s*[\w$."'`]*\s*\)$/.exec(guarded.text().trim().replace(/;$/, "").replace(/\.catch\(\s*(?:\(\s*\w*\s*\)|\w+)\s*=>\s*(?:\{\s*\}|null|undefined|void 0)\s*\)$/, ""));
  if (!m) return false;
  const receiver = m[1]!;
  if (/(^|\.)body$/.test(receiver)) return true;
  return /^[\w$]+$/.test(receiver) && new RegExp(`\\b${receiver}\\s*=\\s*[^;\\n]*\\.getReader\\(`).test(fileText);
}
