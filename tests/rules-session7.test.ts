// Seventh session of issue 10: WebTest's status argument is an assertion (TestApp raises AppError when the response
// has another status), in a test and in a same-file helper; mock registrations that set a status are not.
// Fresh snippets, not panel code.
import { describe, expect, test } from "bun:test";
import { webtestAsserts } from "../pipeline/rules/py-test-shapes";
import { lines, scanSnippets } from "./support/snippet-scan";

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
