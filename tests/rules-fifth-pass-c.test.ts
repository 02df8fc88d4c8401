// Fifth pass on issue 10, second half: unwired-auth and swallowed-error shapes, each with a case the floor
// must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { loadFloor } from "../pipeline/rules/floor";

const floor = loadFloor(join(import.meta.dir, "..", "prompts", "rules"));
type File = { path: string; content: string };
const found = (...files: File[]) => [...floor.scan(files).values()].flat().map((f) => `${f.class}@${f.file}:${f.line}`);
const lines = (...xs: string[]) => xs.join("\n") + "\n";

describe("swallowed-error: a Go writer closed unchecked by a function with no error to return", () => {
  const save = (close: string) => lines(
    "package snapshot",
    "func (s *Saver) persist(path string, data []byte) {",
    "\tf, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)",
    "\tif err != nil {",
    "\t\ts.log.Printf(\"snapshot: %v\", err)",
    "\t\treturn",
    "\t}",
    "\tif _, err := f.Write(data); err != nil {",
    "\t\ts.log.Printf(\"snapshot: %v\", err)",
    "\t}",
    close,
    "}");
  test("the file it created is closed as a bare statement: reported", () => {
    expect(found({ path: "snapshot/save.go", content: save("\tf.Close()") })).toEqual(["swallowed-error@snapshot/save.go:11"]);
  });
  test("deferred, checked, or a file opened only for reading: not reported", () => {
    expect(found({ path: "snapshot/save.go", content: save("\tif err := f.Close(); err != nil {\n\t\ts.log.Printf(\"snapshot: %v\", err)\n\t}") })).toEqual([]);
    const reader = lines("package snapshot", "func size(path string) int {", "\tf, err := os.Open(path)", "\tif err != nil {", "\t\treturn 0", "\t}", "\tn := count(f)", "\tf.Close()", "\treturn n", "}");
    expect(found({ path: "snapshot/size.go", content: reader })).toEqual([]);
  });
  test("a writer received from the caller is the caller's to close", () => {
    const src = lines("package snapshot", "func (s *Saver) stop() {", "\ts.out.Close()", "}", "func finish(w io.WriteCloser) {", "\tw.Close()", "}");
    expect(found({ path: "snapshot/stop.go", content: src })).toEqual([]);
  });
});
