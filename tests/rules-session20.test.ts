// Readings of the twentieth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}${f.lead ? " lead" : ""}`);

describe("assertion-free-test: an assertion export bound under another name still asserts", () => {
  // Gladys's server tests: `const assertChai = require('chai').assert` and `const { assert: sinonAssert } = sinon`
  // where `sinon` is a sandbox `require('sinon').createSandbox()` made.
  const spec = (head: string, check: string) => ({ path: "server/test/lib/house/house.arm.test.js", content: lines(
    head,
    "describe('house.arm', () => {",
    "  it('rejects an unknown house', async () => {",
    "    const promise = house.arm('unknown');",
    `    ${check};`,
    "  });",
    "});") });
  test("`require('chai').assert` under another name: no finding", () => {
    expect(found([spec("const assertChai = require('chai').assert;", "return assertChai.isRejected(promise)")], /^assertion-free-test$/)).toEqual([]);
  });
  test("sinon's assert destructured off a sandbox: no finding", () => {
    expect(found([spec("const sinon = require('sinon').createSandbox();\nconst { fake, assert: sinonAssert } = sinon;", "sinonAssert.calledWith(gateway.arm, 'unknown')")], /^assertion-free-test$/)).toEqual([]);
  });
  test("a sandbox made from an imported sinon, its assert read as a member: no finding", () => {
    expect(found([spec("import sinon from 'sinon';\nconst box = sinon.createSandbox();\nconst check = box.assert;", "check.calledOnce(gateway.arm)")], /^assertion-free-test$/)).toEqual([]);
  });
  test("another member of the module (`require('chai').use(..)`, sinon's `fake`) asserts nothing: reported", () => {
    expect(found([spec("const chaiUse = require('chai').use;", "chaiUse.isRejected(promise)")], /^assertion-free-test$/)).toEqual(["server/test/lib/house/house.arm.test.js:ts-assertion-free-test@3"]);
    expect(found([spec("const sinon = require('sinon').createSandbox();\nconst { fake: stubbed } = sinon;", "stubbed.resolves(promise)")], /^assertion-free-test$/)).toEqual(["server/test/lib/house/house.arm.test.js:ts-assertion-free-test@4"]);
  });
});

describe("ignored-parameter: an object literal of handlers is a table its dispatcher calls with one parameter list", () => {
  // Gladys's scene actions: `actionsFunc[action.type](self, action, scope)` picks one by its computed key.
  const actions = (n: number) => ({ path: "server/lib/scene/scene.actions.js", content: lines(
    "const actionsFunc = {",
    "  [ACTIONS.DEVICE.SET_VALUE]: async (self, action, scope) => self.device.setValue(render(action.value, scope)),",
    ...["TURN_ON", "TURN_OFF", "TOGGLE", "BLINK"].slice(0, n).map((k) => `  [ACTIONS.LIGHT.${k}]: async (self, action, scope) => self.device.setValue(action.devices, 1),`),
    "};",
    "module.exports = { actionsFunc };") });
  test("four handlers beside the one that reads scope: none reported", () => {
    expect(found([actions(4)], /^ignored-parameter$/)).toEqual([]);
  });
  test("two handlers are no table: the one that ignores scope is still reported", () => {
    expect(found([actions(1)], /^ignored-parameter$/)).toEqual(["server/lib/scene/scene.actions.js:ts-ignored-option-parameter@3"]);
  });
});

describe("stub (TypeScript): a context's default value and a dispatch's last word are not holes", () => {
  test("functions of the object handed to createContext throw until a Provider replaces them: not reported", () => {
    const ctx = { path: "webui/src/context.tsx", content: lines(
      'import { createContext } from "react";',
      "export const APIContext = createContext<Api>({",
      "  listTorrents: () => {",
      '    throw new Error("Function not implemented.");',
      "  },",
      "});") };
    expect(found([ctx], /^stub$/)).toEqual([]);
  });
  test("a throw after two ifs that hand each served case to a call: not reported; after one, or a bare early return: reported", () => {
    const body = (early: string) => ({ path: "js/binding.js", content: lines(
      "export function toSource(target, source) {",
      `  ${early}`,
      "  throw new Error('Not implemented.');",
      "}") });
    expect(found([body("if (target.List) { return bind.toList(target, source); }\n  if (target.Dictionary) { return bind.toDictionary(target, source); }")], /^stub$/)).toEqual([]);
    expect(found([body("if (!target) { return; }")], /^stub$/)).toEqual(["js/binding.js:ts-not-implemented@3"]);
    expect(found([body("if (target.List) { return bind.toList(target, source); }")], /^stub$/)).toEqual(["js/binding.js:ts-not-implemented@3"]);
  });
});

describe("stub (Python): refusals that close a door", () => {
  const model = (body: string) => ({ path: "shop/models/products.py", content: lines(
    "class Product(models.Model):",
    "    def soft_delete(self):",
    "        self.deleted = True",
    "        self.save()",
    "",
    ...body.split("\n")) });
  test("a delete that points to another call: not reported", () => {
    expect(found([model('    def delete(self, using=None):\n        raise NotImplementedError("Not implemented: `Product` -> `delete()`. Use `soft_delete()` for products.")')], /^stub$/)).toEqual([]);
  });
  test("a protocol method of the data model (`__clause_element__`): not reported; `__init__` still is", () => {
    expect(found([model("    def __clause_element__(self):\n        raise NotImplementedError")], /^stub$/)).toEqual([]);
    expect(found([model("    def __init__(self):\n        raise NotImplementedError")], /^stub$/)).toEqual(["shop/models/products.py:py-not-implemented@7"]);
  });
  test("a refusal whose message promises no alternative is still a stub", () => {
    expect(found([model('    def refund(self, amount):\n        raise NotImplementedError("refunds are not implemented")')], /^stub$/)).toEqual(["shop/models/products.py:py-not-implemented@7"]);
  });
});

describe("assertion-free-test (Python): delegation and declared smoke tests", () => {
  const file = (body: string) => ({ path: "indico/modules/editing/notifications_test.py", content: lines(
    "from indico.testing.util import assert_email_snapshot",
    "",
    "def _assert_snapshot(snapshot, name, **context):",
    "    template = get_template(name)",
    "    assert_email_snapshot(snapshot, template, name)",
    "",
    ...body.split("\n")) });
  test("a test that hands its outcome to the module's private `_assert_snapshot`: no finding", () => {
    expect(found([file("def test_confirmation_email(snapshot, contribution):\n    _assert_snapshot(snapshot, 'confirmation.txt', contribution=contribution)")], /^assertion-free-test$/)).toEqual([]);
  });
  test("a test named for exactly the call it ends on is a smoke note; a name that claims an outcome stays a finding", () => {
    expect(found([file("def test_setup():\n    module = Module()\n    module.setup(sf, dict())")], /^assertion-free-test$/)).toEqual(["indico/modules/editing/notifications_test.py:py-assertion-free-test@7 note"]);
    expect(found([file("def test_setup_creates_tables():\n    module = Module()\n    module.setup(sf, dict())")], /^assertion-free-test$/)).toEqual(["indico/modules/editing/notifications_test.py:py-assertion-free-test@7"]);
  });
});

describe("swallowed-error (Go): a failure logged before going on is a lead, not a claim", () => {
  test("a delete whose error is logged, then success answered: a lead", () => {
    const svc = { path: "internal/store/archive.go", content: lines(
      "package store",
      "func (s *Service) Archive(ctx context.Context, id string) (Result, error) {",
      "\terr := s.repo.Delete(ctx, id)",
      "\tif err != nil {",
      '\t\tlog.Printf("archive %s: %v", id, err)',
      "\t}",
      "\treturn Result{ID: id}, nil",
      "}") };
    expect(found([svc], /^swallowed-error$/)).toEqual(["internal/store/archive.go:go-err-logged-only@4 note lead"]);
  });
});

describe("assertion-free-test (Python): a test named for a call with an outcome is no smoke test", () => {
  test("`def test_write_receipt(tmp_path): tasks.write_receipt(..)` never reads the file back: reported", () => {
    const t = { path: "tests/test_tasks.py", content: lines("from shop import tasks", "", "def test_write_receipt(tmp_path):", "    tasks.write_receipt(str(tmp_path / 'r.json'), {'id': 'o1'})") };
    expect(found([t], /^assertion-free-test$/)).toEqual(["tests/test_tasks.py:py-assertion-free-test@3"]);
  });
});

describe("assertion-free-test: a harness's methods fail the test through the types its helpers answer", () => {
  // maddy's tests/: `t := tests.NewT(tt)` answers *T, `t.Conn("smtp")` answers Conn, and Conn.ExpectPattern calls c.T.Fatalf.
  const harness = (fatal: string) => ({ path: "tests/conn.go", content: lines(
    "package tests",
    'import "testing"',
    "type T struct { *testing.T }",
    "type Conn struct { T *T }",
    "func NewT(t *testing.T) *T { return &T{T: t} }",
    "func (t *T) Conn(port string) Conn { return Conn{T: t} }",
    "func (c *Conn) ExpectPattern(pat string) string {",
    "\tline := c.read()",
    `\tif line != pat { ${fatal} }`,
    "\treturn line",
    "}") });
  const basic = { path: "tests/basic_test.go", content: lines(
    "package tests_test",
    'import (\n\t"testing"\n\t"github.com/foxcpp/maddy/tests"\n)',
    "func TestBasic(tt *testing.T) {",
    "\tt := tests.NewT(tt)",
    '\tconn := t.Conn("smtp")',
    '\tconn.ExpectPattern("220 *")',
    "}") };
  test("the test reaches ExpectPattern through NewT's *T and Conn's Conn, and it fails through c.T.Fatalf: no finding", () => {
    expect(found([harness('c.T.Fatalf("want %q", pat)'), basic], /^assertion-free-test$/)).toEqual([]);
  });
  test("the same harness whose method only logs: reported", () => {
    expect(found([harness('c.T.Logf("want %q", pat)'), basic], /^assertion-free-test$/)).toEqual(["tests/basic_test.go:go-assertion-free-test@6"]);
  });
});

describe("assertion-free-test (Python): NiceGUI's user.should_see raises when the text is absent", () => {
  test("a test that checks the page through should_see / should_not_see: no finding", () => {
    const t = { path: "tests/test_pages.py", content: lines("from nicegui.testing import User", "", "async def test_dispatcher_lands_on_dashboard(user: User) -> None:", "    await user.open('/')", "    await user.should_see('Signed in as dispatch')") };
    expect(found([t], /^assertion-free-test$/)).toEqual([]);
  });
});

describe("swallowed-error (Rust): a header edit stores nothing, and tests do not testify to a call's error mattering", () => {
  const filter = (call: string) => ({ path: "pingap-proxy/src/cache.rs", content: lines(
    "pub(crate) fn handle_cache_headers(session: &Session, upstream_response: &mut ResponseHeader) {",
    "    let cache_status = session.cache.phase().as_str();",
    `    let _ = upstream_response.${call}("x-cache-status", cache_status);`,
    "}") });
  test("`let _ = resp.insert_header(..)`: a lead, not a claim", () => {
    expect(found([filter("insert_header")], /^swallowed-error$/)).toEqual(["pingap-proxy/src/cache.rs:rs-discarded-result@3 note lead"]);
  });
  test("a call its tests unwrap twice and shipped code drops: still a lead (only shipped sites testify)", () => {
    const sites = { path: "pingap-proxy/src/sync.rs", content: lines(
      "pub fn sync(worker: &Worker) { let _ = worker.nudge(\"a\"); }",
      "#[cfg(test)]",
      "mod tests {",
      "    #[test]",
      '    fn refreshes() { worker().nudge("a").unwrap(); worker().nudge("b").unwrap(); }',
      "}") };
    expect(found([sites], /^swallowed-error$/)).toEqual(["pingap-proxy/src/sync.rs:rs-discarded-result@1 note lead"]);
  });
  test("the same call handled at two shipped sites: a claim", () => {
    const sites = { path: "pingap-proxy/src/sync.rs", content: lines(
      "pub fn sync(worker: &Worker) { let _ = worker.nudge(\"a\"); }",
      'pub fn a(worker: &Worker) -> Result<()> { worker.nudge("b")?; Ok(()) }',
      'pub fn b(worker: &Worker) -> Result<()> { worker.nudge("c")?; Ok(()) }') };
    expect(found([sites], /^swallowed-error$/)).toEqual(["pingap-proxy/src/sync.rs:rs-discarded-result@1"]);
  });
});

describe("insecure-compare (Rust): a MAC finished in place and compared with != ", () => {
  const verify = (cmp: string) => ({ path: "src/auth.rs", content: lines(
    "pub fn verify_device_signature(device_key: &[u8], payload: &[u8], sig_hex: &str) -> Result<(), AuthError> {",
    '    let mut mac = HmacSha256::new_from_slice(device_key).expect("any key length");',
    "    mac.update(payload);",
    `    if ${cmp} {`,
    "        return Err(AuthError::BadSignature);",
    "    }",
    "    Ok(())",
    "}") });
  test("`hex::encode(mac.finalize().into_bytes()) != sig_hex.to_ascii_lowercase()`: reported (a path is no type annotation, `!=` no assignment)", () => {
    expect(found([verify("hex::encode(mac.finalize().into_bytes()) != sig_hex.to_ascii_lowercase()")], /^insecure-compare$/)).toEqual(["src/auth.rs:rs-insecure-compare@4"]);
  });
  test("a digest of the payload alone compared with a checksum: not reported", () => {
    const f = { path: "src/blob.rs", content: lines("pub fn same_blob(body: &[u8], etag: &str) -> bool {", "    hex::encode(Sha256::digest(body)) != etag", "}") };
    expect(found([f], /^insecure-compare$/)).toEqual([]);
  });
});

describe("stub (Go): a dispatcher's case that only says the command is not implemented", () => {
  const dispatch = (arm: string) => ({ path: "internal/server/commands.go", content: lines(
    "package server",
    "func (a *App) dispatch(s ssh.Session, args []string) {",
    "\tswitch args[0] {",
    '\tcase "repo-list":',
    "\t\ta.listRepos(s)",
    arm,
    "\t}",
    "}") });
  test("`case \"repo-rename\": wish.Fatalln(s, \"repo-rename: not implemented yet\")`: reported", () => {
    expect(found([dispatch('\tcase "repo-rename":\n\t\twish.Fatalln(s, "repo-rename: not implemented yet")')], /^stub$/)).toEqual(["internal/server/commands.go:go-not-implemented@7"]);
  });
  test("a default refusing unknown commands: not reported", () => {
    expect(found([dispatch('\tdefault:\n\t\twish.Fatalln(s, "unknown command: not implemented")')], /^stub$/)).toEqual([]);
  });
});

describe("tls-disabled (Python): aiohttp's ssl=False", () => {
  test("a TCPConnector(ssl=False) for a payment acquirer: reported; redis's ssl=False (plain TCP): not", () => {
    const a = { path: "payments/acquirer.py", content: lines("import aiohttp", "def session(settings):", "    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False, limit=50))") };
    const r = { path: "payments/cache.py", content: lines("import redis", 'cache = redis.Redis(host="localhost", ssl=False)') };
    expect(found([a, r], /^tls-disabled$/)).toEqual(["payments/acquirer.py:py-tls-disabled@3"]);
  });
});

describe("unwired-auth (Python): a view on the framework's raw base beside siblings on a project base that checks the caller", () => {
  // faust-streaming: `class OpsView(faust.web.View)` refuses without the ops token in dispatch; RefundView extends it.
  const security = (refuse: string) => ({ path: "payments/security.py", content: lines(
    "import faust",
    "class OpsView(faust.web.View):",
    "    async def dispatch(self, request):",
    "        supplied = request.headers.get('Authorization', '')",
    "        if not hmac.compare_digest(supplied, expected_token()):",
    `            ${refuse}`,
    "        return await super().dispatch(request)") });
  const views = { path: "payments/views.py", content: lines(
    "import faust",
    "from .security import OpsView",
    "@app.page('/payments/{payment_id}/refunds/')",
    "class RefundView(OpsView):",
    "    async def post(self, request, payment_id):",
    "        return self.json({'queued': True})",
    "@app.page('/payments/{payment_id}/capture/')",
    "class ManualCaptureView(faust.web.View):",
    "    async def post(self, request, payment_id):",
    "        return self.json({'queued': True})") };
  test("the capture view skips the base that refuses: reported at its class name", () => {
    expect(found([security("return self.error(401, 'unauthorized')"), views], /^unwired-auth$/)).toEqual(["payments/views.py:py-unguarded-class-view@8"]);
  });
  test("a project base that refuses nobody guards nothing: not reported", () => {
    expect(found([security("log.info('ops request')"), views], /^unwired-auth$/)).toEqual([]);
  });
});

describe("the review's counter-examples (helper 198): each exemption stays inside its comment", () => {
  test("a commit logged and then answered as success stays a claim", () => {
    const f = { path: "internal/billing/refund.go", content: lines(
      "package billing",
      "func (s *Service) Refund(ctx context.Context, id string) error {",
      "\ttx := s.db.Begin()",
      "\terr := tx.Commit()",
      "\tif err != nil {",
      '\t\tlog.Printf("refund %s: commit: %v", id, err)',
      "\t}",
      "\treturn nil",
      "}") };
    expect(found([f], /^swallowed-error$/)).toEqual(["internal/billing/refund.go:go-err-logged-only@5"]);
  });
  test("a guard's early return before 'Not implemented' is no dispatch: the stub is reported", () => {
    const f = { path: "src/refunds.ts", content: lines(
      "export async function refundOrder(req, res) {",
      "  if (!req.user) { return res.status(401).json({ error: 'unauthorized' }); }",
      "  if (!req.params.id) { return Promise.reject(new Error('no id')); }",
      "  throw new Error('Not implemented');",
      "}") };
    expect(found([f], /^stub$/)).toEqual(["src/refunds.ts:ts-not-implemented@4"]);
  });
  test("a message that promises the call (`TODO: call self.api.refund() once ..`) and a raising `__enter__` are stubs", () => {
    const f = (body: string) => ({ path: "shop/refunds.py", content: lines("class Refunds(Base):", ...body.split("\n")) });
    expect(found([f('    def refund(self, order):\n        raise NotImplementedError("TODO: call self.api.refund() once the endpoint ships")')], /^stub$/)).toEqual(["shop/refunds.py:py-not-implemented@3"]);
    expect(found([f("    def __enter__(self):\n        raise NotImplementedError")], /^stub$/)).toEqual(["shop/refunds.py:py-not-implemented@3"]);
  });
  test("a predicate named should_retry answers a value: the test still asserts nothing; a private set_expect_continue is no delegate", () => {
    const t = (call: string) => ({ path: "tests/test_policy.py", content: lines("def test_retry_after_timeout():", "    policy = Policy(max_attempts=3)", `    ${call}`) });
    expect(found([t("policy.should_retry(TimeoutError())")], /^assertion-free-test$/)).toEqual(["tests/test_policy.py:py-assertion-free-test@1"]);
    expect(found([t("policy.set_expect_continue(True)")], /^assertion-free-test$/)).toEqual(["tests/test_policy.py:py-assertion-free-test@1"]);
  });
  test("a service object's named methods are no dispatch table: credit ignoring options is reported", () => {
    const f = { path: "src/accounts.ts", content: lines(
      "export const accounts = {",
      "  debit(db, id, amt, options) { return db.update(id, -amt, options.idempotencyKey); },",
      "  credit(db, id, amt, options) { return db.update(id, amt); },",
      "  hold(db, id, amt, options) { return db.hold(id, amt, options.until); },",
      "  release(db, id, amt, options) { return db.release(id, amt, options.reason); },",
      "};") };
    expect(found([f], /^ignored-parameter$/)).toEqual(["src/accounts.ts:ts-ignored-option-parameter@3"]);
  });
  test("a database's append_header is a write: still a claim when dropped", () => {
    const f = { path: "src/ledger.rs", content: lines("pub fn post(tx: &mut Tx, inv: &Invoice) {", "    let _ = tx.append_header(&inv.header);", "    tx.commit_lines(&inv.lines);", "}") };
    expect(found([f], /^swallowed-error$/).filter((x) => x.endsWith("@2"))).toEqual(["src/ledger.rs:rs-discarded-result@2"]);
  });
  test("a harness method that only fails on its own dial error checks nothing the test did", () => {
    const harness = { path: "tests/t.go", content: lines(
      "package tests",
      'import "testing"',
      "type T struct { *testing.T }",
      "type Conn struct { T *T }",
      "func NewT(t *testing.T) *T { return &T{T: t} }",
      "func (t *T) Conn(port string) Conn {",
      "\tc, err := dial(port)",
      "\tif err != nil { t.Fatal(err) }",
      "\treturn c",
      "}") };
    const basic = { path: "tests/basic_test.go", content: lines(
      "package tests_test",
      'import (\n\t"testing"\n\t"github.com/foxcpp/maddy/tests"\n)',
      "func TestData(tt *testing.T) {",
      "\tt := tests.NewT(tt)",
      '\tconn := t.Conn("smtp")',
      '\tconn.Writeln("DATA")',
      "}") };
    expect(found([harness, basic], /^assertion-free-test$/)).toEqual(["tests/basic_test.go:go-assertion-free-test@6"]);
  });
  test("a view the URL conf wraps in a guard is guarded, whatever base it has", () => {
    const security = { path: "app/security.py", content: lines("class StaffView(View):", "    def dispatch(self, request, *a, **k):", "        if not request.user.is_staff:", "            raise PermissionDenied", "        return super().dispatch(request, *a, **k)") };
    const views = { path: "app/views.py", content: lines("from .security import StaffView", "class RefundView(StaffView):", "    def post(self, request):", "        return refund(request)", "class ManualCaptureView(View):", "    def post(self, request):", "        return capture(request)") };
    const urls = { path: "app/urls.py", content: lines("from . import views", "urlpatterns = [", "    path('capture/', staff_member_required(views.ManualCaptureView.as_view())),", "    path('refund/', views.RefundView.as_view()),", "]") };
    expect(found([security, views, urls], /^unwired-auth$/)).toEqual([]);
    expect(found([security, views], /^unwired-auth$/)).toEqual(["app/views.py:py-unguarded-class-view@5"]);
  });
  test("RustCrypto's CtOutput compare is constant-time: finalize() against CtOutput::new(..) is not reported", () => {
    const f = { path: "src/auth.rs", content: lines(
      "pub fn verify_signature(key: &[u8], body: &[u8], sig: &[u8]) -> bool {",
      '    let mut mac = HmacSha256::new_from_slice(key).expect("key");',
      "    mac.update(body);",
      "    mac.finalize() == CtOutput::new(GenericArray::clone_from_slice(sig))",
      "}") };
    expect(found([f], /^insecure-compare$/)).toEqual([]);
  });
  test("a status case that logs 'not implemented' on the way to a fallback is no stub", () => {
    const f = { path: "registry/mount.go", content: lines(
      "package registry",
      "func (c *Client) mount(resp *http.Response, blob string) error {",
      "\tswitch resp.StatusCode {",
      "\tcase http.StatusCreated:",
      "\t\treturn nil",
      "\tcase http.StatusNotImplemented:",
      '\t\tlog.Printf("registry: cross-repo mount not implemented, uploading %s", blob)',
      "\t}",
      "\treturn c.upload(blob)",
      "}") };
    expect(found([f], /^stub$/)).toEqual([]);
  });
  test("a $-named sinon sandbox's assert still asserts", () => {
    const spec = (head: string, check: string) => ({ path: "test/x.test.js", content: lines(head, "describe('x', () => {", "  it('y', async () => {", "    await run();", `    ${check};`, "  });", "});") });
    expect(found([spec("const $sinon = require('sinon');\nconst box = $sinon.createSandbox();\nconst { assert: check } = box;", "check.calledOnce(run)")], /^assertion-free-test$/)).toEqual([]);
  });
});

describe("ignored-parameter (Python): a signal receiver's sender is the protocol's", () => {
  test("`def bump_product_signal_handler(sender, instance, **kwargs)` keyed on the instance: not reported", () => {
    const f = { path: "shop/core/utils/context_cache.py", content: lines("def bump_product_signal_handler(sender, instance, **kwargs):", "    bump_cache_for_product(instance)") };
    expect(found([f], /^ignored-parameter$/)).toEqual([]);
  });
  test("the same function without **kwargs is no receiver: its unread sender is reported", () => {
    const f = { path: "shop/mail/notify.py", content: lines("def notify_order(sender, order):", "    mailer.send(order.email, 'received')") };
    expect(found([f], /^ignored-parameter$/)).toEqual(["shop/mail/notify.py:py-ignored-option-parameter@1"]);
  });
});
