// Python test shapes that assert without an assert statement, or that are no test at all: a test ending in
// a validation call that raises on failure (Django's `full_clean()`/`clean()`) or in a construction it drops, and an inherited test
// switched off by an override whose whole body is `return` or `pass`.
import type { SgNode } from "@ast-grep/napi";

/**
 * Django's model and form validation: each raises `ValidationError` on invalid data, so a test whose last
 * act is one of them asserts that the data is valid by not raising.
 */
const VALIDATES = /^[\w.]+(\(.*\))?(\.\w+)*\.(full_clean|clean|clean_fields|validate_unique|validate_constraints)\s*\([^;]*\)$/s;

/** A statement's last act: the last statement of a `for`/`with`/`try` body when the statement is one. */
function lastAct(block: SgNode): SgNode | null {
  const stmts = block.namedChildren().filter((s) => s.kind() !== "comment");
  const last = stmts[stmts.length - 1];
  if (!last) return null;
  if (/^(for_statement|with_statement|while_statement)$/.test(String(last.kind()))) {
    const body = last.field("body" as never) as SgNode | null;
    return body ? lastAct(body) : last;
  }
  return last;
}

/** A docstring claiming something is allowed: "can be mounted", "may be saved", "is allowed", "accepts". */
const CLAIMS_ALLOWED = /\b(can|may)\s+be\s+\w+ed\b|\bis\s+(allowed|permitted|accepted)\b|\baccepts?\b/i;

/** The test's docstring (its first statement, a string), or "". */
function docstringOf(body: SgNode): string {
  const first = body.namedChildren()[0];
  return first?.kind() === "expression_statement" && first.child(0)?.kind() === "string" ? first.text() : "";
}

/** The receiver of a call statement (`vdc` of `vdc.save()`), or null. */
const receiverOf = (text: string) => /^([\w.]+)\.\w+\s*\(/.exec(text)?.[1] ?? null;

/**
 * A statement that builds an instance of a class (`CreateUser(email=..)`, `models.Repo(session)`) and drops
 * it: the value is never looked at, so the only thing the call can check is that construction does not raise
 * (a pydantic model or a validating constructor). By PEP 8 a CapWords callee is a class.
 */
function discardsConstruction(stmt: SgNode, body: SgNode): boolean {
  const call = stmt.child(0);
  if (call?.kind() !== "call") return false;
  const callee = (call.field("function" as never) as SgNode | null)?.text() ?? "";
  if (!/^([a-z_]\w*\.)*_?[A-Z][a-z0-9]+[A-Za-z0-9]*$/.test(callee)) return false;
  // A CapWords method of an object the test is handed (`stub.Redeem(..)` on a gRPC stub fixture, `self.Client(..)`)
  // is a call, not a class: a module path names classes, a parameter names an instance.
  const head = /^([a-z_]\w*)\./.exec(callee)?.[1];
  return !head || !parametersOf(body).has(head);
}

/**
 * The test is named for exactly the lifecycle call it ends on, its result discarded (spiderfoot's `def
 * test_setup(self): .. module.setup(sf, dict())`, one per module): setting up, starting or closing an object has
 * no answer to compare, so the name claims only that the call does not raise. A call with an outcome
 * (`test_write_receipt` ending on `write_receipt(..)`: a file to read back) and a name that says more
 * (`test_setup_creates_tables`) claim an outcome and stay findings.
 */
const LIFECYCLE = /^(setup|set_up|init|initiali[sz]e|configure|start|stop|close|shutdown|teardown|tear_down)$/;
function namesItsLastCall(stmt: SgNode, body: SgNode): boolean {
  const call = stmt.child(0);
  if (call?.kind() !== "call") return false;
  const fn = body.parent();
  const name = fn?.kind() === "function_definition" ? ((fn.field("name" as never) as SgNode | null)?.text() ?? "") : "";
  const tested = /^test_([a-z]\w*)$/.exec(name)?.[1];
  const callee = ((call.field("function" as never) as SgNode | null)?.text() ?? "").split(".").pop();
  return !!tested && callee === tested && LIFECYCLE.test(tested);
}

/** The names the test function enclosing `body` takes (`self` included). */
function parametersOf(body: SgNode): Set<string> {
  const fn = body.parent();
  const params = fn?.kind() === "function_definition" ? (fn.field("parameters" as never) as SgNode | null) : null;
  return new Set([...(params?.text() ?? "").matchAll(/[(,]\s*\*{0,2}([A-Za-z_]\w*)/g)].map((m) => m[1]!));
}

/**
 * Does the test end by validating: its last act a validation call (`site.clean()`, `Site(..).full_clean()`),
 * or saving what it just validated (`vdc.full_clean(); vdc.save()`, a form after `form.is_valid()`), or a
 * save its docstring claims is allowed ("Check that a 0RU device can be mounted")?
 */
export function pyEndsValidating(body: SgNode): boolean {
  const last = lastAct(body);
  if (!last || last.kind() !== "expression_statement") return false;
  const text = last.text().trim();
  if (VALIDATES.test(text)) return true;
  // A row looked up last (`Consequence.objects.get(user=volunteer, data__hours=42)`): Django raises DoesNotExist when the
  // act before it did not make it; earlier in the test the same lookup is setup.
  if (/^[\w.]+\.objects\.get\s*\(/.test(text)) return true;
  if (discardsConstruction(last, body)) return true;
  if (namesItsLastCall(last, body)) return true;
  const saves = /\.save\s*\([^;]*\)$/s.test(text);
  // "Check that a 0RU device can be mounted ...": the docstring claims a save is allowed, the save is the check.
  if (saves && CLAIMS_ALLOWED.test(docstringOf(body))) return true;
  const receiver = saves ? receiverOf(text) : null;
  if (!receiver) return false;
  const esc = receiver.replace(/\./g, "\\.");
  return new RegExp(`(?<![\\w.])${esc}\\.(full_clean|clean|clean_fields|is_valid)\\s*\\(`).test(body.text());
}

/**
 * A method of a class with bases whose whole body (a docstring aside) is `return` or `pass`: it overrides
 * the inherited test of that name to switch it off, on purpose. It asserts nothing because it runs nothing.
 */
export function pyDisablesInherited(node: SgNode): boolean {
  const fn = node.kind() === "decorated_definition" ? (node.field("definition" as never) as SgNode | null) ?? node : node;
  if (fn.kind() !== "function_definition") return false;
  const body = fn.field("body" as never) as SgNode | null;
  const stmts = (body?.namedChildren() ?? []).filter((s) => s.kind() !== "comment" && !(s.kind() === "expression_statement" && s.child(0)?.kind() === "string"));
  if (stmts.length !== 1 || !/^(return|pass)$/.test(stmts[0]!.text().trim())) return false;
  const cls = fn.ancestors().find((a) => a.kind() === "class_definition" || a.kind() === "function_definition");
  if (cls?.kind() !== "class_definition") return false;
  const bases = (cls.field("superclasses" as never) as SgNode | null)?.namedChildren() ?? [];
  return bases.some((b) => b.text() !== "object");
}

/**
 * WebTest's request methods on a test app (`self.app.get(url, status=403)`, `webtest.post_json(url, body,
 * status=201)`): TestApp raises `AppError` when the response's status is not the `status=` it is given, so the
 * argument is the test's assertion, as `expect(403)` is supertest's. The receiver is the test app by WebTest's and
 * Pyramid's naming (`app`, `testapp`, `webtest`, `*_app`, `*_webtest`); `status="*"` and `status=None` accept
 * anything. `res.mustcontain(..)` raises when the body lacks a string. Mock registrations (`responses.get(url,
 * status=200)`, aioresponses' `m.get(..)`) have other receivers and set a status rather than check one.
 */
const WEBTEST_CALL = /\b(?:[\w.]+\.)?(\w+)\.(?:get|post|put|patch|delete|head|options|request|xmlrpc|(?:post|put|patch|delete)_json)\s*\(/g;
const TEST_APP = /^(?:\w+_)?(?:test_?)?(?:app|webtest|testapp|webapp)$/i;

export function webtestAsserts(code: string, fileText?: string): boolean {
  if (/\.mustcontain\s*\(/.test(code)) return true;
  // Django's test client takes any keyword as a WSGI environ entry (`self.client.get(url, status=200)` checks nothing),
  // and so does pytest-django's `client` fixture: only in a file with no Django in sight is another receiver WebTest.
  const djangoFree = fileText !== undefined && !/\bdjango\b|\brest_framework\b/.test(fileText);
  for (const m of code.matchAll(WEBTEST_CALL)) {
    const args = balancedArgs(code, m.index! + m[0].length);
    if (TEST_APP.test(m[1]!) && /(?:^|[,(\s])status\s*=\s*(?!["']\*["']|None\b)/.test(args)) return true;
    // ... a fixture by any name (a `client` a conftest builds as `webtest.TestApp(App())`), not an attribute of the
    // test case, handed an HTTP status to expect; a mock registry (`responses.get(url, status=200)`) sets the status
    // its fake answers with.
    const own = !/\bself\.\s*$/.test(code.slice(Math.max(0, m.index! - 6), m.index! + m[0].indexOf(m[1]!)));
    if (djangoFree && own && !MOCK_REGISTRY.test(m[1]!) && /(?:^|[,(\s])status\s*=\s*(?:[1-5]\d\d\b|(?:http\.)?(?:HTTPStatus|status)\.\w+)/.test(args)) return true;
  }
  return false;
}

/** Receivers that register fake responses (responses, aioresponses, httpretty, respx, requests-mock) rather than send requests. */
const MOCK_REGISTRY = /^(responses|rsps|resps|m|mock\w*|mocked\w*|aioresponses|aiohttp_mock|httpretty|respx\w*|router|requests_mock|httpserver|server)$/i;

/**
 * The call's own arguments from just after its opening parenthesis to its match, with what nested brackets hold
 * left out (`headers=h(status=1)` is not the call's status); strings are not parsed.
 */
function balancedArgs(code: string, from: number): string {
  let depth = 1;
  let out = "";
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") { if (--depth === 0) return out; }
    else if (depth === 1) out += c;
  }
  return out;
}
