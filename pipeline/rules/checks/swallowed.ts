// swallowed-error: where an error dies, a comment is a claim, not a reason; in tests only a swallowed assertion counts.
import type { SgNode } from "@ast-grep/napi";
import { runtimeAssertion } from "../assertions";
import type { GrammarLanguage } from "../rule-spec";
import { ancestor, guardedStatement, nextStatement } from "../syntax";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import { insideDrop } from "./inside-drop";
import { removes, removesExisting, removesHanded } from "./removes-existing";
import { inLoggingEmit, inRaisingHandler } from "./error-path";
import { nativeProbe, parseProbe, testedFallback } from "./fallback";
import { preparesPath } from "./preparation";
import { handledSentinel } from "./sentinel";
import { toldSent } from "./told-sent";
import { browserEvidence } from "./browser-code";
import { cancelsStream, releasesOnly, releaseThenDrop } from "./teardown";

const STATEMENT = /(_statement|_declaration|^expression_statement|^let_declaration|^assignment)$/;

/** The code whose failure is swallowed: the try block of a catch/except, else the enclosing statement. */
export function guardedCode(node: SgNode): SgNode {
  const parent = node.parent();
  if (parent && /^try_statement$/.test(String(parent.kind())) && /catch_clause|except_clause/.test(String(node.kind()))) {
    return (parent.field("body" as never) as SgNode | null) ?? parent;
  }
  let stmt: SgNode = node;
  for (let n: SgNode | null = node; n; n = n.parent()) {
    if (STATEMENT.test(String(n.kind()))) { stmt = n; break; }
  }
  // `err := save(); if err != nil {}`: the failing call is the statement before the empty branch.
  if (stmt.kind() === "if_statement" && !stmt.field("initializer" as never)) {
    const prev = stmt.prev();
    if (prev && !/comment/.test(String(prev.kind()))) return prev;
  }
  return stmt;
}

/** Comments inside the handler, trailing its line, or on the lines just above the statement. */
export function handlerComments(node: SgNode, guarded: SgNode, lines: readonly string[], lang: GrammarLanguage): string[] {
  const kinds = lang === "rust" ? [{ kind: "line_comment" }, { kind: "block_comment" }] : [{ kind: "comment" }];
  const out = node.findAll({ rule: { any: kinds } }).map((c) => c.text());
  const start = Math.min(node.range().start.line, guarded.range().start.line);
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    const l = lines[i]!.trim();
    if (/^(\/\/|#(?!\[)|\/\*|\*|--)/.test(l)) out.push(l);
    else break;
  }
  const same = lines[node.range().end.line] ?? "";
  const trailing = /(\/\/|#(?!\[))\s*(.*)$/.exec(same.slice(Math.max(0, node.range().end.column - 1)));
  if (trailing) out.push(trailing[0]);
  return out;
}

/**
 * Calls that persist or audit: the failure of these is what a forensic reviewer must not lose. A bare
 * `write` is transmission as often as storage (a response stream, a socket: failing means the reader left),
 * so only file writes count (`writeFile`, `write_text`, `write_all`) or writes to something opened for writing.
 */
const PERSISTS = /(?:^|[.\s(!:])(write(File|Sync|_text|_bytes|_file|_all)\w*|save\w*|insert\w*|update\w*|upsert\w*|commit\w*|persist\w*|store\w*|put\w*|append\w*|flush\w*|sync\w*|record\w*|audit\w*|journal\w*|ledger\w*|charge\w*|credit\w*|debit\w*|refund\w*|transfer\w*|publish\w*|enqueue\w*|send_?(mail|email)\w*|run[mM]utation|exec(?!Sync\b|FileSync\b|File\b)\w*|execute\w*|set_?item|fsync|rename|dump)\s*[(!]/i;
/** Opening a file to write it (`open(path, "w")`, `open(p, mode="a")`). */
const OPENS_FOR_WRITING = /\bopen\s*\([^)]*["'][wax]b?\+?["']|\bcreateWriteStream\s*\(|\bFile::create\b|\bos\.(Create|OpenFile)\b/;

/** A SQL statement that changes rows, wherever it is sent from (`self.run("INSERT INTO audit ...")`). */
const SQL_WRITE = /["'`]\s*(INSERT\s+INTO|UPDATE\s+[\w."]+\s+SET|DELETE\s+FROM|REPLACE\s+INTO|MERGE\s+INTO)\b/i;
/** An HTTP request that changes state elsewhere (`fetch(url, { method: "POST" })`, `requests.post(`, `http.Post(`). */
const HTTP_WRITE = /\bmethod\s*[:=]\s*["'`](POST|PUT|PATCH|DELETE)["'`]|\b(requests|httpx|axios|client|session|http)\.(post|put|patch|Post|PostForm)\s*\(/;

/** A model class creating or removing its rows (`TicketEvent.create({..})`, `Invoice.objects.create(..)`, `User.destroy(..)`). */
const MODEL_WRITE = /(?:\b[A-Z]\w*|\bobjects)\s*\.\s*(create|create_many|bulk_create|get_or_create|update_or_create|destroy|delete)\s*\(/;

/** An ORM's write on a record or session (`invoice.save(..)`, `session.add(..)`, `obj.delete()`). */
const ORM_WRITE = /\.\s*(save|delete|create|bulk_create|bulk_update|update|add|add_all|merge|flush|commit)\s*\(/;
/** A call named for keeping something (`self.decisions.record(..)`, `store_event(..)`); not a list's `append` or a dict's `update`. */
const NAMED_WRITE = /(?:^|[.\s(])(save|insert|upsert|commit|persist|record|store|write)\w*\s*\(/;
/** A handler naming the database's own failure (`except DatabaseError:`, `SQLAlchemyError`, `psycopg.OperationalError`, `sqlite3.Error`). */
const DATABASE_ERROR = /^except[^:]*\b(\w*Database\w*Error|SQLAlchemyError|OperationalError|DBAPIError|(?:Postgres|Psycopg|MySQL|Sqlite|Mongo|Redis)\w*Error|(?:sqlite3|psycopg2?|pymysql|MySQLdb|asyncpg|aiosqlite)\.\w*Error)\b/;

/**
 * An edit of an HTTP message's headers in memory (pingora's `resp.insert_header(k, v)`, `append_header`, http's
 * `headers_mut().insert(..)`): it fails only on a malformed name or value and stores nothing, so `insert`/`append`
 * there are no durable write. Only on a receiver named for a request, a response, a header map or a message: a
 * database's `tx.append_header(&inv.header)` or `conn.insert_header_row(..)` is a write.
 */
const HEADER_EDIT = /\b\w*(?:req|request|resp|response|res|header|headers|msg|message)\w*\s*\.\s*(?:insert|append|set|add)_header\s*\(|\bheaders(?:_mut\(\))?\s*\.\s*(?:insert|append)\s*\(/gi;

/** The browser's own storage (`localStorage.setItem(..)`): it throws in private mode and holds a UI preference, not a record. */
const BROWSER_STORAGE = /\b(?:window\.)?(?:localStorage|sessionStorage)\s*\.\s*(?:setItem|removeItem|clear)\s*\(/g;

/**
 * A call named for money owed or moved (`sails.helpers.payments.refund(..)`, `doc.create_late_fee_invoice(..)`,
 * `h.Billing.CreateInvoice(..)`, `self.create_deposit_payment_request()`): a lost one is a customer charged and not
 * refunded, or never billed.
 */
const MOVES_MONEY = /(?:^|[.\s(!:_])(?:\w*_)?(refund|invoice|payment|payout|deposit|billing)\w*\s*\(|[a-z](Refund|Invoice|Payment|Payout|Deposit)\w*\s*\(|\.\s*(Refund|Invoice|Payment|Payout|Deposit|Billing)\w*\s*\.\s*\w+\s*\(|\.\s*(refunds?|invoices?|payment\w*|payouts?)\s*\.\s*\w+\s*\(/;
export const movesMoney = (code: string): boolean => MOVES_MONEY.test(code);

/** A notice sent to a person: a mail, a notification, a receipt. */
export const SENDS_NOTICE = /(?:^|[.\s(])send\w*(?:mail|email|notification|receipt|invoice)\w*\s*\(|(?:^|[.\s(])notify_\w+\s*\(/i;

/** A call whose failure someone else relies on: a notice sent, an access revoked, a record created or destroyed. */
const ACTS_ON_OTHERS = /(?:^|[.\s(!:])(send\w*|notify\w*|emit\w*|dispatch\w*|deliver\w*|revoke\w*|invalidate\w*|cancel\w*|delete\w*|del|remove\w*|unlink\w*|rm|destroy\w*|create\w*|post|patch|track\w*|log\w*|report\w*|verify\w*|authori[sz]e\w*|authenticate\w*|initiali[sz]e\w*|init|mount\w*|install\w*|migrate\w*|grant\w*|add\w*Commands?|customi[sz]e\w*)\s*\(/i;
/**
 * The guarded code is that one cache write and nothing else (a try that also inserts an order is no cache fill), under
 * a key named for a cache but not for what must not be lost (a revoked token, a session, a lock).
 */
function cacheFillOnly(code: string): boolean {
  const one = code.replace(/\s+/g, " ").trim().replace(/^(try )?\{ ?/, "").replace(/ ?\}$/, "").replace(/\.catch\(.*\)\s*;?$/, "").replace(/;$/, "").trim();
  if (/;/.test(one.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""'))) return false;
  return CACHE_FILL.test(one) && !/token|session|revok|blacklist|blocklist|denylist|lock|nonce/i.test(one);
}

/** A name that says its function swallows on purpose: quietly, ignoring errors, best effort (not `setQuiet`, not OAuth's "silent" refresh). */
/**
 * A string literal opening with a writing statement's verb, however the statement goes on (`"INSERT INTO " + table`,
 * `"DELETE " + ..`): looser than SQL_WRITE, which needs the statement's next word (`INSERT INTO`, `UPDATE .. SET`).
 */
export const SQL_WRITE_VERB = /["'`]\s*(INSERT|UPDATE|DELETE|UPSERT|REPLACE)\b/i;
const QUIET_NAME = /(Quietly|_quietly|IgnoringErrors|_ignoring_errors|IgnoreErrors|_ignore_errors|BestEffort|_best_effort|NoThrow|_no_throw)(?![a-z])/;
/** The name of the function around a node (a declaration, a method, or the variable an arrow is bound to). */
function enclosingName(node: SgNode): string {
  const fn = ancestor(node, FUNCTION_KINDS);
  if (!fn) return "";
  const own = (fn.field("name" as never) as SgNode | null)?.text();
  if (own) return own;
  const holder = fn.parent();
  return holder?.kind() === "variable_declarator" ? (holder.field("name" as never) as SgNode | null)?.text() ?? "" : "";
}

/** An expiring write under a key named for a cache (`.set(cacheKey, v, 'EX', ttl)`, `.setex(CACHE_KEY, ..)`, `{ EX: ttl }`). */
const CACHE_FILL = /\.(set|setex|psetex)\s*\(\s*[\w$.`'"{}-]*cache[\w$.`'"{}-]*\s*,[^;]*?(['"](EX|PX)['"]|\b(EX|PX)\s*:|\.(setex|psetex)\s*\()|\.(setex|psetex)\s*\(\s*[\w$.`'"{}-]*cache/i;
/** A key-value store's writes (a rate limiter's `redis.incr(key)`, `expire`, `hset`). */
const KV_WRITE = /\.(incr\w*|decr\w*|expire\w*|hset\w*|hincrby\w*|lpush|rpush|sadd|zadd|setex|setnx|getset)\s*\(/i;
/** An ORM's combined writes (`findByIdAndUpdate`, `findOneAndDelete`, `bulkWrite`). */
const STATE_WRITE = /\.(find\w*And(Update|Delete|Remove|Replace)|bulkWrite|bulk_write)\s*\(/;
/** The statement after the swallow answers success (`res.json({ ok: true })`, a 200/201). */
function answersOk(node: SgNode): boolean {
  const next = nextStatement(guardedStatement(node))?.text() ?? "";
  return /\b(ok|success)\s*:\s*true\b|\bstatus\(\s*20[01]\s*\)|sendStatus\(\s*20[014]\s*\)/.test(next);
}
/**
 * What such swallows guard on the labelled panels: releasing or quieting something (a close, an unsubscription, a
 * listener removed), a cosmetic or speculative act (a focus, a prefetch, a typing indicator, a heartbeat, a refresh).
 * The corpora's defects under no-op catches are pushes, queued jobs, marks and acks, which stay claims.
 */
const BEST_EFFORT = /\.(close|dispose|unregister\w*|off|removeListener|removeEventListener|unsubscribe|unwatch|prefetch\w*|preload\w*|focus|blur|select|scrollIntoView|sendTyping|sendChatAction|typing|heartbeat|ping|refresh\w*|reload|play|pause|kill|terminate|stop|end|abort|destroy|disconnect)\s*\(/;
const NOOP_LEAD = "a no-op handler written around a call that neither persists, audits, moves money nor tells anyone: whether its failure matters is for the models to judge";

export function persistsOrAudits(code: string): boolean {
  code = code.replace(BROWSER_STORAGE, "storage_ui(").replace(HEADER_EDIT, "header_edit(");
  // An audit record in any spelling: `audit(..)`, and a call named for one (`writeAudit(..)`, `record_audit(..)`; a
  // field such as `usedAuditTrial` is no record).
  return PERSISTS.test(code) || MODEL_WRITE.test(code) || OPENS_FOR_WRITING.test(code) || /\baudit/i.test(code) || /(?:[a-z]Audit|_audit)\w*\s*\(/.test(code) || SQL_WRITE.test(code) || HTTP_WRITE.test(code);
}

/**
 * A durable write, by what the code sends rather than by a verb: a statement that changes rows, a file
 * opened for writing or written whole, a commit. Stricter than persistsOrAudits (no `update(`/`append(`,
 * which dicts and lists answer too), for handlers that name one exception class.
 */
/**
 * A state-changing call on a database handle or repository (`db.mark_transferred(conn, id, ref)`, `self.repo.save(x)`,
 * `store.Delete(k)`): the driver's error is every failure of the write. A read by its verb (`db.fetch_user(..)`) is not one.
 */
const STORE_WRITE = /(?:^|[.\s(&*])(?:\w*_)?(db|database|repo|repository|store|dao)s?\s*(?:\.|::)\s*(?!(?:get|fetch|find|list|load|select|query|read|count|exists?|search|lookup|is|has)(?:_|[A-Z]|\b))[A-Za-z_]\w*\s*\(/;

export function durableWrite(code: string): boolean {
  return SQL_WRITE.test(code) || STORE_WRITE.test(code) || OPENS_FOR_WRITING.test(code) || /(?:^|[.\s(])(write(File|Sync|_text|_bytes|_file|_all)\w*|commit|fsync)\s*\(/.test(code);
}

/**
 * The next statement propagates an error or gives up: `return Err(e)`, `return err`, `return nil,
 * fmt.Errorf(..)`, `raise`, `throw`, a Rust macro named for failing (`bail!(..)`, `err!(..)`: they expand to
 * `return Err`), or `return None` (an Option function reporting that there is nothing).
 */
const PROPAGATES = /^(return\s+(Err\(|err\w*\b|nil\s*,\s*err|None\s*;?$|[^;\n]*\b(Errorf|errors\.New|Error)\b|(?:[^,\n]+,\s*)+\w*[eE]rr\w*\s*;?$|[^;\n]*\w(?:Error|Err)\s*\([^;\n]*(?<![\w.])err\w*\b)|raise\b|throw\b)|^Err\(|^(\w+::)*(bail|err|fail)!\s*\(/;

/**
 * Cleanup on an error path: the swallowed call only removes, closes or rolls back, and the next statement
 * propagates the error that matters (`let _ = fs::remove_file(&tmp); return Err(e);`).
 */
function cleanupBeforePropagating(guarded: SgNode): boolean {
  const next = nextStatement(guardedStatement(guarded));
  return !!next && PROPAGATES.test(next.text().trim()) && !persistsOrAudits(guarded.text());
}

const BRANCH_LOOP = /^(for_statement|for_expression|while_statement|while_expression|loop_expression)$/;

/**
 * Cleanup on a failing branch (Go, Rust): the swallow sits in a block (or a loop inside it) that ends by
 * propagating an error (`if err != nil { f.Close(); _ = os.Remove(tmp); return fmt.Errorf("copy: %w", err) }`,
 * `for p in &stored { let _ = storage.delete(p).await; } return Err(..)`). The function is already failing and
 * says so; what the swallowed call could add is a second failure of work being thrown away. A swallow that
 * persists or audits stays reported: a failure's record is not cleanup.
 */
function cleanupOnFailingBranch(guarded: SgNode): boolean {
  if (persistsOrAudits(guarded.text())) return false;
  let stmt: SgNode | null = guardedStatement(guarded);
  for (let hops = 0; stmt && hops < 4; hops++) {
    let block: SgNode | null = stmt.parent();
    // Rust wraps a loop used as a statement in an expression_statement.
    if (block?.kind() === "expression_statement") { stmt = block; block = block.parent(); }
    if (!stmt || !block || !/^(block|statement_list)$/.test(String(block.kind()))) return false;
    const owner: SgNode | null | undefined = block.kind() === "statement_list" ? block.parent()?.parent() : block.parent();
    if (owner && BRANCH_LOOP.test(String(owner.kind()))) { stmt = owner; continue; }
    const last = block.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).at(-1);
    if (last && last.id() === stmt!.id()) return failureReturnedAfter(block);
    return !!last && PROPAGATES.test(last.text().trim());
  }
  return false;
}

/**
 * The swallow ends a branch that handles an error (`if err = tx.Commit(); err != nil { _ = tx.Rollback() }`), and
 * the statement after that branch returns the same error (`return err`): the failure that matters reaches the
 * caller, and the swallowed call is cleanup on its way out.
 */
function failureReturnedAfter(block: SgNode): boolean {
  const body = block.kind() === "statement_list" ? block.parent() ?? block : block;
  const err = handledError(body);
  const branch = body.parent();
  if (!err || !branch || !/^if_(statement|expression)$/.test(String(branch.kind()))) return false;
  if (branch.children().some((c) => /^(else_clause|elif_clause)$/.test(String(c.kind()))) || (branch.field("alternative" as never) as SgNode | null)) return false;
  const next = nextStatement(branch)?.text().trim() ?? "";
  return PROPAGATES.test(next) && new RegExp(`(?<![\\w.])${err}(?![\\w(])`).test(next);
}

/** The error an enclosing branch handles: `if err != nil {` (Go), `Err(e) =>` or `if let Err(e) = ..` (Rust). */
function handledError(block: SgNode): string | null {
  const owner = block.parent();
  if (!owner) return null;
  const head = owner.kind() === "match_arm" ? (owner.field("pattern" as never) as SgNode | null)?.text() ?? ""
    : /^if_(statement|expression)$/.test(String(owner.kind())) ? (owner.field("condition" as never) as SgNode | null)?.text() ?? "" : "";
  return /^(\w*err\w*)\s*!=\s*nil$/i.exec(head.trim())?.[1] ?? /^(?:let\s+)?Err\s*\(\s*(\w+)\s*\)/.exec(head.trim())?.[1] ?? null;
}

/**
 * A follow-up on an error already reported: the swallow sits in the branch that handles another error,
 * after a statement that logs or reports that error (`logger.Warn("notify failed", "error", err)` then
 * `_ = markFailed(ctx)`). The failure that matters is on record; what is dropped is a marker of it.
 */
function afterReported(guarded: SgNode): boolean {
  const block = guarded.parent();
  if (!block || !/^(block|statement_list)$/.test(String(block.kind()))) return false;
  const branch = block.kind() === "statement_list" ? block.parent() : block;
  const err = branch && handledError(branch);
  if (!err) return false;
  // ... unless the branch then answers success (`_, _ = db.ExecContext(ctx, "INSERT INTO dead_letter ..")` then `return
  // nil`, acknowledging the message): the error was logged and let go, and the dropped write was its only keeping.
  const next = nextStatement(guardedStatement(guarded));
  if (next && /^return(\s+nil(\s*,\s*nil)*)?\s*;?$/.test(next.text().trim()) && (persistsOrAudits(guarded.text()) || SQL_WRITE_VERB.test(guarded.text()))) return false;
  const uses = new RegExp(`(?<![\\w.])${err}(?![\\w(])`);
  for (let prev = guarded.prev(); prev; prev = prev.prev()) {
    const t = prev.text();
    const callee = /^([\w.:]+)\s*[!(]/.exec(t.trim())?.[1] ?? "";
    if (!/comment/.test(String(prev.kind())) && uses.test(t) && /log|warn|error|report|capture|alert|print|trace/i.test(callee)) return true;
  }
  return false;
}

/** Verbs that drop a connection or a peer. */
const TEARDOWN = /\.(disconnect|destroy|terminate|kill|abort|unsubscribe|close|end|hangup)\s*\(/;

/**
 * Tearing down a peer being dropped: every statement is a call on one receiver, one of them ends it
 * (`socket.emit("bye"); socket.disconnect()`), nothing persists. Failing there means the peer is gone.
 */
function teardownOfOne(guarded: SgNode): boolean {
  if (!/block/.test(String(guarded.kind()))) return false;
  const stmts = guarded.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  if (!stmts.length) return false;
  const receivers = new Set(stmts.map((st) => /^(?:await\s+)?([\w$.]+?)\.\w+\s*\(/.exec(st.text().trim())?.[1] ?? "\0"));
  return receivers.size === 1 && !receivers.has("\0") && stmts.some((st) => TEARDOWN.test(st.text())) && !persistsOrAudits(guarded.text());
}

/** Reads, fetches or parses input: a failure there is data lost, not an unavailable feature. */
const READS_INPUT = /\b(JSON\.parse|parse\w*|\w+\.parse\w*|decode\w*|loads?|read\w*|deserialize\w*|unmarshal\w*|fromJSON|get|fetch|request|query|execute|send|recv|post|json)\s*\(/i;

const LOOP = /^(for_statement|while_statement|do_statement)$/;
const FUNCTION = /^(function_declaration|function_expression|arrow_function|method_definition|generator_function_declaration|function_definition|lambda|class_declaration|class_definition|class)$/;
/** A loop that only a statement in its body can end: `for (;;)`, `for (let n = 0; ; n++)`, `while (true)`, `while True:`. */
function unbounded(loop: SgNode): boolean {
  const cond = loop.field("condition" as never) as SgNode | null;
  if (loop.kind() === "for_statement") return !!cond && cond.kind() === "empty_statement";
  return !!cond && /^\(?\s*(true|True|1)\s*\)?$/.test(cond.text());
}

/** `node` leaves `loop`: a return, throw or raise of the loop's own function, or a break of the loop itself. */
function exits(node: SgNode, loop: SgNode): boolean {
  const isBreak = node.kind() === "break_statement";
  for (let n = node.parent(); n; n = n.parent()) {
    if (n.id() === loop.id()) return true;
    const k = String(n.kind());
    if (FUNCTION.test(k)) return false;
    if (isBreak && !node.field("label" as never) && (LOOP.test(k) || /^(switch_statement|for_in_statement)$/.test(k))) return false;
  }
  return false;
}

/**
 * A retry with no way out but success: the try sits in an unbounded loop and nothing in that loop outside
 * the try exits it, so after the empty handler control only comes back to the try. There is no fallback
 * (the code after the catch a probe falls back to) and no bound: every failure is retried forever, unseen.
 */
function retriesForever(guarded: SgNode, lang: GrammarLanguage): boolean {
  const attempt = guardedStatement(guarded);
  let loop: SgNode | null = null;
  for (let n = attempt.parent(); n && !loop; n = n.parent()) {
    const k = String(n.kind());
    if (FUNCTION.test(k) || k === "for_in_statement") return false;
    if (LOOP.test(k)) loop = n;
  }
  if (!loop || !unbounded(loop)) return false;
  const span = attempt.range();
  const kinds = ["break_statement", "return_statement", lang === "python" ? "raise_statement" : "throw_statement"];
  const ways = loop.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } });
  return !ways.some((w) => (w.range().start.index < span.start.index || w.range().start.index >= span.end.index) && exits(w, loop!));
}

/**
 * A statement that only computes a value: a return, a declaration, an assignment, or an `if` guarding
 * only such statements (`if value is not None: value = value.replace(tzinfo=utc)`).
 */
function computesOnly(st: SgNode): boolean {
  const k = String(st.kind());
  if (k === "return_statement" || k === "lexical_declaration" || k === "variable_declaration") return true;
  if (k === "if_statement" && !st.field("alternative" as never)) {
    const body = (st.field("consequence" as never) as SgNode | null);
    const inner = body ? (/block/.test(String(body.kind())) ? body.namedChildren() : [body]).filter((c) => !/comment/.test(String(c.kind()))) : [];
    return inner.length > 0 && inner.every(computesOnly);
  }
  return k === "expression_statement" && /^(assignment|assignment_expression|augmented_assignment)$/.test(String(st.child(0)?.kind()));
}

/** computesOnly, or binds a name: an import, or a `with` block that only computes (`with open(p) as f: head = f.read(64)`). */
function computesOrBinds(st: SgNode): boolean {
  const k = String(st.kind());
  if (/^(import_statement|import_from_statement)$/.test(k)) return true;
  if (k === "with_statement") {
    const body = st.field("body" as never) as SgNode | null;
    const inner = body ? body.namedChildren().filter((c) => !/comment/.test(String(c.kind()))) : [];
    return inner.length > 0 && inner.every(computesOrBinds);
  }
  return computesOnly(st);
}

/**
 * A probe: the try block only computes a value it assigns or returns (`AsyncLocalStorage = probe()`,
 * `return performance.now()`, `tz = Intl.DateTimeFormat()...`), reading no input and persisting
 * nothing; the code after the catch is the fallback. Feature detection, not a swallowed failure. A try
 * retried forever by its loop (`for (;;) { try { return await fn() } catch {} }`) has no fallback.
 */
export function isProbe(guarded: SgNode, lang: GrammarLanguage): boolean {
  if (retriesForever(guarded, lang)) return false;
  // `with suppress(Exception): return cls(obj)`: the with block is the guarded code.
  if (guarded.kind() === "with_statement") guarded = (guarded.field("body" as never) as SgNode | null) ?? guarded;
  if (!/block/.test(String(guarded.kind()))) return false;
  const stmts = guarded.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  if (!stmts.length) return false;
  const valueOnly = stmts.every(computesOnly);
  const text = guarded.text();
  if (persistsOrAudits(text)) return false;
  if (valueOnly && !READS_INPUT.test(text) && !removes(text)) return true;
  // A parse of a value in memory with something to go on with, or a fallback assigned before and tested after.
  return parseProbe(guarded, computesOnly) || testedFallback(guarded, lang, computesOrBinds) || (lang === "python" && nativeProbe(guarded));
}

/** A method that makes, marks or removes a record (`marketplace.createVendorSales(..)`, `registry.MarkComplete(..)`). */
const RECORD_CALL = /\.([cC]reate|[mM]ark|[aA]dd|[dD]elete|[rR]emove|[rR]egister)[A-Z_]\w*\s*\(/;

/** Go: the nearest loop around the node runs forever or on a ticker's channel (`for {`, `for range t.C`). */
function inRetryLoop(node: SgNode): boolean {
  for (let n = node.parent(); n; n = n.parent()) {
    const k = String(n.kind());
    if (/^(func_literal|function_declaration|method_declaration)$/.test(k)) return false;
    if (k !== "for_statement") continue;
    const head = n.text().slice(0, n.text().indexOf("{"));
    return /^for\s*$/.test(head.trim()) || /^for\s+range\s+[\w.]*\.C\s*$/.test(head.trim()) || /\bcase\s*<-\s*[\w.]*\.C\s*:/.test(n.text());
  }
  return false;
}

const FUNCTION_KINDS = /^(function_declaration|function_definition|method_definition|method_declaration|arrow_function|function_expression|function|func_literal|lambda)$/;

/** The guarded code returns from the handler's own function (not from a callback inside it: `rows.forEach((r) => { return })`). */
function returnsFromLoop(guarded: SgNode, node: SgNode): boolean {
  const own = ancestor(node, FUNCTION_KINDS);
  return guarded.findAll({ rule: { kind: "return_statement" } }).some((r) => ancestor(r, FUNCTION_KINDS)?.id() === own?.id());
}

/** The handler's body: a catch or except block, or a Go error branch's consequence. */
function handlerBody(node: SgNode): SgNode | null {
  const kind = String(node.kind());
  if (kind === "catch_clause") return node.field("body" as never) as SgNode | null;
  if (kind === "except_clause") return node.children().find((c) => c.kind() === "block") ?? null;
  if (kind === "if_statement") return node.field("consequence" as never) as SgNode | null;
  return null;
}

/** The handler's body without comments and braces: `continue`, `return;`, `pass`, ... */
const leaveOf = (node: SgNode): string => handlerBody(node)?.text().replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*/g, "").replace(/^\{|\}$/g, "").trim() ?? "";

const BROWSER_LEAD = "runs in the user's browser and writes nothing: a UI's best-effort step as often as a lost failure";

/** A handler whose only statement leaves: `continue`, or `return` with no value (`return None` in Python). */
const ONLY_LEAVES = /^(continue|return(\s+None)?)\s*;?$/;

/**
 * A swallow is reported unless it ends a probe (feature detection with a fallback), cleans up before the
 * error that matters is propagated, tears down a peer being dropped, or a comment gives a reason; on a path
 * that persists or audits no comment is a reason. A narrow handler (`narrow`) counts only on such a path.
 * In test code a swallow is reported only when it swallows the test's own assertion (`try { ...;
 * expect(x) } catch {}`): exercising an error path is what tests do. Rust's `Drop::drop` returns
 * nothing: a result discarded there had nowhere to go.
 */
export function swallowedCheck({ node, file, rule, params }: CheckContext): Hit[] {
  if (rule.language === "rust" && insideDrop(node)) return [];
  // `const doc = await find(id).catch(() => null); if (!doc) ...`: the failure became a value that is tested.
  if (rule.language === "typescript" && node.kind() === "call_expression" && handledSentinel(node)) return [];
  const guarded = guardedCode(node);
  if ((rule.language === "typescript" || rule.language === "python") && isProbe(guarded, rule.language) && !toldSent(guarded)) return [];
  const place = file.placeAt(node.range().start.line);
  if (place === "test" && !runtimeAssertion(guarded.text(), rule.language)) return [];
  // A function named for swallowing (`deleteFileQuietly`, `close_ignoring_errors`, `flushBestEffort`): its callers chose
  // the quiet version by its name, the way they would pass `ignore_errors=True`.
  if (QUIET_NAME.test(enclosingName(node))) return [];
  // A cache filled with an expiry (`redis.set(REVENUE_CACHE_KEY, JSON.stringify(result), 'EX', ttl)`): when the fill
  // fails the next read misses and computes the value again; nothing anyone relies on is lost.
  if (cacheFillOnly(guarded.text())) return [];
  if (cleanupBeforePropagating(guarded) || teardownOfOne(guarded) || afterReported(guarded)) return [];
  if ((rule.language === "go" || rule.language === "rust") && cleanupOnFailingBranch(guarded)) return [];
  // Cleanup in a handler that then raises (`except OSError as e: try: os.unlink(tmp) except: pass; raise ..`).
  if (!persistsOrAudits(guarded.text()) && inRaisingHandler(guardedStatement(guarded))) return [];
  // `logging.Handler.emit` must not raise (the logging module's contract); a durable write there still counts.
  if (rule.language === "python" && inLoggingEmit(node) && !durableWrite(guarded.text())) return [];
  // `await mkdir(dir, { recursive: true }).catch(() => {}); await writeFile(join(dir, f), b)`: the write surfaces it.
  if (!persistsOrAudits(guarded.text()) && preparesPath(guarded)) return [];
  // `durable: true`: a handler naming one exception class counts only around a durable write.
  // ... or one naming the database's own error around a save (`except DatabaseError:` around `invoice.save(..)`): the
  // class says the write is what failed.
  // ... or a database driver's error around a call named for writing (`self.decisions.record(..)` under `except
  // sqlite3.Error: pass`): the driver's error is the write's failure.
  // ... or a notice the code owes someone (`client.send_confirmation_email(ref, "cancellation")` under `except
  // (HotelApiError, RequestException): pass`): the guest is told it is done and gets no record of it.
  // ... or a notice the code then says it sent (`except PagerError: pass`, then `return f"Paged {target}"`).
  if (params["durable"] === true && !durableWrite(guarded.text()) && !SENDS_NOTICE.test(guarded.text()) && !toldSent(guarded) && !(DATABASE_ERROR.test(node.text()) && (ORM_WRITE.test(guarded.text()) || NAMED_WRITE.test(guarded.text())))) return [];
  // Money owed or moved (a refund, an invoice, a payment request) is a record too, kept by someone else.
  const persists = persistsOrAudits(guarded.text()) || movesMoney(guarded.text());
  // A handler that only leaves (`continue`, a bare `return`) skips the item or ends the call: a parse or probe that
  // failed as often as a lost failure. Only a write, a record or money it skips past is a claim.
  const leave = leaveOf(node);
  const onlyLeaves = ONLY_LEAVES.test(leave);
  if (!persists && !RECORD_CALL.test(guarded.text()) && onlyLeaves) return [];
  // `for (const prefix of prefixes) { try { ..; return found } catch { continue } }`: the loop tries alternatives
  // until one answers; a failed one is the reason to try the next, and the loop's end says none did.
  if (onlyLeaves && /^continue\b/.test(leave) && returnsFromLoop(guarded, node)) return [];
  // Go: `continue` in a loop that retries (`for {` or `for range ticker.C`, a select on a ticker) tries the same work
  // again on the next turn; it skips no item.
  if (rule.language === "go" && onlyLeaves && inRetryLoop(node)) return [];
  // A narrow handler (`except OSError: pass`) names an expected failure; it loses data only on a write.
  const narrow = params["narrow"];
  // ... or on removing a file it found: OSError is every way a delete fails, not only "already gone".
  if (typeof narrow === "string" && new RegExp(narrow).test(node.text()) && !persists && !removesExisting(guarded) && !toldSent(guarded)) return [];
  const comments = handlerComments(node, guarded, file.lines, rule.language);
  // Release and teardown (a temp path removed, a socket shut down, a unit task joined, a flush into memory):
  // nothing relied on is lost. Each shape names its call, so a write, commit or stored delete never passes.
  // Asked last, of what would be reported: it reads declarations across the function and the file.
  if (releasesOnly(guarded, node, rule.language, file.content)) return [];
  if (rule.language === "typescript" && releaseThenDrop(guarded)) return [];
  if (rule.language === "typescript" && cancelsStream(guarded, file.content)) return [];
  // On a path that persists or audits, nothing excuses leaving no trace: a comment can say why the
  // caller goes on ("best effort", "must never break the request"), not why the lost write goes unrecorded.
  if (persists) return [{ region: regionOf(node), ...(comments.length ? { message: `${rule.message}: the comment says why the caller goes on, not why the lost write leaves no trace` } : {}) }];
  // In a user interface a swallow that writes nothing (a drag payload, a clipboard fallback, a UI preference) is a
  // UI's best effort far more often than a lost failure: panels 26-31 upheld 4 of 107 such leads, so none is made. A
  // browser global alone (a server's HTML string can hold `document.location`) keeps the lead.
  const browser = rule.language === "typescript" ? browserEvidence(file.path, file.content) : null;
  if (browser) return browser === "ui" || comments.length ? [] : [{ region: regionOf(node), lead: BROWSER_LEAD }];
  // `leadUnlessPersists`: a swallow its author wrote out (`.catch(() => {})`, an empty `catch {}`) around a release or a
  // cosmetic act (BEST_EFFORT: a close, an unsubscription, a focus, a prefetch, a typing indicator) that neither
  // persists, moves money, writes a counter nor acts on others, and is not answered as success, is a lead: panels 30-36
  // upheld 1 of 33 `.catch` claims, nearly all around such acts; the corpora plant theirs on what must not be lost.
  if (params["leadUnlessPersists"] === true && !comments.length && BEST_EFFORT.test(guarded.text()) && !ACTS_ON_OTHERS.test(guarded.text()) && !KV_WRITE.test(guarded.text()) && !STATE_WRITE.test(guarded.text()) && !answersOk(node)) return [{ region: regionOf(node), lead: NOOP_LEAD }];
  if (!comments.length) return [{ region: regionOf(node) }];
  // Removing what the function was handed is its work: a comment naming one outcome does not excuse hiding all.
  if (removesHanded(guarded)) return [{ region: regionOf(node), message: `${rule.message}: the comment names one outcome of the removal, the handler hides every failure of it` }];
  return [];
}
