// assertion-free-test, Python and TypeScript: a test whose act is a call to a check that another test of the same
// file expects to raise (`with pytest.raises(Http404): check_access(perms, post)`, `expect(() => validatePath("..")).toThrow()`)
// is that test's positive counterpart: the file itself shows the call refuses by raising, so when the check answers
// nothing, "did not raise" is the test's check. A throw-based smoke test (an info note), not a test that can never fail.
//
// Known by the file's own shape and the callee's role: the same callee text (`self.`/`this.` and `await` dropped)
// under a raise expectation elsewhere in the file, and a callee named for a check (an action that also raises on
// bad input does work the passing test should look at). A request a client sends (`client.get(url)`) is
// observed by its response, not by a raise, so an HTTP verb of a client counts for nothing.
import type { SgNode } from "@ast-grep/napi";
import { callEnd } from "./syntax";

type Lang = "python" | "typescript";

/** `self.validator.check(x)` → `validator.check`; `await this.svc.verify(k)` → `svc.verify`. */
function normalise(callee: string): string {
  return callee.replace(/^\s*await\s+/, "").replace(/\s+/g, "").replace(/^(self|this)\./, "");
}

/** What a client sends: its outcome is a response to read, not a raise. */
const CLIENT_REQUEST = /(^|\.)(get|post|put|patch|delete|head|options|request|fetch|send)$/;

const calleeOf = (call: SgNode) => normalise((call.field("function" as never) as SgNode | null)?.text() ?? "");

/** Every callee called under `node` (the node itself included when it is a call). */
function calleesUnder(node: SgNode, lang: Lang, out: Set<string>): void {
  const kind = lang === "python" ? "call" : "call_expression";
  const calls = node.kind() === kind ? [node, ...node.findAll({ rule: { kind } })] : node.findAll({ rule: { kind } });
  for (const c of calls) out.add(calleeOf(c));
}

/** Python: the body of `with pytest.raises(..)` / `with self.assertRaises(..)`, and the callable of `self.assertRaises(E, f, ..)`. */
function pythonRaising(root: SgNode, out: Set<string>): void {
  for (const w of root.findAll({ rule: { kind: "with_statement" } })) {
    const clause = w.children().find((c) => c.kind() === "with_clause");
    if (!clause || !/(?:^|[.\s(,])(raises|assertRaises\w*|assert_raises)\s*\(/.test(clause.text())) continue;
    const body = w.field("body" as never) as SgNode | null;
    if (body) calleesUnder(body, "python", out);
  }
  for (const call of root.findAll({ rule: { kind: "call" } })) {
    if (!/(?:^|\.)(assertRaises\w*|raises)$/.test(calleeOf(call))) continue;
    const args = (call.field("arguments" as never) as SgNode | null)?.namedChildren().filter((a) => a.kind() !== "keyword_argument") ?? [];
    const fn = args[1];
    if (fn && /^(identifier|attribute)$/.test(String(fn.kind()))) out.add(normalise(fn.text()));
  }
}

/**
 * TypeScript: the subject of `expect(..).toThrow()`, `expect(..).rejects.toThrow()`, `expect(..).rejects.*`, and the
 * arguments of `assert.throws(..)` / `assert.rejects(..)`: an arrow's calls, or the call handed over itself.
 */
function typescriptRaising(root: SgNode, out: Set<string>): void {
  for (const call of root.findAll({ rule: { kind: "call_expression" } })) {
    const callee = calleeOf(call);
    if (/(^|\.)(throws|rejects|doesNotThrow)$/.test(callee) && /^(assert|t|chai\.assert)\./.test(callee)) {
      const first = (call.field("arguments" as never) as SgNode | null)?.namedChildren()[0];
      if (first) calleesUnder(first, "typescript", out);
      continue;
    }
    if (!/\.(toThrow\w*|rejects\.\w+|throws?\w*)$/.test(callee) || !/^expect\(/.test(callee)) continue;
    // `expect(SUBJECT).…`: the innermost `expect(` call holds the subject.
    const expectCall = call.find({ rule: { kind: "call_expression", has: { field: "function", regex: "^expect$" } } });
    const subject = expectCall ? (expectCall.field("arguments" as never) as SgNode | null)?.namedChildren()[0] : undefined;
    if (subject) calleesUnder(subject, "typescript", out);
  }
}

const cache = new WeakMap<object, Set<string>>();

/** Callees (normalised) that some test of the file expects to raise; `key` memoises per file. */
export function expectedToRaise(key: object, root: SgNode, lang: Lang): Set<string> {
  let out = cache.get(key);
  if (!out) {
    out = new Set<string>();
    if (lang === "python") pythonRaising(root, out); else typescriptRaising(root, out);
    for (const c of [...out]) if (!c || CLIENT_REQUEST.test(c)) out.delete(c);
    cache.set(key, out);
  }
  return out;
}

/**
 * Callees a body calls as a whole statement, discarding the result (`check_access(p, post)`, `await svc.verify(k);`,
 * and through an instance made on the spot: `EventValidator().validate_new(event, config)`).
 */
export function statementCallees(body: string): string[] {
  return [...body.matchAll(/^\s*((?:await\s+)?(?:[A-Za-z_$][\w$]*(?:\(\s*\))?\.)*[A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => normalise(m[1]!));
}

/**
 * A callee named for a check (`check_access_post_permission`, `self.validator`, `totp.verify`, `ensureOwner`): its
 * job is to refuse. An action a sibling test also expects to raise (`reserve_stock` past the stock, `processRefund`
 * of a negative amount) does work the passing test should look at, so dropping its result stays a finding.
 */
const CHECK_WORD = /^(check|validat|verif|ensure|require|authori[sz]|assert|enforce|guard|permit)/;

function namedForCheck(callee: string): boolean {
  return callee.split(/[._]|(?<=[a-z0-9])(?=[A-Z])/).some((w) => CHECK_WORD.test(w.toLowerCase()));
}

/** A handler in the test (`try: check() except HTTPError: print(..)`, `.catch(..)`): a raise there no longer fails it. */
const CATCHES: Record<Lang, RegExp> = { python: /^\s*(try\s*:|except\b)/m, typescript: /\bcatch\s*[({]|\.catch\s*\(/ };

/** Does the test body catch what it calls (a raise it handles no longer fails it)? */
export const catchesInBody = (body: string, lang: Lang): boolean => CATCHES[lang].test(body);

/**
 * The names (last segment) of the checks the test calls as a statement that another test of its file expects to
 * raise. Whether each is a check that answers nothing (its definitions return no value) is asked at the scan's
 * end, where every walked file is in sight (validating-calls.ts): one that returns the user or the row it checked
 * leaves the passing test something to assert on.
 */
export function raisingChecks(body: string, key: object, root: SgNode, lang: Lang): string[] {
  if (CATCHES[lang].test(body)) return [];
  const calls = statementCallees(body).filter(namedForCheck);
  if (!calls.length) return [];
  const raising = expectedToRaise(key, root, lang);
  return [...new Set(calls.filter((c) => raising.has(c)).map((c) => c.split(".").pop()!))];
}

/** A call that builds a record: a test-data factory's maker (`mommy.make`, `UserFactory.create`), an ORM's create, a class called by its bare name (`Span(..)`); not a service's `create`, nor a capitalised RPC on a stub (`stub.Redeem(..)`). */
const CONSTRUCTS = /(^|\.)(mommy|baker|factory|\w*Factory|\w*_factory|factories)\.(make|make_recipe|prepare|create|build|create_batch)$|(^|\.)objects\.create$|^[A-Z]\w*$/;

/**
 * The callees the test calls as a statement that another test of its file expects to raise, other than checks
 * (`mommy.make("Span", ..)` beside a test wrapping the same call in `assertRaises(ValidationError)`, `save()` on a
 * model whose constraint a sibling test trips). The file shows the call refuses by raising, so the passing test does
 * check that it does not; whether it should also look at what the call made is a reviewer's question: a smoke note,
 * not an assertion-free test (doccano's span constraint tests, panel 37).
 */
export function raisingActs(body: string, key: object, root: SgNode, lang: Lang): string[] {
  if (CATCHES[lang].test(body)) return [];
  // ... only an act that constructs (a factory's `mommy.make(..)`/`baker.make`/`Model.objects.create`, a constructor
  // `Span(..)`): building the record is where its validation runs. A test of an action (`review_request.close(..)`,
  // `registry.register(..)`) beside one expecting it to raise still owes a look at what the action did: panel 33's
  // readers upheld those findings.
  // ... and only a statement that is that call alone (`mommy.make("Span", ..)`), not a chain that goes on to act with
  // what it made (`IndexerClient(url, key).push(page)`).
  const calls = statementCallees(body).filter((c) => !namedForCheck(c) && CONSTRUCTS.test(c) && wholeStatement(body, c));
  if (!calls.length) return [];
  const raising = expectedToRaise(key, root, lang);
  return [...new Set(calls.filter((c) => raising.has(c)))];
}

/** Some statement of `body` is a call of `callee` and nothing after its closing parenthesis. */
function wholeStatement(body: string, callee: string): boolean {
  const head = new RegExp(`^[ \\t]*(?:await\\s+)?(?:self\\.|this\\.)?${callee.replace(/[.$]/g, (c) => `\\${c}`)}\\s*\\(`, "gm");
  for (const m of body.matchAll(head)) {
    const end = callEnd(body, m.index! + m[0].length - 1);
    if (end > 0 && /^[ \t]*;?[ \t]*(\n|$)/.test(body.slice(end))) return true;
  }
  return false;
}
