// swallowed-error: a notice whose failure was dropped and which the code then announces as sent
// (`_ = s.mailer.Send(..)` then `toast(w, "Invitation sent to "+email)`; `except PagerError: pass` then
// `return f"Paged {target}"`): whoever asked is told the message went out whether it did or not.
import type { SgNode } from "@ast-grep/napi";
import { guardedStatement, nextStatement } from "../syntax";

/** A string saying a notice was sent, delivered, paged or mailed. */
const TOLD_SENT = /["'`][^"'`\n]*\b(sent|Sent|SENT|delivered|Delivered|notified|Notified|paged|Paged|emailed|Emailed|mailed|Mailed|invited|Invited|alerted|Alerted)\b[^"'`\n]*["'`]/;

/** A call that sends or raises a notice: `.Send(`, `send_mail(`, `deliver(`, a pager's `trigger(`, `notify(`, `page(`. */
const NOTICE = /(?:\.|::|^|[\s(])(send|Send|deliver|Deliver|dispatch|Dispatch|trigger|Trigger|page|Page|notify|Notify|alert|Alert|mail|Mail|email|Email)\w*\s*\(/;

/** The guarded code sends a notice, and one of the three statements after it holds such a string. */
export function toldSent(guarded: SgNode): boolean {
  if (!NOTICE.test(guarded.text())) return false;
  let n = 0;
  for (let stmt = nextStatement(guardedStatement(guarded)); stmt && n < 3; stmt = nextStatement(stmt), n++) if (TOLD_SENT.test(stmt.text())) return true;
  return false;
}
