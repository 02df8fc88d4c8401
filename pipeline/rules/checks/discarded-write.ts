// swallowed-error for writes: the result of a write-like macro or call dropped, unless the sink cannot fail.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { ancestor, escapeRegExp, guardedStatement, nextStatement } from "../syntax";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import { SQL_WRITE_VERB, swallowedCheck } from "./swallowed";
import { outermostFunction } from "./teardown";
import { goSettled } from "./go-settled";
import { rsSettled } from "./rs-settled";

const FUNCTION_KINDS = /^(function_item|function_declaration|method_declaration|func_literal|closure_expression)$/;


/** The written-to value: a write!/writeln! macro's first argument, or a method call's receiver. */
export function sinkOf(node: SgNode): string | null {
  const macro = /\b(write|writeln)!\s*\(\s*(&mut\s+)?([\w.]+)/.exec(node.text());
  if (macro) return macro[3]!;
  const call = /(?:^|[\s=(])&?([\w.]+?)\.(\w+)\s*\(/.exec(node.text());
  return call ? call[1]! : null;
}

/** The text that declares `sink` in the function: its type (`out: &mut String`, `w http.ResponseWriter`) or initialiser. */
function declaration(sink: string, fnText: string): string {
  const id = sink.replace(/^.*\./, "").replace(/\$/g, "\\$");
  // `let (mut a, mut b) = (String::new(), String::new())` binds inside a pattern.
  const tuple = new RegExp(`let\\s*\\([^=;]*(?<![\\w.])${id}\\b[^=;]*=\\s*([^;]+)`).exec(fnText);
  const decl = new RegExp(`(?<![\\w.])${id}\\s*(?::\\s*([^,)=]+)|:?=\\s*([^;\\n]+)|\\s([*\\w.\\[\\]]+))`).exec(fnText);
  // `f, err := os.OpenFile(...)`: Go's multiple assignment.
  const multi = new RegExp(`(?<![\\w.])${id}\\s*,[^=\\n]*:?=\\s*([^\\n]+)`).exec(fnText);
  return [tuple?.[1], multi?.[1], decl?.[1] ?? decl?.[2] ?? decl?.[3]].filter(Boolean).join(" ");
}

const RUST_INFALLIBLE = /(\bString::(new|with_capacity|from)|\bVec::(new|with_capacity)|\bvec!|\bformat!|\bBytesMut::|&mut\s+String\b|&mut\s+(fmt::)?Formatter|&mut\s+Vec<u8>|\bimpl\s+(fmt|std::fmt|core::fmt)::Write|&mut\s+dyn\s+(fmt|std::fmt|core::fmt)::Write)/;
/** Sinks that are files, streams or sockets: their writes fail for real (disk full, closed pipe). */
const RUST_FALLIBLE = /\b(File::(create|open|options)|OpenOptions|BufWriter::new|TcpStream|UnixStream)|&mut\s+(File|BufWriter|TcpStream)|\bimpl\s+(io::|std::io::)?Write\b|dyn\s+(io::|std::io::)?Write\b|\bW\b/;
const RUST_SINK_NAME = /(file|journal|audit|socket|stream|conn|tcp|log)\w*$/i;
/**
 * The process's own terminal, by how the sink was made: `io::stdout()`/`stderr()` (locked or buffered), the
 * `Stdout`/`Stderr` types, and terminal handles of crossterm, termion, ratatui and console. Output shown to
 * a person is not a durable write: a failed redraw or prompt flush has nobody left to tell.
 */
const RUST_TERMINAL = /(?<![\w.])((std::)?io::)?(stdout|stderr)\(\)|\b(io::)?(Stdout|Stderr)(Lock)?\b|\b(Terminal|CrosstermBackend|TermionBackend|AlternateScreen|RawTerminal)(::|<)|\binto_raw_mode\(\)|\bratatui::init\(\)|\bTerm::(stdout|stderr|buffered_stdout|buffered_stderr)\(\)/;
/** The write goes straight into the terminal: `io::stdout().flush()`, `write!(io::stderr(), ..)`, `execute!(stdout(), ..)`. */
const RUST_TERMINAL_WRITE = /(?:^|[\s=(&])(?:(?:std::)?io::)?(?:stdout|stderr)\(\)(?:\.lock\(\))?\.\w+\(|\b\w+!\s*\(\s*(?:&mut\s+)?(?:(?:std::)?io::)?(?:stdout|stderr)\(\)/;
const GO_FALLIBLE = /\b(os\.(Create|OpenFile|Open)|bufio\.NewWriter\w*|gzip\.NewWriter\w*|zip\.NewWriter|net\.Dial\w*|tls\.Dial\w*|\*os\.File|\*bufio\.Writer)\b/;
const GO_HTTP = /\b(http\.ResponseWriter|gin\.ResponseWriter|\*echo\.Response)\b/;

/** The last name of a callee (`backup_ips.iter().map(..).collect` → `collect`, `Vec::new` → `new`). */
function calleeName(fn: SgNode | null): string {
  if (fn?.kind() === "field_expression") return (fn.field("field" as never) as SgNode | null)?.text() ?? "";
  return fn?.text().replace(/^[\s\S]*[.:]/, "") ?? "";
}

/** The method a Rust `let _ = x.m(...)` / `x.m(...);` statement calls (the outermost call, awaited or not). */
export function rustMethodOf(node: SgNode): string {
  let e = (node.field("value" as never) as SgNode | null) ?? node.child(0);
  if (e?.kind() === "await_expression") e = e.child(0);
  const fn = e?.kind() === "call_expression" ? (e.field("function" as never) as SgNode | null) : null;
  // `iter.map(..).collect::<Vec<()>>()`: the method under the turbofish, however many lines the chain spans.
  if (fn?.kind() === "generic_function") return calleeName(fn.field("function" as never) as SgNode | null);
  return calleeName(fn);
}

/**
 * Is this dropped write a defect? Rust: never into the terminal (stdout, stderr, a terminal handle); write macros: only into a file, stream or socket (known from its
 * declaration or its name: `let _ = write!(s, ..)` into a String cannot fail and is the idiom); Rust
 * io::Write methods (`write_all`, `flush`, `sync_all`): unless the sink is a String/Vec. Go
 * Write/WriteString/Flush/Sync/Encode: only on a file, bufio/gzip writer or connection (an
 * http.Flusher's Flush returns nothing, a Builder cannot fail, a response write fails only when the
 * client left); Close only on what was written (a file created for writing, a writer, a value written to
 * in the function); a dropped `err`, Commit, Exec, Save, Create, Update, Delete, Rename, WriteFile and any
 * other call: always.
 */
export function writeMatters(nodeText: string, sink: string | null, fnText: string, lang: string, method = ""): boolean {
  const decl = sink ? declaration(sink, fnText) : "";
  if (lang === "rust") {
    if (RUST_TERMINAL_WRITE.test(nodeText) || RUST_TERMINAL.test(decl)) return false;
    if (RUST_INFALLIBLE.test(decl) || (/\bfn\s+fmt\s*\(/.test(fnText) && /^(f|fmt|formatter)$/.test(sink ?? ""))) return false;
    if (/\b(write|writeln)!/.test(nodeText)) return RUST_FALLIBLE.test(decl) || RUST_SINK_NAME.test(sink ?? "");
    // Collections answer Option (`let _ = map.insert(k, v)` drops the old value), fmt::Write targets
    // Strings and Formatters, and a dropped parse only consumes optional input (syn's `Token![,]`).
    // An awaited one is a future, not a collection (`movement.insert(&txn).await`: an ORM's insert answering a Result).
    const awaited = new RegExp(`\\.${escapeRegExp(method)}\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s*\\.await\\b`).test(nodeText);
    if (!awaited && /^(insert|remove|replace|take|pop|push\w*|swap_remove|extend|entry|get\w*|parse\w*|write_str|write_char|write_fmt)$/.test(method)) return false;
    // A filesystem function, not a method (`tokio::fs::write(path, &bytes)`, `fs::rename(tmp, dest)`): it writes a
    // file by path, whatever its arguments are called.
    if (/(^|[^\w.:])(\w+::)*fs::(write|rename|copy|create_dir\w*)\s*\(/.test(nodeText)) return true;
    if (/^(write\w*|flush|sync_all|sync_data)$/.test(method)) return RUST_FALLIBLE.test(decl) || RUST_SINK_NAME.test(sink ?? "");
    return true;
  }
  if (/^_(\s*,\s*_)*\s*=\s*err\w*\s*$/.test(nodeText.trim())) return true;
  if (/^(c\.Writer|c\.Response\(\)|ctx\.Response\(\))|^\w+\.(Writer|ResponseWriter)$/.test(sink ?? "") || GO_HTTP.test(decl)) return false;
  // Route registration (`r.Delete("/items/{id}", h)`) is not a write, nor one whose pattern is built on a prefix
  // (`router.With(perm).Delete(usersPath+"/{username}", deleteUser)`): a path parameter (`/{name}`, `/:id`) in the
  // first argument is a router's pattern, not a key or a file name.
  if (/\.\w+\(\s*"\//.test(nodeText) || /\.(Get|Post|Put|Patch|Delete|Head|Options|Handle|HandleFunc|Method|MethodFunc)\(\s*[^,()"]*"[^"]*\/[{:]\w/.test(nodeText)) return false;
  // A query builder (`sb := sqlbuilder.NewUpdateBuilder()`, `b squirrel.UpdateBuilder`): `sb.Update("tag")` names
  // the table of a statement built here and run elsewhere (`db.Exec(sb.Build())`); it answers the builder, no error.
  if (/\bNew\w*Builder\s*\(|\w+Builder\b/.test(decl) && !/\.(Exec|Query|Save|Commit)\w*\(/.test(nodeText)) return false;
  // A batch staged here and handed whole to a call whose error is checked (`batch.Insert(doc)` .. `if err :=
  // writer.Batch(batch); err != nil`, bluge's and bleve's batches): staging answers nothing, the checked call writes.
  if (sink && /^\w+$/.test(sink) && new RegExp(`(?<![\\w.])${sink}\\.(Insert|Update|Delete|Put|Create|Set)\\(`).test(nodeText) && committedLater(sink, fnText)) return false;
  // io.Writer's Write/WriteString/WriteTo answer two values; one blank (`_ = s.log.Write(ctx, ev)`) drops
  // a method of another signature that answers only its error: a domain write, judged like any call.
  // A writer whose errors are sticky (csv.Writer) is asked for them afterwards (`cw.Error()`): checked there.
  if (/^_\s*=\s*[^=]*\.(Write|WriteString|WriteTo)\(/.test(nodeText.trim())) return !(sink && new RegExp(`\\b${sink.replace(/\./g, "\\.")}\\.(Error|Err)\\(\\)`).test(fnText));
  if (/\.(Write|WriteString|WriteTo|Flush|Sync|Encode)\(/.test(nodeText)) return GO_FALLIBLE.test(decl) || /NewEncoder\(\s*\w+\s*\)/.test(nodeText) && GO_FALLIBLE.test(declaration(/NewEncoder\(\s*(\w+)/.exec(nodeText)![1]!, fnText));
  // Close loses data only on something written: a file created or opened for writing, a writer, or a
  // value this function wrote to. Closing a reader, a request body or a listener on an error path does not.
  if (/\.Close\(\)/.test(nodeText) && sink) return closesWritten(sink, fnText);
  return true;
}

/** Go: `sink` is the last argument of a call whose error is assigned, tested or returned (`err = w.Batch(batch)`). */
function committedLater(sink: string, fnText: string): boolean {
  return new RegExp(`(?:\\berr\\w*\\s*:?=|\\breturn)\\s*[\\w.]+\\((?:[^()]*,\\s*)?&?${sink}\\s*\\)`).test(fnText);
}

/**
 * Go: closing `sink` loses data when the function wrote to it (a Write, io.Copy or fmt.Fprint into it, an
 * encoder or writer over it) or made it for writing (`os.Create`, `os.OpenFile`, any package's `NewWriter`:
 * tar, gzip, zstd, csv... whose Close flushes the tail). Closing a reader, a body or a listener does not.
 */
export function closesWritten(sink: string, fnText: string): boolean {
  const id = sink.replace(/\./g, "\\.");
  const written = new RegExp(`\\b${id}\\.(Write\\w*|Flush|Sync)\\(|\\b(io\\.Copy\\w*|fmt\\.Fprint\\w*)\\(\\s*${id}\\s*,|NewEncoder\\(\\s*${id}\\s*\\)|NewWriter\\(\\s*${id}\\s*\\)`).test(fnText);
  return written || /\bos\.(Create|OpenFile)\b|\b\w+\.NewWriter\w*\(/.test(declaration(sink, fnText));
}

/**
 * Go: the dropped call is the Close of something this function wrote or made for writing (`_ = f.Close()` after
 * `f, err := os.Create(p)`) and the function then answers success: `return path, nil` within the next
 * statements, or the error an earlier write left in a variable (`encErr := enc.Encode(f, v); f.Close(); return
 * encErr`), which is nil exactly when the writes went through. For a file or a writer's tail the write error
 * surfaces at Close, so a truncated file is reported as done. A deferred Close (the checked writes already
 * reported their errors) and a Close on an error path (the function is already failing) are not this shape:
 * on the real-code panels all seven such promotions were labelled not defensible.
 */
export function closedAfterWriting(node: SgNode, code: string, lang: GrammarLanguage): boolean {
  const sink = lang === "go" ? /^\s*(?:_\s*=\s*)?(\w+)\.Close\(\)\s*$/.exec(code)?.[1] : undefined;
  const fnText = outermostFunction(node)?.text() ?? "";
  if (!sink || ancestor(node, /^(defer_statement)$/) || !closesWritten(sink, fnText)) return false;
  if (onErrorBranch(node)) return false;
  let ret: SgNode | null = null;
  for (let stmt = nextStatement(guardedStatement(node)), n = 0; stmt && n < 3 && !ret; stmt = nextStatement(stmt), n++) if (stmt.kind() === "return_statement") ret = stmt;
  if (!ret) return false;
  if (/\bnil\s*$/.test(ret.text())) return true;
  // `return encErr`: an error variable an earlier call of the function assigned, not a fresh failure.
  const held = /^return\s+(?:[^,]+,\s*)*(\w+)\s*$/.exec(ret.text())?.[1];
  return !!held && held !== sink && new RegExp(`\\b${held}\\s*:?=\\s*[\\w.]+\\(`).test(fnText);
}

/** Inside the body of `if err != nil { ... }`: the function is already failing. */
function onErrorBranch(node: SgNode): boolean {
  let branch = node.parent();
  while (branch && /^(block|statement_list|expression_statement)$/.test(String(branch.kind()))) branch = branch.parent();
  return branch?.kind() === "if_statement" && /\w+\s*!=\s*nil/.test((branch.field("condition" as never) as SgNode | null)?.text() ?? "");
}

/**
 * The dropped call is handed the error being handled (`_ = c.Error(err)`, `let _ = report(&err)`): it is the
 * handling, and what it returns is that error echoed back or the reporter's own status.
 */
export function echoesError(nodeText: string): boolean {
  // ... not a statement written with the error as one of its values (`_, _ = db.ExecContext(ctx, "INSERT INTO
  // dead_letter (payload, reason) ..", raw, fmt.Sprint(err))`): that row is the only keeping of what failed.
  if (SQL_WRITE_VERB.test(nodeText)) return false;
  return /[(,]\s*&?(err|error|err[A-Z_]\w*)\s*[,)]/.test(nodeText.replace(/^\s*(let\s+)?_\w*(\s*,\s*_)*\s*:?=\s*/, ""));
}

/**
 * Go: the writer was made for writing by this very function (`os.Create`, `os.OpenFile` with a write
 * flag, any package's `NewWriter`), and the function answers no error. Whatever it wrote is only on disk
 * once Close succeeds, and nothing can tell its caller that it did not: the function has no channel left.
 */
export function createdHereWithoutErrorResult(node: SgNode, sink: string | null): boolean {
  const fn = ancestor(node, FUNCTION_KINDS);
  if (!fn || !sink || /\./.test(sink)) return false;
  // On a failure path (`if err != nil { f.Close(); return }`) the output is already lost and reported.
  let branch = node.parent();
  while (branch && /^(block|statement_list)$/.test(String(branch.kind()))) branch = branch.parent();
  if (branch?.kind() === "if_statement" && /err\w*\s*!=\s*nil/.test((branch.field("condition" as never) as SgNode | null)?.text() ?? "")) return false;
  const result = (fn.field("result" as never) as SgNode | null)?.text() ?? "";
  if (/(^|[\s,(])error\)?$/.test(result)) return false;
  const decl = declaration(sink, fn.text());
  return /\bos\.Create\(|\bos\.OpenFile\([^)]*O_(WRONLY|RDWR|APPEND|CREATE)|\b\w+\.NewWriter\w*\(/.test(decl);
}

/**
 * Go `defer w.Close()` on a writer whose Close writes the end of its format: a wrapper this function
 * built with some package's `NewWriter` (gzip trailer, tar/zip footer, a compressor's last block) over
 * another writer, in a function that answers an error and never checks that Close itself (`return
 * w.Close()`, `if err := w.Close()`). The deferred Close runs after the return value is fixed, so a
 * failed tail reaches nobody while the caller holds a success. Files (`os.Create`) deferred-closed stay
 * quiet: their data went out with each Write, the Close is the idiom's cleanup.
 */
export function deferredTailLost(node: SgNode, sink: string | null): boolean {
  const fn = ancestor(node, FUNCTION_KINDS);
  if (!fn || !sink || /\./.test(sink)) return false;
  const result = (fn.field("result" as never) as SgNode | null)?.text() ?? "";
  if (!/(^|[\s,(])error\)?$/.test(result)) return false;
  if (!/\b\w+\.NewWriter\w*\(/.test(declaration(sink, fn.text()))) return false;
  const id = sink.replace(/\$/g, "\\$");
  // Another Close of the same writer whose answer is used: the tail is checked there.
  return !new RegExp(`(return\\s+|=\\s*|[(,]\\s*)${id}\\.Close\\(\\)`).test(fn.text());
}

/** Why an unchecked Close of a plain file is a lead: the models read whether the file's last write matters. */
const MUST_USE_LEAD = "the function opts out of the compiler's must-use check (`#[allow(unused_must_use)]`): its author dropped these results on purpose, so whether this one matters is for the models to judge";

/**
 * Rust: the function holding the statement, its impl or its file switches the compiler's `unused_must_use` lint off
 * (boringtun's UAPI `api_get` writing a reply line by line to the control socket, panel 37). The attribute is the
 * language's own switch for exactly these drops, not a comment: a lead, one per function's drops read by a model.
 */
function mustUseAllowed(node: SgNode, fileText: string): boolean {
  const ALLOW = /#!?\[\s*allow\s*\([^)\]]*\bunused_must_use\b/;
  // The file's own inner attributes come before its first item; one inside `mod tests { .. }` is that module's.
  const lines = fileText.split("\n");
  const firstItem = lines.findIndex((x) => !/^\s*(\/\/.*|#!\[.*|)$/.test(x));
  const head = lines.slice(0, firstItem < 0 ? lines.length : firstItem).join("\n");
  if (/#!\[\s*allow\s*\([^)\]]*\bunused_must_use\b/.test(head)) return true;
  for (let n: SgNode | null = node.parent(); n; n = n.parent()) {
    if (!/^(function_item|impl_item|mod_item)$/.test(String(n.kind()))) continue;
    for (let p = n.prev(); p && /^(attribute_item|line_comment|block_comment)$/.test(String(p.kind())); p = p.prev()) if (ALLOW.test(p.text())) return true;
  }
  return false;
}

const FILE_CLOSE_LEAD = "a plain file's data went out with each Write; its Close reports a delayed write error only on some filesystems (NFS), so whether this one matters is for a reader to judge";

/**
 * Go: what a bare `x.Close()` of a writer this function made can lose, by how it was made and used:
 * - `pipe`: an `io.Pipe()` end, whose Close always answers nil;
 * - `unwritten`: a file created and closed with nothing written or handed to anything (an empty marker file);
 * - `file`: a plain file (`os.Create`, `os.OpenFile`, `os.CreateTemp`) written with its own Writes;
 * - null: anything else (a `NewWriter` wrapper whose Close writes the format's tail, a writer handed in).
 */
export function goClosedSink(node: SgNode, sink: string | null): "pipe" | "unwritten" | "file" | null {
  if (!sink || /\./.test(sink)) return null;
  const fnText = outermostFunction(node)?.text() ?? "";
  const decl = declaration(sink, fnText);
  if (/\bio\.Pipe\(\)/.test(decl)) return "pipe";
  if (!/\bos\.(Create|OpenFile|CreateTemp)\(/.test(decl)) return null;
  const id = escapeRegExp(sink);
  // Written, or handed to a call that may write (`tmpl.ExecuteTemplate(f, ..)`, `io.Copy(f, r)`, `bufio.NewWriter(f)`).
  // ... or set as something's output (`cmd.Stdout = out`, `enc := Writer{W: out}`).
  const used = new RegExp(`(?<![\\w.])${id}\\.(Write\\w*|ReadFrom|Truncate|Seek)\\(|[(,]\\s*&?${id}\\s*[,)]|[=:]\\s*&?${id}\\s*(?:[,}\\n;]|$)`, "m").test(fnText);
  return used ? "file" : "unwritten";
}

/** A write-like macro or call whose result is dropped, into a sink that can fail: swallowed-error rules apply. */
export function discardedWriteCheck(ctx: CheckContext): Hit[] {
  if (echoesError(ctx.node.text())) return [];
  const sink = sinkOf(ctx.node);
  // `createdHere: true`: only a writer this function created, in a function that answers no error.
  if (ctx.params["createdHere"] === true && !createdHereWithoutErrorResult(ctx.node, sink)) return [];
  if (ctx.node.kind() === "defer_statement" && !deferredTailLost(ctx.node, sink)) return [];
  const fnText = outermostFunction(ctx.node)?.text() ?? "";
  const method = ctx.rule.language === "rust" ? rustMethodOf(ctx.node) : "";
  if (!writeMatters(ctx.node.text(), sink, fnText, ctx.rule.language, method)) return [];
  // Settled elsewhere in the function, or unable to lose anything by the library's contract (go-settled.ts, rs-settled.ts).
  if (ctx.rule.language === "go" ? goSettled(ctx.node, ctx.file.content) : ctx.rule.language === "rust" && rsSettled(ctx.node, ctx.file.content)) return [];
  // A bare Close of a plain file (not a wrapper writing a format's tail): nothing to lose when nothing was written or
  // when it is a pipe's end; a lead when the file was written (the panels upheld 0 of 12 such claims, and both
  // `NewWriter` wrappers' tails).
  const closed = ctx.rule.id === "go-unchecked-close" && ctx.node.kind() !== "defer_statement" ? goClosedSink(ctx.node, sink) : null;
  if (closed === "pipe" || closed === "unwritten") return [];
  const hits = swallowedCheck(ctx);
  if (ctx.rule.language === "rust" && hits.length && mustUseAllowed(ctx.node, ctx.file.content)) return hits.map((h) => (h.lead ? h : { ...h, lead: MUST_USE_LEAD }));
  // A file's Close whose failure the function then answers as success stays a claim, a comment or not: `return path,
  // nil` or the error an earlier write left (`encErr := jpeg.Encode(f, img); f.Close(); return encErr`), and, as the
  // very next statement on any branch, `return p, nil` or a publication of the file (`tmp.Close(); return
  // os.Rename(tmp.Name(), path)`: an atomic save whose truncated file takes the real one's place).
  const next = closed === "file" ? nextStatement(guardedStatement(ctx.node))?.text() ?? "" : "";
  const answersAtOnce = /^\s*return\s+os\.Rename\(/.test(next) || /^\s*return\b[^\n]*\bnil\s*$/.test(next);
  const answeredAsSuccess = ctx.rule.language === "go" && ctx.file.placeAt(ctx.node.range().start.line) !== "test" && (answersAtOnce || closedAfterWriting(ctx.node, ctx.node.text(), "go"));
  if (closed === "file" && !answeredAsSuccess) return hits.map((h) => (h.lead ? h : { ...h, lead: FILE_CLOSE_LEAD }));
  // A comment can say why the caller goes on ("best effort"), not why the written file's last failure, the one
  // Close reports, is answered as success.
  if (!hits.length && answeredAsSuccess) {
    return [{ region: regionOf(ctx.node), message: `${ctx.rule.message}: the comment says why the caller goes on, not why a failed Close of the written file is answered as success` }];
  }
  return hits;
}
