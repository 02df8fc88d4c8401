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
