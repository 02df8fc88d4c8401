// Panel-3 fixes (swallowed-error in Drop and on terminal output; Go fuzz targets and subtests whose handle is
// not named `t`): each shape with a case the floor must stay quiet on and a decoy it must still report
// (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, scanSnippets } from "./support/snippet-scan";

const swallowed = (path: string, content: string) => foundIn([{ path, content }], /^swallowed-error$/);
const assertionFree = (path: string, content: string) =>
  scanSnippets([{ path, content }], /^assertion-free-test$/).map((f) => `${f.severity}@${f.line}`);

describe("swallowed-error: Drop cannot return an error", () => {
  const guard = (body: string) => lines(
    "struct RawModeGuard { lock: PidLock }",
    "impl Drop for RawModeGuard {",
    "    fn drop(&mut self) {",
    `        ${body}`,
    "    }",
    "}");
  test("a result discarded in drop has nowhere to go", () => {
    expect(swallowed("src/guard.rs", guard("let _ = terminal::disable_raw_mode();"))).toEqual([]);
    expect(swallowed("src/guard.rs", guard("let _ = std::fs::remove_file(&self.lock.path);"))).toEqual([]);
    expect(swallowed("src/guard.rs", guard("self.lock.release().ok();"))).toEqual([]);
  });
  test("the same discard in an ordinary method, or a method named drop of another trait, is reported", () => {
    const close = lines(
      "impl RawModeGuard {",
      "    pub fn close(&mut self) {",
      "        let _ = std::fs::remove_file(&self.lock.path);",
      "    }",
      "}");
    expect(swallowed("src/guard.rs", close)).toEqual(["swallowed-error@src/guard.rs:3"]);
    const other = guard("let _ = std::fs::remove_file(&self.lock.path);").replace("impl Drop for", "impl Evict for");
    expect(swallowed("src/guard.rs", other)).toEqual(["swallowed-error@src/guard.rs:4"]);
  });
});

describe("swallowed-error: terminal output is not a durable write", () => {
  const redraw = (make: string) => lines(
    "fn redraw(rows: &[u8], width: usize) {",
    `    let mut out = ${make};`,
    "    let _ = write!(out, \"{:width$}\", \"\", width = width);",
    "    let _ = out.write_all(rows);",
    "    let _ = out.flush();",
    "}");
  test("writes to a sink made from stdout, stderr or a terminal handle are not reported, whatever its name", () => {
    expect(swallowed("src/ui.rs", redraw("std::io::stdout()"))).toEqual([]);
    expect(swallowed("src/ui.rs", redraw("io::stderr().lock()"))).toEqual([]);
    expect(swallowed("src/ui.rs", redraw("stdout().into_raw_mode().unwrap()"))).toEqual([]);
    const direct = lines(
      "pub fn prompt(q: &str) -> bool {",
      "    print!(\"{q} [Y/n] \");",
      "    io::stdout().flush().ok();",
      "    let _ = writeln!(io::stderr(), \"asked\");",
      "    true",
      "}");
    expect(swallowed("src/setup.rs", direct)).toEqual([]);
  });
  test("the same writes into a file are still reported, even when the variable is named stdout", () => {
    expect(swallowed("src/ui.rs", redraw("File::create(\"screen.log\").unwrap()"))).toEqual([
      "swallowed-error@src/ui.rs:3", "swallowed-error@src/ui.rs:4", "swallowed-error@src/ui.rs:5"]);
    const named = redraw("OpenOptions::new().append(true).open(\"audit.log\").unwrap()").replace(/\bout\b/g, "stdout");
    expect(swallowed("src/ui.rs", named)).toEqual([
      "swallowed-error@src/ui.rs:3", "swallowed-error@src/ui.rs:4", "swallowed-error@src/ui.rs:5"]);
  });
});

describe("assertion-free-test: Go fuzz targets assert by not panicking", () => {
  const fuzz = (body: string) => lines(
    "package date",
    "import \"testing\"",
    "func FuzzParse(f *testing.F) {",
    "\tf.Add(\"2017-12-22T22:09:49+00:00\")",
    "\tf.Fuzz(func(t *testing.T, in string) {",
    `\t\t${body}`,
    "\t})",
    "}");
  test("a fuzz function that only calls the code under test is not reported: not panicking is what a fuzz target checks", () => {
    expect(assertionFree("date/parser_test.go", fuzz("Parse(in)"))).toEqual([]);
  });
  test("a fuzz function that asserts is not reported", () => {
    expect(assertionFree("date/parser_test.go", fuzz("if _, err := Parse(in); err == nil && in == \"\" { t.Fatal(in) }"))).toEqual([]);
  });
  test("a Fuzz-named test that never runs a fuzz function is still an assertion-free warning", () => {
    const plain = lines("package date", "import \"testing\"", "func FuzzParse(f *testing.F) {", "\tParse(\"x\")", "}");
    expect(assertionFree("date/parser_test.go", plain)).toEqual(["warning@3"]);
  });
});

describe("assertion-free-test: a subtest asserts on its own *testing.T, whatever its name", () => {
  const subtest = (param: string, check: string) => lines(
    "package fetcher",
    "import \"testing\"",
    "func TestIsModified(t *testing.T) {",
    "\tfor name, tc := range cases {",
    `\t\tt.Run(name, func(${param}) {`,
    "\t\t\tif tc.want != isModified(tc.in) {",
    `\t\t\t\t${check}`,
    "\t\t\t}",
    "\t\t})",
    "\t}",
    "}");
  test("the closure's parameter typed *testing.T or testing.TB is a test handle", () => {
    expect(assertionFree("fetcher/handler_test.go", subtest("sub *testing.T", "sub.Error(name)"))).toEqual([]);
    expect(assertionFree("fetcher/handler_test.go", subtest("st testing.TB", "st.Fatalf(\"%s\", name)"))).toEqual([]);
  });
  test("an Error method on a value that is not a test handle is no assertion", () => {
    expect(assertionFree("fetcher/handler_test.go", subtest("sub *testing.T", "rec.Error(name)"))).toEqual(["warning@3"]);
    expect(assertionFree("fetcher/handler_test.go", subtest("sub *Recorder", "sub.Error(name)"))).toEqual(["warning@3"]);
  });
});
