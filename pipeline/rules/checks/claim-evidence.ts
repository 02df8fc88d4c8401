// Claim or lead: what a swallowed-error match proves on its own, and what it only suggests.
//
// A dropped failure is a defect claim when the code shows why the failure matters: the dropped call
// persists or audits (a write, a commit, a stored delete, an audit row, a state-changing request), ends a
// transaction, goes to a store, repository or queue, is followed by a success answer, or (Go and Rust,
// where ignoring an error is written out) has its error handled at other call sites of the repository:
// the code's own convention says it can fail and matters, and this site deviates. Anything else is a
// lead: kept as an info-level note that the models verify; `scrum eval` and the static verdict do not
// count it as a defect claim. On real repositories most dropped failures that are not writes are UI
// refreshes, terminal flushes, lossy sends and caches; reporting them all as defects is the noise that
// gets a reviewer switched off (docs/DECISIONS.md, "Claims and leads").
import type { SgNode } from "@ast-grep/napi";
import type { FileContext } from "../file-context";
import type { GrammarLanguage } from "../rule-spec";
import { ancestor, guardedStatement, nextStatement } from "../syntax";
import type { CheckRule, Deferred } from "./check";
import { closedAfterWriting } from "./discarded-write";
import type { Hit } from "./hit";
import { removesHanded } from "./removes-existing";
import { guardedCode, movesMoney, persistsOrAudits, SENDS_NOTICE } from "./swallowed";
import { toldSent } from "./told-sent";
import { outermostFunction } from "./teardown";
import type { Candidate } from "./unreferenced";

/**
 * Removing a stored thing (a record, a session, a token, an alias): a delete that failed leaves what was
 * meant to be gone. A filesystem removal is not one of these (temp files and caches are removed best-effort;
 * removing a path the function was handed is removesHanded's question).
 */
const REMOVES_STORED = /(?:^|[.\s(:])(delete|remove|destroy|purge|revoke|evict)\w*\s*(::<[^>]*>)?\s*[(!]/i;
const REMOVES_FILE = /\b(remove_file|remove_dir\w*|unlink\w*|rmtree|rmdir\w*|RemoveAll|rimraf|rm|rmSync|deleteAsync)\s*\(|\b(os|fs|fsp|shutil|std::fs|tokio::fs|afero)\s*(\.|::)\s*\w*\s*\(/i;
export function removesStored(code: string): boolean {
  return REMOVES_STORED.test(code) && !REMOVES_FILE.test(code);
}

/** A whole-file write through the filesystem API (`fs::write`, `tokio::fs::write`, `os.WriteFile`, `fs.writeFile`). */
const FILE_WRITE = /\b(fs|std::fs|tokio::fs|async_std::fs|fsp|fsPromises|os|ioutil)\s*(::|\.)\s*(write|WriteFile|writeFile|appendFile|append_file|copy|Rename|rename)\s*\(/;
/** An audit record in camelCase or snake_case (`store.writeAudit(`, `record_audit(`): persistsOrAudits reads `audit` as a word. */
const AUDIT_PART = /[a-z]Audit|_audit/;

/**
 * A call on a collaborator that holds state by its role (`self.repo.mark_closed(id)`, `self.store.set_state(..)`,
 * `s.queue.Ack(id)`, `h.orderStore.Cancel(..)`): whatever the verb, it changes what is stored or queued.
 */
const STATE_HOLDER = /(?:^|[.\s(&*])(?:\w*_)?(repo|repository|store|storage|db|database|dao|queue|ledger|journal|outbox)s?\s*(\([^()]*\))?\s*(\.|::)\s*[A-Za-z_]\w*\s*(::<[^>]*>)?\s*\(/i;
/** The same role as a camel-case suffix of the collaborator's name (`orderStore.`, `userRepo.`, `auditQueue.`). */
const STATE_HOLDER_SUFFIX = /[a-z](Repo|Repository|Store|Storage|DB|Dao|Queue|Ledger|Journal|Outbox)s?\s*(\([^()]*\))?\s*(\.|::)\s*[A-Za-z_]\w*\s*\(/;
/**
 * The call is handed a database connection, pool or transaction (`accept_invite(&uuid, &conn)`,
 * `Person::update(&mut context.pool(), ..)`, `store(ctx, tx, row)`): it works on stored state, whatever its name.
 */
const HANDED_CONNECTION = /[(,]\s*&?\s*(mut\s+)?([\w.]+\.)?(conn|connection|db|pool|tx|txn|transaction|executor)(\(\))?\s*[,)]/;
/** A transaction's commit (`tx.Commit()`, `db.commit()`, `txn.commit().await`): the write the rest relied on. */
/** A call that sends something (`.Send()`, `send_mail(`, `.SendEmail(`, `deliver(`). */
const SENDS = /(?:\.|::|^|[\s(])(send|Send|deliver|Deliver|dispatch|Dispatch)\w*\s*\(/;
/** A call that raises a notice by another verb: a pager's `trigger(..)`, `page(..)`, `notify(..)`, `alert(..)`. */
const NOTICE_CALL = /(?:\.|::|^|[\s(])(trigger|Trigger|page|Page|notify|Notify|alert|Alert)\w*\s*\(/;
/** A record that the send happened (`appt.ReminderSent = true`, `n.notified_at = now()`, `markSent(..)`, `mark_as_delivered`). */
const MARKED_DONE = /\b\w*(Sent|sent|Notified|notified|Delivered|delivered|Emailed|emailed|Mailed|mailed)(At|_at)?\b\s*(=|:=)\s*(true|True|time\.Now|now|Utc::now|new Date|Date\.now|datetime|timezone\.now)|\bmark_?(as_?)?(sent|notified|delivered)|\bmark(As)?(Sent|Notified|Delivered)\s*\(/;
const COMMITS = /(?:\.|::)\s*(?:Commit|commit)\s*\(/;
/** The end of a transaction (`tx.Rollback()`, `txn.rollback().await`): a failed one leaves it open, with its locks. */
const ENDS_TRANSACTION = /\b(tx|txn|transaction|trx)\w*\s*(\.|::)\s*(Rollback|rollback|abort|Abort)\s*\(/;

/**
 * After the drop, the caller is told it worked: within the next statements of the same block, a success
 * status is answered (`c.Status(http.StatusNoContent)`, `res.send(204)`, `Ok(HttpResponse::Created()..)`, a body
 * saying so: `json!({ "reloaded": true })`).
 * Whatever the dropped call was, its failure is now reported as success.
 */
const SUCCESS = /\b(Status(OK|Created|Accepted|NoContent)\b|StatusCode::(OK|CREATED|ACCEPTED|NO_CONTENT)\b|HttpResponse::(Ok|Created|Accepted|NoContent)\s*\(|HTTPStatus\.(OK|CREATED|ACCEPTED|NO_CONTENT)\b|HTTP_20[0-4]_|(status|sendStatus|send|WriteHeader|SendStatus|status_code)\s*[(=]\s*20[0-4]\b)|["'](?!failed|errored|rejected|denied|blocked|locked|disabled)(ok|success|[a-z_]+ed)["']\s*:\s*(true\b|\w*(count|total)\w*\s*[,}])/;
/**
 * ... or the outcome is written down: a record's status or state is assigned (`invoice.status = Status.REFUNDED`,
 * `job.state = "done"`): whatever the swallowed call was to do is now recorded as done.
 */
const RECORDS_OUTCOME = /^\s*(?!(?:this|self)\.(?:status|state)\b)(?:self\.|this\.)?[A-Za-z_]\w*\.(status|state)\s*=(?!=)/;
/** The (up to) three statements after the one a node stands for. */
function following(node: SgNode): SgNode[] {
  const out: SgNode[] = [];
  for (let stmt = nextStatement(guardedStatement(node)); stmt && out.length < 3; stmt = nextStatement(stmt)) out.push(stmt);
  return out;
}

/** ... or it is counted as done: the very next statement bumps a tally by one (`processed += 1`, `sent++`). */
const COUNTS_DONE = /^\s*[A-Za-z_][\w.]*\s*(\+=\s*1|\+\+)\s*;?\s*$/;

function answersSuccess(guarded: SgNode): boolean {
  const next = following(guarded);
  return next.some((stmt) => SUCCESS.test(stmt.text()) || RECORDS_OUTCOME.test(stmt.text())) || (!!next[0] && COUNTS_DONE.test(next[0].text()));
}

/**
 * ... unlike a drop whose very next statement answers the failure the path is on (`return fmt.Errorf("check: %w",
 * err)`, `return Err(e)`, `raise`): the caller is told it failed, and what was dropped is a second failure beside
 * the one reported (backrest's error hooks before returning the task's error).
 */
const ANSWERS_FAILURE = /^\s*(return\b[^\n]*(\berr\b|\bErr\s*\(|Errorf\s*\(|errors?\.\w+\s*\(|\w*Error\s*\()|raise\b|throw\b)/;
/**
 * ... and the drop sits in a branch that handles a failure (`if err != nil {`, `if let Err(e) = ..`, a `catch`/`except`,
 * an `Err(..) =>` arm): on the success path, `_ = t.log.Insert(audit); return err` returns whatever `err` holds.
 */
function inFailureBranch(node: SgNode): boolean {
  for (let n = node.parent(); n && !/^(function_declaration|method_declaration|function_item|function_definition|method_definition|arrow_function|func_literal|closure_expression)$/.test(String(n.kind())); n = n.parent()) {
    const kind = String(n.kind());
    if (/^(catch_clause|except_clause)$/.test(kind)) return true;
    if (kind === "match_arm" && /^\s*Err\s*\(/.test((n.field("pattern" as never) as SgNode | null)?.text() ?? "")) return true;
    if (/^(if_statement|if_expression)$/.test(kind) && /\b\w*[eE]rr\w*\s*!=\s*nil\b|\blet\s+Err\s*\(|\.is_err\(\)/.test((n.field("condition" as never) as SgNode | null)?.text() ?? "")) return true;
  }
  return false;
}
export const LEAD_FAILURE_PATH = "the drop sits on a failure path whose next statement answers the original error: the caller is told it failed, and whether the second failure matters is for the models to verify";

/**
 * An error logged and then carried on from (`evidence: lead`): the log line is a handling, and whether the caller
 * needed the failure is a judgement about consequence. Labelled panels 26 to 30 upheld 4 of 48 such claims
 * (best-effort caches, fan-outs that log each failure, cleanup retried next run); no corpus defect was one. A failed
 * commit or money movement stays a claim.
 */
export const LEAD_LOGGED = "the failure is logged before the function goes on: whether its caller needed to know is for the models to verify";
/** Why a dropped failure that neither persists nor audits is a lead, not a claim. */
export const LEAD_NOT_PERSISTING = "the dropped call neither persists nor audits, and nothing in the code says its failure matters";
export const LEAD_MAINTENANCE = "the dropped statement changes no rows (tuning, statistics, space reclaim or an index): its failure costs speed, not data";
/**
 * A SQL statement that changes no rows (`PRAGMA optimize`, `ANALYZE`, `VACUUM`, `REINDEX`, a WAL checkpoint, a
 * non-unique `CREATE INDEX`), and no statement beside it that does.
 */
const MAINTENANCE_SQL = /["'`]\s*(PRAGMA\b|ANALYZE\b|VACUUM\b|REINDEX\b|CHECKPOINT\b|CREATE\s+INDEX\b)/i;
const CHANGES_ROWS = /["'`]\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|UPSERT|ALTER|DROP|TRUNCATE|CREATE\s+(TABLE|UNIQUE))\b/i;
export function maintenanceOnly(code: string): boolean {
  return MAINTENANCE_SQL.test(code) && !CHANGES_ROWS.test(code);
}
export const LEAD_NON_BLOCKING = "a non-blocking send (try_send): the caller chose the variant that drops a message its receiver cannot take, and nothing it sends persists or audits";
const NON_BLOCKING_SEND = /^(try_send|try_broadcast|try_send_timeout)$/;
export const LEAD_CONVENTIONAL = "the repository calls this as a bare statement at every call site and checks it at none: by its own convention the call answers no error that matters";
export const LEAD_NOT_DEVIANT = "the dropped call neither persists nor audits, and no other call site of the repository handles its error";

/** A callee as other call sites spell it: the method and the segment before it (`Property.Put`, `meta.delete_hub_session`). */
export interface CalleeKey { prev: string | null; method: string }

/** Prefixes that discard or bind a Go/Rust result before the call: `_ =`, `_, _ =`, `let _ =`, `if err := `, `err = `. */
const BINDING = /^\s*(?:(?:let\s+)?_\s*(?:,\s*_\s*)*=|if\s+[\w\s,]*:?=|[\w\s,]*\berr\w*\s*:?=|defer\s+|go\s+)\s*/;

/**
 * The call whose result the statement drops: the last call of the leading chain, at paren depth 0
 * (`s.ds.Property(ctx).Put(k, v)` → Property.Put; `meta.delete_hub_session().await.ok()` → meta.delete_hub_session).
 * `.await`, `.ok()` and `?`-free adapters after the call are skipped; null when the statement starts no call.
 */
export function droppedCallee(statement: string): CalleeKey | null {
  let s = statement.replace(BINDING, "");
  // Walk the chain: segments separated by `.` or `::` at depth 0, each an identifier optionally followed by (...).
  const segs: { name: string; call: boolean }[] = [];
  let i = 0;
  while (i < s.length) {
    const m = /^\s*(?:\.|::)?\s*(?:&|\*)?([A-Za-z_]\w*)\s*(?:::<[^>]*>)?/.exec(s.slice(i));
    if (!m) break;
    i += m[0].length;
    let call = false;
    if (s[i] === "(") {
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === "(") depth++;
        else if (s[i] === ")" && --depth === 0) { i++; break; }
      }
      call = true;
    }
    segs.push({ name: m[1]!, call });
    if (!/^\s*(\.|::)/.test(s.slice(i))) break;
  }
  const ADAPTER = /^(await|ok|err|unwrap_or_default|into|boxed)$/;
  while (segs.length && ADAPTER.test(segs[segs.length - 1]!.name)) segs.pop();
  const last = segs[segs.length - 1];
  if (!last?.call) return null;
  const prev = segs.length > 1 ? segs[segs.length - 2]!.name : null;
  return { prev, method: last.name };
}

export function calleeName(k: CalleeKey): string {
  return k.prev ? `${k.prev}.${k.method}` : k.method;
}

/** The deferred question for a Go/Rust drop that does not persist: is this call's error handled elsewhere? */
export function devianceCandidate(key: CalleeKey, file: string, line: number, lang: GrammarLanguage): Candidate {
  return { name: calleeName(key), file, line, referenceIgnores: [], language: lang };
}

/**
 * The languages gated, by what the labelled development panels (3 to 6) showed. Go and Rust write an
 * ignored error out (`_ =`, `let _ =`, `.ok()`): 1 of 42 leads was labelled defensible, against 19 of 60
 * claims. Python: 4 of 36 leads, against 4 of 12 claims. TypeScript is not gated: there the same evidence
 * inverted (7 of 27 leads defensible, 2 of 14 claims), so gating it would hide defects, not noise.
 */
const GATED = new Set<GrammarLanguage>(["go", "rust", "python"]);

/**
 * A swallowed-error hit as a claim (returned as is), a lead (returned with `lead`), or a question for
 * every walked file (deferred: a Go/Rust call whose error other call sites handle; answered in finish-scan).
 * Test code keeps its claims: there only a swallowed assertion is reported, a shape that proves itself.
 */
export function claimOrLead(rule: CheckRule, node: SgNode, hit: Hit, file: FileContext, defer: (d: Deferred) => void): Hit | null {
  if (rule.class !== "swallowed-error" || !GATED.has(rule.language) || rule.evidence === "shape" || hit.severity === "info" || hit.lead) return hit;
  if (file.placeAt(hit.region.start.line) === "test") return hit;
  const guarded = guardedCode(node);
  const code = guarded.text();
  if (maintenanceOnly(code)) return { ...hit, lead: LEAD_MAINTENANCE };
  // Logged, then carried on: a lead, unless what failed was the commit of a transaction or a movement of money, which
  // the caller is then told happened when nothing did.
  if (rule.evidence === "lead") return COMMITS.test(code) || movesMoney(code) ? hit : { ...hit, lead: LEAD_LOGGED };
  // A drop right before the path answers its own failure: a lead, unless what was dropped commits or moves money.
  const next = following(guarded)[0];
  if (next && ANSWERS_FAILURE.test(next.text()) && inFailureBranch(guarded) && !COMMITS.test(code) && !movesMoney(code)) return { ...hit, lead: LEAD_FAILURE_PATH };
  // A send dropped and then recorded as done (`_ = facades.Mail()..Send()` then `appt.ReminderSent = true`): the record
  // says the message went out whether it did or not, and nothing will send it again.
  if (SENDS.test(code) && !/ping|pong|heartbeat|keep_?alive/i.test(code) && following(guarded).slice(0, 3).some((s) => MARKED_DONE.test(s.text()) && !/ping|heartbeat|keep_?alive/i.test(s.text()))) return hit;
  // ... or announced as sent to whoever asked (`toast(w, "Invitation sent to "+email)` after `_ = s.mailer.Send(..)`).
  if ((SENDS.test(code) || NOTICE_CALL.test(code)) && !/ping|pong|heartbeat|keep_?alive/i.test(code) && toldSent(guarded)) return hit;
  // Python: a notice passed over under a narrow handler (`send_confirmation_email(..)`: the guest gets no record of it).
  if ((rule.language === "python" && SENDS_NOTICE.test(code)) || persistsOrAudits(code) || movesMoney(code) || closedAfterWriting(node, code, rule.language) || FILE_WRITE.test(code) || AUDIT_PART.test(code) || STATE_HOLDER.test(code) || STATE_HOLDER_SUFFIX.test(code) || HANDED_CONNECTION.test(code) || ENDS_TRANSACTION.test(code) || removesStored(code) || removesHanded(guarded) || answersSuccess(guarded)) return hit;
  // Deviance reads Go and Rust call sites, where handling an error is written out; a Python exception
  // propagates unless caught, so every other call site "handles" it and the count would say nothing.
  const key = rule.language === "python" ? null : droppedCallee(code);
  if (!key) return { ...hit, lead: LEAD_NOT_PERSISTING };
  // A non-blocking send (`tx.try_send(notice)`): dropping what a full or closed receiver refuses is what it is for.
  if (NON_BLOCKING_SEND.test(key.method)) return { ...hit, lead: LEAD_NON_BLOCKING };
  defer({ candidate: devianceCandidate(key, file.path, hit.region.start.line, rule.language), hit: { ...hit, lead: LEAD_NOT_DEVIANT }, keep: "if-deviant", otherwise: "lead" });
  return null;
}
