// Assertion-free tests whose check lives in another test file (a harness, a conftest helper): quiet when a
// walked test file defines an asserting function the test calls (directly or through its own file's
// helpers); reported when the function does not assert, or when only shipped code defines it.
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const free = (files: { path: string; content: string }[]) => foundIn(files, /^assertion-free-test$/);

const harness = (body: string) => ({ path: "tests/harness.rs", content: lines(
  "pub struct Run { args: Vec<String>, want: String }",
  "impl Run {",
  "    pub fn new() -> Self { Run { args: vec![], want: String::new() } }",
  "    pub fn arg(mut self, a: &str) -> Self { self.args.push(a.into()); self }",
  "    pub fn stdout(mut self, s: &str) -> Self { self.want = s.into(); self }",
  "    pub fn success(self) {",
  "        let out = invoke(&self.args);",
  `        ${body}`,
  "    }",
  "}") });
const usesHarness = { path: "tests/flags.rs", content: lines(
  "use super::*;",
  "",
  "fn listed(flag: &str, want: &str) {",
  "    Run::new().arg(flag).stdout(want).success();",
  "}",
  "",
  "#[test]",
  "fn version_flag() {",
  "    Run::new().arg(\"--version\").stdout(\"1.0\\n\").success();",
  "}",
  "",
  "#[test]",
  "fn list_flag() {",
  "    listed(\"--list\", \"a b\\n\");",
  "}") };

describe("Rust: a builder harness in another test file", () => {
  test("its terminal method asserts: neither the test nor the one going through a same-file helper is reported", () => {
    expect(free([harness("assert_eq!(out, self.want);"), usesHarness])).toEqual([]);
  });
  test("the harness asserts nothing, or is missing from the walk: both tests are reported", () => {
    expect(free([harness("println!(\"{out}\");"), usesHarness])).toEqual(["assertion-free-test@tests/flags.rs:8", "assertion-free-test@tests/flags.rs:13"]);
    expect(free([usesHarness])).toEqual(["assertion-free-test@tests/flags.rs:8", "assertion-free-test@tests/flags.rs:13"]);
  });
});

describe("Python: a helper module of the test suite", () => {
  const test_ = { path: "tests/test_orders.py", content: lines(
    "from tests.support import refund_went_through",
    "",
    "def test_refund(client):",
    "    resp = client.post('/orders/1/refund')",
    "    refund_went_through(resp)") };
  test("a helper in a test file that asserts checks for the test", () => {
    const support = { path: "tests/support.py", content: lines("def refund_went_through(resp):", "    assert resp.status_code == 200, resp.text") };
    expect(free([test_, support])).toEqual([]);
  });
  test("the same helper in shipped code is no test helper: reported", () => {
    const shipped = { path: "app/support.py", content: lines("def refund_went_through(resp):", "    assert resp.status_code == 200, resp.text") };
    expect(free([test_, shipped])).toEqual(["assertion-free-test@tests/test_orders.py:3"]);
  });
});

describe("TypeScript: a polling helper of the suite that throws when its check never passes", () => {
  const spec = { path: "api_tests/src/follow.spec.ts", content: lines(
    "import { untilAccepted } from './shared';",
    "",
    "test('follow is accepted across instances', async () => {",
    "  await alpha.follow(beta);",
    "  await untilAccepted(() => alpha.followState(beta));",
    "});") };
  test("the helper throws after its retries: the spec is not reported", () => {
    const shared = { path: "api_tests/src/shared.ts", content: lines(
      "export async function untilAccepted(get: () => Promise<string>, retries = 10) {",
      "  for (let i = 0; i < retries; i++) if ((await get()) === 'accepted') return;",
      "  throw new Error('follow never accepted');",
      "}") };
    expect(free([spec, shared])).toEqual([]);
  });
  test("a helper that only waits and returns is reported", () => {
    const shared = { path: "api_tests/src/shared.ts", content: lines(
      "export async function untilAccepted(get: () => Promise<string>, retries = 10) {",
      "  for (let i = 0; i < retries; i++) if ((await get()) === 'accepted') return;",
      "}") };
    expect(free([spec, shared])).toEqual(["assertion-free-test@api_tests/src/follow.spec.ts:3"]);
  });
});

describe("name collisions: a method name or a guarding throw elsewhere checks nothing for the test", () => {
  test("a test calling factory.get(..) is reported though another test file has a view whose get() raises", () => {
    const t = { path: "tests/test_paging.py", content: lines(
      "def test_erroneous_offset():",
      "    request = factory.get('/', {'offset': 1000})",
      "    paginate(request)") };
    const views = { path: "tests/test_views.py", content: lines(
      "class DeniedView(APIView):",
      "    def get(self, request):",
      "        raise PermissionDenied()") };
    expect(free([t, views])).toEqual(["assertion-free-test@tests/test_paging.py:1"]);
  });
  test("a helper of another test file that throws only to guard its precondition is no check", () => {
    const t = { path: "src/tests/apps.test.ts", content: lines(
      "it('renames an app', async () => {",
      "  await clearField('.name');",
      "  await page.type('.name', 'new');",
      "});") };
    const utils = { path: "src/tests/utils.ts", content: lines(
      "export async function clearField(selector: string) {",
      "  const el = await page.$(selector);",
      "  if (!el) {",
      "    throw new Error('no element');",
      "  }",
      "  await el.click({ count: 3 });",
      "}") };
    expect(free([t, utils])).toEqual(["assertion-free-test@src/tests/apps.test.ts:1"]);
  });
});
