// The test-context model and places: the pure API the floor and the claim audit share.
import { describe, expect, test } from "bun:test";
import { assertionOf, asTestCase, countTestFunctions, enclosingTest, referencedOutsideTests, testCases } from "../pipeline/rules/test-context";
import { parseSource } from "../pipeline/rules/languages";
import { inFileTestRegions, isTestPath, isVendoredCopy, placeAt, placeOfPath } from "../pipeline/rules/place";
import type { GrammarLanguage } from "../pipeline/rules/rule-spec";

const root = (path: string, src: string) => parseSource(path, src)!.root();
const kindOf = (path: string, src: string, lang: GrammarLanguage) => {
  const r = root(path, src);
  const [t] = testCases(r, lang, path);
  return t ? assertionOf(t, lang, src.split("\n"), () => new Set()) : "no test";
};

describe("places", () => {
  test("test, example and bench code by path in four ecosystems; the rest ships", () => {
    for (const p of ["src/a.test.ts", "src/__tests__/a.js", "test/app.js", "tests/test_api.py", "app/tests.py", "pkg/x_test.go", "crate/tests/it.rs", "actix-test/src/lib.rs", "types/index.test-d.ts", "conftest.py"]) expect([p, placeOfPath(p)]).toEqual([p, "test"]);
    for (const p of ["examples/basic/main.rs", "docs_src/tutorial.py", "docs/guide.ts"]) expect([p, placeOfPath(p)]).toEqual([p, "example"]);
    for (const p of ["benches/parse.rs", "bench/floor.ts"]) expect([p, placeOfPath(p)]).toEqual([p, "bench"]);
    for (const p of ["src/latest.ts", "cobra/doc/yaml_docs.go", "src/testing/client.ts", "lib/contest.py"]) expect([p, placeOfPath(p)]).toEqual([p, "shipped"]);
    expect(isTestPath("internal/testdata/x.go")).toBe(true);
  });

  test("a Rust #[cfg(test)] module inside a shipped file is test code, the rest of the file ships", () => {
    const src = "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n";
    const regions = inFileTestRegions(root("src/lib.rs", src), "rust");
    expect(regions).toEqual([{ start: 2, end: 5 }]);
    expect([placeAt("shipped", regions, 0), placeAt("shipped", regions, 4)]).toEqual(["shipped", "test"]);
  });

  test("vendored library copies are recognised by name or banner, not ordinary files", () => {
    expect(isVendoredCopy("static/jquery-4.0.0.slim.js", "")).toBe(true);
    expect(isVendoredCopy("static/app.min.js", "")).toBe(true);
    expect(isVendoredCopy("static/dt.js", "/*! DataTables 2.3.8\n * © SpryMedia Ltd - datatables.net/license\n */")).toBe(true);
    expect(isVendoredCopy("src/app.js", "// app v1.2.3\nexport const x = 1;")).toBe(false);
  });
});

describe("which functions are tests", () => {
  test("pytest: module-level and Test-class methods in test modules; not nested defs, fixtures or routes", () => {
    const src = [
      "@pytest.fixture", "def test_app():", "    return 1", "",
      "def test_one(client):", "    @app.route('/')", "    def test_index():", "        return 'x'", "    assert client.get('/')", "",
      "class TestThing:", "    def test_two(self):", "        assert True", "",
      "@app.route('/x')", "def test_route():", "    return 1",
    ].join("\n");
    expect(testCases(root("tests/test_a.py", src), "python", "tests/test_a.py").map((t) => t.name)).toEqual(["test_one", "test_two"]);
    expect(countTestFunctions("tests/test_a.py", src)).toBe(2);
    expect(countTestFunctions("app/helpers.py", src)).toBe(0);
  });

  test("JS: it/test calls in test files, skipped ones marked; Playwright setup files are not tests", () => {
    const src = "describe('x', () => {\n  it('a', () => { expect(1).toBe(1); });\n  it.skip('b', () => {});\n  xit('c', () => {});\n});\n";
    const cases = testCases(root("src/x.test.ts", src), "typescript", "src/x.test.ts");
    expect(cases.map((t) => [t.name, t.skipped])).toEqual([["a", false], ["b", true], ["c", true]]);
    expect(countTestFunctions("tests/setups/db-setup.ts", "test('DB start', async () => { start(); });")).toBe(0);
  });

  test("Go Test/Fuzz functions with *testing.T/F; a helper-process child calling os.Exit is not a test", () => {
    const src = "package x\nfunc TestA(t *testing.T) { t.Fatal(1) }\nfunc FuzzB(f *testing.F) {}\nfunc TestChild(t *testing.T) { os.Exit(0) }\nfunc helper(t *testing.T) {}\n";
    expect(testCases(root("x_test.go", src), "go", "x_test.go").map((t) => t.name)).toEqual(["TestA", "FuzzB"]);
  });

  test("Rust test attributes of every runner; #[ignore] is skipped", () => {
    const src = "#[test]\nfn a() {}\n#[tokio::test]\nasync fn b() {}\n#[test]\n#[ignore]\nfn c() {}\nfn helper() {}\n";
    expect(testCases(root("src/lib.rs", src), "rust", "src/lib.rs").map((t) => [t.name, t.skipped])).toEqual([["a", false], ["b", false], ["c", true]]);
  });

  test("a handler defined inside a test knows its enclosing test", () => {
    const src = "def test_one(app):\n    def handler():\n        return 1\n    assert app\n";
    const r = root("tests/test_h.py", src);
    const handler = r.findAll({ rule: { kind: "function_definition" } }).find((n) => n.text().startsWith("def handler"))!;
    expect(asTestCase(handler, "python", "tests/test_h.py")).toBeNull();
    expect(enclosingTest(handler, "python", "tests/test_h.py")?.name).toBe("test_one");
  });
});

describe("what counts as an assertion", () => {
  test("runtime, snapshot, type-level, helper, declared smoke and throw-based, and none", () => {
    expect(kindOf("a.test.ts", "test('x', () => { expect(f()).toBe(1); });", "typescript")).toBe("runtime");
    expect(kindOf("a.test.ts", "test('x', () => { expect(render()).toMatchSnapshot(); });", "typescript")).toBe("runtime");
    expect(kindOf("a.test-d.ts", "test('x', () => { expectTypeOf(f()).toEqualTypeOf<number>(); });", "typescript")).toBe("type-level");
    expect(kindOf("a.test.ts", "test('x', () => {\n  // @ts-expect-error\n  f('1');\n});", "typescript")).toBe("type-level");
    expect(kindOf("a.test.ts", "test('x', () => { expectStatus(res, 200); });", "typescript")).toBe("helper");
    expect(kindOf("a.test.ts", "test('does not crash on empty input', () => { f(''); });", "typescript")).toBe("declared-smoke");
    expect(kindOf("a.test.ts", "test('x', () => { schema.parse(input); });", "typescript")).toBe("throw-based");
    expect(kindOf("a.test.ts", "test('x', () => { f(); });", "typescript")).toBeNull();
    expect(kindOf("tests/test_a.py", "def test_x():\n    assert f() == 1\n", "python")).toBe("runtime");
    // A decoder by any name raises on bad input: its throw is the check (an info-level note), unlike a plain call.
    expect(kindOf("tests/test_a.py", "def test_x():\n    decode_frame(encode_frame(b'x'))\n", "python")).toBe("throw-based");
    expect(kindOf("tests/test_a.py", "def test_x():\n    encode_frame(b'x')\n", "python")).toBeNull();
    expect(kindOf("x_test.go", "package x\nfunc TestX(t *testing.T) { check(t, f()) }\n", "go")).toBe("helper");
    expect(kindOf("src/lib.rs", "#[test]\nfn x() {\n    let _b: EitherBody<()> = EitherBody::new(());\n}\n", "rust")).toBe("type-level");
    expect(kindOf("src/lib.rs", "#[test]\nfn x() {\n    f();\n}\n", "rust")).toBeNull();
  });
});

describe("referenced outside tests", () => {
  const files = [
    { path: "src/auth.ts", content: "export function requireAdmin(req, res, next) { next(); }\n" },
    { path: "test/auth.test.ts", content: "import { requireAdmin } from '../src/auth';\nrequireAdmin();\n" },
  ];
  test("a name used only by tests and its own definition is not referenced; a route mounting it is", () => {
    expect(referencedOutsideTests("requireAdmin", { file: "src/auth.ts", line: 1 }, files)).toBe(false);
    expect(referencedOutsideTests("requireAdmin", { file: "src/auth.ts", line: 1 }, [...files, { path: "src/app.ts", content: "app.use(requireAdmin);\n" }])).toBe(true);
  });
});
