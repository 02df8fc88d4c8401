// unwired-auth in a registration table: an object, dict or map literal whose entries name commands or handlers
// (`subCommands: { push: withAuth(push), prune }`), where a sibling entry is wrapped in a guard and an entry
// whose key says it destroys state is handed over bare.
import type { SgNode } from "@ast-grep/napi";
import { calleeName } from "./bound-guard";
import type { CheckContext } from "./check";
import { fileGuards, namesSubject } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";

interface Entry { at: SgNode; key: string; value: SgNode }

const CALL = /^(call_expression|call)$/;
/** A value handed over as is: a name, a member, a function literal (what a guard would wrap). */
const BARE = /^(identifier|member_expression|selector_expression|attribute|arrow_function|function_expression|function|func_literal|lambda|shorthand_property_identifier)$/;

/** What a table registers bare: a name or a function literal. */
const HANDED = /^(identifier|arrow_function|function_expression|function|func_literal|lambda|shorthand_property_identifier)$/;

/** The entries of a literal in each grammar's spelling (a TS shorthand `{ prune }` is its own key and value). */
function entriesOf(node: SgNode): Entry[] {
  return node.namedChildren().flatMap((c): Entry[] => {
    const kind = String(c.kind());
    if (kind === "shorthand_property_identifier") return [{ at: c, key: c.text(), value: c }];
    if (kind === "pair") {
      const key = c.field("key" as never) as SgNode | null;
      const value = c.field("value" as never) as SgNode | null;
      return key && value ? [{ at: c, key: key.text().replace(/^["'`]|["'`]$/g, ""), value }] : [];
    }
    if (kind === "keyed_element") {
      const [key, value] = c.namedChildren().filter((k) => !/comment/.test(String(k.kind())));
      const inner = (n: SgNode | undefined) => (n?.kind() === "literal_element" ? n.namedChildren()[0] : n);
      const k = inner(key);
      const v = inner(value);
      return k && v ? [{ at: c, key: k.text().replace(/^["'`]|["'`]$/g, ""), value: v }] : [];
    }
    return [];
  });
}

/**
 * Reported: an entry whose key says it destroys state (`destructive`) and whose value is handed over bare, in
 * a literal where a sibling entry's value is a call wrapping what it registers in a guard: a guard of the
 * file or of the vocabulary, a name saying who is asking (`withAuth`), or one stating a requirement
 * (`requireOperator`). Not reported: a table with no wrapped entry, a wrapped destructive entry, entries whose
 * value is itself a call (built, not registered bare).
 */
export function unguardedEntryCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const entries = entriesOf(node);
  if (entries.length < 3) return [];
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  // Data objects hand over fields (`deletedAt: doc.deletedAt`); a table registers names and functions.
  const bare = entries.filter((e) => HANDED.test(String(e.value.kind())) && destructive.test(e.key));
  if (!bare.length) return [];
  const { isGuard } = fileGuards(ctx);
  // A wrapper says it guards: a requirement (`requireOperator`), or a wrapping naming who is asking (`withAuth`);
  // a presenter of the user (`presentUser(u)`) names who but guards nothing.
  const guardName = (n: string) => isGuard(n) || /^(require|ensure)/i.test(n) || (/^(with|protect|guard|needs?|must|only)/i.test(n) && namesSubject(n));
  const wrapped = entries.find((e) => CALL.test(String(e.value.kind())) && guardName(calleeName(e.value))
    && ((e.value.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).some((a) => BARE.test(String(a.kind()))));
  if (!wrapped) return [];
  return bare.map((e) => ({ region: regionOf(e.at), message: `${e.key} changes state but is registered bare beside ${wrapped.key}, which goes through ${calleeName(wrapped.value)} (line ${wrapped.at.range().start.line + 1})` }));
}
