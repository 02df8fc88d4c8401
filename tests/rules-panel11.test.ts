// Panel-11 fixes (sixth session of issue 10, after its unseen measure): test support known by what it imports, a
// parameter read through `locals()` or by the function's own attribute, gomock expectations, hypothesis property
// tests. Each shape with a quiet case and a decoy the floor must still report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, scanSnippets } from "./support/snippet-scan";

describe("place: a shipped-path file that imports a test framework is test support", () => {
  const harness = (imports: string[]) => lines(
    "package dbkit",
    "",
    "import (",
    ...imports.map((i) => `\t"${i}"`),
    ")",
    "",
    "// Scratch writes a fixture file for a test and returns its path.",
    "func Scratch(dir, body string) string {",
    '\tf, _ := os.Create(dir + "/fixture.json")',
    "\tf.WriteString(body)",
    "\t_ = f.Close()",
    "\treturn f.Name()",
    "}");
  test("Go: importing testing makes the file test code, so shipped-code rules stay quiet", () => {
    expect(foundIn([{ path: "internal/dbkit/scratch.go", content: harness(["os", "testing"]) }], /^swallowed-error$/)).toEqual([]);
  });
  test("Go: the same file without the import is shipped code and reported", () => {
    expect(foundIn([{ path: "internal/dbkit/scratch.go", content: harness(["os"]) }], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
  test("TypeScript and Python: a module importing the test runner is test code", () => {
    const ts = (imp: string) => ({ path: "src/support/seed.ts", content: lines(imp, "export async function seed(db: Db) {", "  try { await db.insert(rows); } catch {}", "}") });
    expect(foundIn([ts('import { vi } from "vitest";')], /^swallowed-error$/)).toEqual([]);
    expect(foundIn([ts('import { db } from "./db";')], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
});

describe("ignored-parameter: read outside the body's identifiers", () => {
  test("Python: a function handing locals() to its query reads every parameter", () => {
    const fn = (call: string) => ({ path: "shop/refunds.py", content: lines(
      "def record_refund(db, payin_id, amount, reason):",
      `    return db.one(\"INSERT INTO refunds (payin, amount, reason) VALUES (%(payin_id)s, %(amount)s, %(reason)s) RETURNING *\", ${call})`) });
    expect(foundIn([fn("locals()")], /^ignored-parameter$/)).toEqual([]);
    expect(foundIn([fn("dict(payin_id=payin_id)")], /^ignored-parameter$/).length).toBeGreaterThan(0);
  });
  test("Rust: a parameter the function's own attribute records is read", () => {
    const fn = (attr: string) => ({ path: "src/actors/write.rs", content: lines(
      attr,
      "pub async fn handle_purge(&self, uat: Option<String>, request_id: Uuid) -> Result<(), OperationError> {",
      "    let ident = self.validate(uat).await?;",
      "    self.store.purge(&ident).await",
      "}") });
    expect(foundIn([fn('#[instrument(level = "debug", skip_all, fields(request = ?request_id))]')], /^ignored-parameter$/)).toEqual([]);
    expect(foundIn([fn('#[instrument(level = "debug", skip_all)]')], /^ignored-parameter$/).length).toBeGreaterThan(0);
  });
});

describe("ignored-parameter: a Go option record embedded in another file of its package", () => {
  const pkg = (util: string) => [
    { path: "drivers/webdisk/meta.go", content: lines(
      "package webdisk",
      "",
      "type Addition struct {",
      '\tUsername   string `json:"username" required:"true"`',
      '\tStripEmoji bool   `json:"strip_emoji" help:"Remove emoji from names before upload"`',
      "}") },
    { path: "drivers/webdisk/driver.go", content: lines(
      "package webdisk",
      "",
      "type Disk struct {",
      "\tAddition",
      "\tclient *Client",
      "}",
      "",
      "func (d *Disk) Login() error { return d.client.Login(d.Username) }") },
    { path: "drivers/webdisk/util.go", content: util },
  ];
  const unread = (util: string) => foundIn(pkg(util), /^ignored-parameter$/);
  test("a field read on the embedding type in a third file is read", () => {
    expect(unread(lines("package webdisk", "", "func (d *Disk) clean(name string) string {", "\tif !d.StripEmoji {", "\t\treturn name", "\t}", "\treturn stripEmoji(name)", "}"))).toEqual([]);
  });
  test("a field no file reads is still reported", () => {
    expect(unread(lines("package webdisk", "", "func (d *Disk) clean(name string) string {", "\treturn name", "}"))).toEqual(["ignored-parameter@drivers/webdisk/meta.go:5"]);
  });
});

describe("assertion-free-test: gomock expectations and property tests", () => {
  const aft = (path: string, content: string) => scanSnippets([{ path, content }], /^assertion-free-test$/).map((f) => `${f.severity}@${f.line}`);
  test("Go: a test whose mock expects calls asserts through the controller", () => {
    expect(aft("writer/writer_test.go", lines(
      "package writer",
      "",
      'import ("testing"; "go.uber.org/mock/gomock")',
      "",
      "func TestWritesError(t *testing.T) {",
      "\tctrl := gomock.NewController(t)",
      "\trw := NewMockResponseWriter(ctrl)",
      "\trw.EXPECT().WriteHeader(400)",
      "\tWriteError(rw, ErrInvalid)",
      "}",
      "",
      "func TestWritesNothing(t *testing.T) {",
      "\tWriteError(nil, nil)",
      "}",
      "",
      "func TestWritesAnything(t *testing.T) {",
      "\tctrl := gomock.NewController(t)",
      "\trw := NewMockResponseWriter(ctrl)",
      "\trw.EXPECT().Header().AnyTimes()",
      "\trw.EXPECT().Write(gomock.Any()).AnyTimes()",
      "\tWriteError(rw, ErrInvalid)",
      "}"))).toEqual(["warning@12", "warning@16"]);
  });
  test("Python: a hypothesis property test without an assertion is no finding (its property is that nothing raises)", () => {
    expect(aft("tests/test_codec.py", lines(
      "from hypothesis import given, strategies as st",
      "",
      "@given(st.binary())",
      "def test_roundtrip_any_frame(data):",
      "    Frame.roundtrip(data)",
      "",
      "def test_roundtrip_sample():",
      '    Frame.roundtrip(b"\\x00\\x01")'))).toEqual(["warning@7"]);
  });
});
