// Seventh session of issue 10: WebTest's status argument is an assertion (TestApp raises AppError when the response
// has another status), in a test and in a same-file helper; mock registrations that set a status are not.
// Fresh snippets, not panel code.
import { describe, expect, test } from "bun:test";
import { webtestAsserts } from "../pipeline/rules/py-test-shapes";
import { foundIn, lines, scanSnippets } from "./support/snippet-scan";

const aft = (content: string) => scanSnippets([{ path: "tests/test_orders.py", content }], /^assertion-free-test$/).map((f) => `${f.severity}@${f.line}`);

describe("assertion-free-test: WebTest's status argument", () => {
  test("a request with status= asserts; one without, or with status='*', does not", () => {
    expect(aft(lines(
      "class OrderViewsTest(BaseWebTest):",
      "    def test_delete_is_refused_to_readers(self):",
      "        self.app.delete('/orders/1', headers=self.reader, status=403)",
      "",
      "    def test_create_multi_line(self):",
      "        self.testapp.post_json(",
      "            '/orders', {'data': {'sku': 'A-1'}},",
      "            headers=self.headers,",
      "            status=201,",
      "        )",
      "",
      "    def test_list_any_status(self):",
      "        self.app.get('/orders', status='*')",
      "",
      "    def test_list_no_check(self):",
      "        self.app.get('/orders', headers=self.headers)",
    ))).toEqual(["warning@12", "warning@15"]);
  });

  test("a same-file helper that passes status= is an asserting helper", () => {
    expect(aft(lines(
      "def refuse(webtest, url):",
      "    webtest.post(url, {'csrf': 'x'}, status=HTTPStatus.FORBIDDEN)",
      "",
      "def test_admin_refused(webtest):",
      "    refuse(webtest, '/admin/flags')",
    ))).toEqual([]);
  });

  test("mustcontain checks the body", () => {
    expect(aft(lines("def test_home(app):", "    res = app.get('/')", "    res.mustcontain('Welcome')"))).toEqual([]);
  });

  test("a mock registration's status is set, not checked", () => {
    expect(webtestAsserts("responses.get('https://pay.example/charges', json={}, status=200)\nclient.charge(5)")).toBe(false);
    expect(webtestAsserts("m.post('https://hooks.example/x', status=500)")).toBe(false);
    expect(webtestAsserts("self.client.get('/orders', status=200)")).toBe(false);
    expect(webtestAsserts("self.app.get('/x', headers=h(status=1), status=None)")).toBe(false);
    expect(webtestAsserts("self.app.get('/x', status=None)")).toBe(false);
    expect(webtestAsserts("self.app.get('/x', expect_errors=True)")).toBe(false);
    expect(webtestAsserts("self.admin_app.put_json('/x', {}, status=200)")).toBe(true);
    expect(webtestAsserts("app.get('/x', status=[200, 304])")).toBe(true);
  });
});

describe("swallowed-error (Go): what the receiver is declared as decides whether a dropped call drops an error", () => {
  const manager = (field: string, call: string) => lines(
    "package auth",
    "",
    "type Manager struct {",
    `\t${field}`,
    "\tstore *Store",
    "}",
    "",
    "func (m *Manager) Redeem(code string) bool {",
    "\tif !m.valid(code) {",
    "\t\treturn false",
    "\t}",
    `\t${call}`,
    "\treturn true",
    "}");
  const swallowed = (files: { path: string; content: string }[]) => foundIn(files, /^swallowed-error$/);
  test("a concurrent map's Delete answers nothing (sync.Map, xsync's MapOf)", () => {
    expect(swallowed([{ path: "auth/manager.go", content: manager("resetCodes sync.Map", "m.resetCodes.Delete(code)") }])).toEqual([]);
    expect(swallowed([{ path: "auth/manager.go", content: manager("resetCodes *xsync.MapOf[string, time.Time]", "m.resetCodes.Delete(code)") }])).toEqual([]);
  });
  test("a repository type whose method answers no error, found through the field's declared type in another file", () => {
    const stats = { path: "auth/stats.go", content: lines("package auth", "", "type MemoryStatistics struct{ n int }", "", "func (s *MemoryStatistics) Update() { s.n++ }") };
    expect(swallowed([stats, { path: "auth/manager.go", content: manager("mem MemoryStatistics", "m.mem.Update()") }])).toEqual([]);
  });
  test("the same receiver declared with a type whose method answers an error stays reported", () => {
    const store = { path: "auth/store.go", content: lines("package auth", "", "type Ledger struct{ db *sql.DB }", "", "func (l *Ledger) Delete(code string) error {", '\t_, err := l.db.Exec("DELETE FROM codes WHERE code = ?", code)', "\treturn err", "}") };
    expect(swallowed([store, { path: "auth/manager.go", content: manager("resetCodes *Ledger", "m.resetCodes.Delete(code)") }])).toEqual(["swallowed-error@auth/manager.go:12"]);
    expect(swallowed([{ path: "auth/manager.go", content: manager("resetCodes *bigcache.BigCache", "m.resetCodes.Delete(code)") }])).toEqual(["swallowed-error@auth/manager.go:12"]);
  });
  test("a route registered on a prefix with a path parameter is no write; a key built the same way is", () => {
    const routes = (call: string) => lines("package api", "", "func (s *Server) routes(router chi.Router) {", `\t${call}`, "}");
    expect(swallowed([{ path: "api/routes.go", content: routes('router.With(s.checkPerms(PermAdmin)).Delete(usersPath+"/{username}", deleteUser)') }])).toEqual([]);
    expect(swallowed([{ path: "api/routes.go", content: routes('s.blobs.Delete(usersPath+"/avatar.png")') }])).toEqual(["swallowed-error@api/routes.go:4"]);
  });
});

describe("ignored-parameter: the repository's linter was told the parameter is unused on purpose", () => {
  const params = (path: string, content: string) => foundIn([{ path, content }], /^ignored-parameter$/);
  test("TypeScript: eslint-disable-next-line no-unused-vars above the function, or a block disable at the top", () => {
    const component = (above: string) => lines(
      "export type BannerProps = { workItem: Item; projectId: string };",
      above,
      "export function UpgradeBanner(props: BannerProps) {",
      '  return h("div", { className: "upgrade-banner" }, "Available in the business edition");',
      "}",
      "export function listItems(store: Store, includeArchived: boolean) {",
      "  return store.all();",
      "}");
    expect(params("web/ce/banner.tsx", component("// eslint-disable-next-line @typescript-eslint/no-unused-vars"))).toEqual(["ignored-parameter@web/ce/banner.tsx:6"]);
    expect(params("web/ce/banner.tsx", component("// a placeholder the enterprise build replaces"))).toContain("ignored-parameter@web/ce/banner.tsx:3");
    const hook = (head: string) => lines(head, "export const useDragDrop = (groupBy: string | undefined, subGroupBy?: string) => ({ source: undefined });");
    expect(params("web/ce/drag.ts", hook("/* eslint-disable @typescript-eslint/no-unused-vars */"))).toEqual([]);
    expect(params("web/ce/drag.ts", hook("/* eslint-disable @typescript-eslint/no-explicit-any */")).length).toBeGreaterThan(0);
  });
  test("Python: pylint's unused-argument on the def, ruff's ARG001, or a module-level disable", () => {
    const fn = (def: string) => lines(def, '    return {"type": "order", "id": payload["id"]}');
    expect(params("shop/hooks.py", fn("def anonymize(payload, event_type):  # pylint: disable=unused-argument"))).toEqual([]);
    expect(params("shop/hooks.py", fn("def anonymize(payload, event_type):  # noqa: ARG001"))).toEqual([]);
    expect(params("shop/hooks.py", "# pylint: disable=unused-argument\n" + fn("def anonymize(payload, event_type):"))).toEqual([]);
    expect(params("shop/hooks.py", fn("def anonymize(payload, event_type):  # noqa: E501"))).toEqual(["ignored-parameter@shop/hooks.py:1"]);
  });
  test("Rust: #[allow(unused_variables)] on the function; Go: //nolint:unparam on the func line", () => {
    const rs = (attr: string) => lines(attr, "pub fn open_session(user: &str, flags: u32) -> Session {", "    Session::new(user)", "}");
    expect(params("src/pam.rs", rs("#[allow(unused_variables)]"))).toEqual([]);
    expect(params("src/pam.rs", rs("#[inline]")).length).toBeGreaterThan(0);
    const hooks = (attr: string) => lines(attr, "pub trait Hooks {", "    fn open_session(user: &str, flags: u32) -> Code {", "        Code::Ignore", "    }", "}");
    expect(params("src/hooks.rs", hooks("#[allow(unused_variables)]"))).toEqual([]);
    expect(params("src/hooks.rs", "#![allow(unused)]\n" + rs("#[inline]"))).toEqual([]);
    const go = (tail: string) => lines("package store", "", `func ListItems(db *DB, includeArchived bool) []Item {${tail}`, "\treturn db.All()", "}");
    expect(params("store/items.go", go(" //nolint:unparam // kept for the v2 signature"))).toEqual([]);
    expect(params("store/items.go", go(" //nolint:errcheck"))).toEqual(["ignored-parameter@store/items.go:3"]);
  });
});

describe("hardcoded-secret: vendor-shaped identifiers are not credentials", () => {
  const secrets = (path: string, content: string) => foundIn([{ path, content }], /^hardcoded-secret$/);
  test("object ids of one account share the account's tag: identifiers, not secrets", () => {
    expect(secrets("src/plans.ts", lines(
      "export const PLANS = {",
      '  pro: { monthly: "price_1LodNLAlJJEpqkPVQSrt33Lc", yearly: "price_1LodNLAlJJEpqkPVRxUyCQgZ" },',
      '  business: { monthly: "price_1OTcQBAlJJEpqkPViGtGEsbb" },',
      "};"))).toEqual([]);
  });
  test("a list bound to a name ending in IDS holds record ids", () => {
    expect(secrets("src/legacy.ts", lines("const LEGACY_PRICE_IDS = [", '  "price_9QxTr2WmLp4ZkYv8NbHs3Ja",', "];", "export const isLegacy = (id: string) => LEGACY_PRICE_IDS.includes(id);"))).toEqual([]);
  });
  test("one live key stays reported, and so do a test and a live key with the same tail", () => {
    expect(secrets("src/billing.ts", lines('export const stripe = new Stripe("rk_live_9QxTr2WmLp4ZkYv8NbHs3Ja");'))).toEqual(["hardcoded-secret@src/billing.ts:1"]);
    expect(secrets("src/billing.ts", lines('const key = process.env.PROD ? "xk_live_9QxTr2WmLp4ZkYv8NbHs3Ja" : "xk_test_9QxTr2WmLp4ZkYv8NbHs3Ja";', "export const client = new Client(key);")).length).toBeGreaterThan(0);
  });
});
