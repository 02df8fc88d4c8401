// The pure parts of the audit's git side: the log/diff parser, quoted paths, and the model answer parser.
import { describe, expect, test } from "bun:test";
import { LOG_FORMAT, parseChanges, parseLog, touches, unquotePath } from "../pipeline/audit/git/git-log";
import { parseAuditAnswer } from "../pipeline/audit/judge";
import { git, gitRepo, writeTree } from "./support/tmp-repo";

describe("git log --patch-with-raw parsing", () => {
  test("added and removed lines by side, pure deletions, deleted and binary files, blob ids", () => {
    const repo = gitRepo({ "a.ts": "one\ntwo\nthree\nfour\n", "gone.ts": "x\n", "img.bin": Buffer.from([0, 1, 2]), "tab\tname.ts": "t\n" });
    writeTree(repo, { "a.ts": "one\nTWO\nthree\n", "img.bin": Buffer.from([0, 1, 3]), "tab\tname.ts": "t2\n", "new.ts": "n\n" });
    git(repo, "rm", "-q", "gone.ts");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "Edit\n\nbody line");
    const out = git(repo, "-c", "core.quotepath=off", "log", "-1", LOG_FORMAT, "--patch-with-raw", "--no-renames", "--no-abbrev", "--src-prefix=a/", "--dst-prefix=b/", "-U0");
    const [c] = parseLog(out);
    expect(c!.message).toBe("Edit\n\nbody line");
    expect(c!.parents).toHaveLength(1);
    const by = new Map(c!.files.map((f) => [f.path, f]));
    expect([...by.keys()].sort()).toEqual(["a.ts", "gone.ts", "img.bin", "new.ts", "tab\tname.ts"]);
    const a = by.get("a.ts")!;
    expect([...a.added]).toEqual([[2, "TWO"]]);
    expect([...a.removed]).toEqual([[2, "two"], [4, "four"]]);
    // "four" went after new line 3 with nothing added there: a pure deletion point.
    expect([...a.deletedAfter]).toEqual([3]);
    expect(touches(a, 3, 4)).toBe(true);
    expect(touches(a, 1, 1)).toBe(false);
    expect(by.get("gone.ts")).toMatchObject({ status: "D", newBlob: null });
    expect(by.get("new.ts")).toMatchObject({ status: "A", oldBlob: null });
    expect(by.get("img.bin")!.added.size).toBe(0);
    expect(by.get("tab\tname.ts")!.added.get(1)).toBe("t2");
  });

  test("C-quoted paths are unquoted, bytes included", () => {
    expect(unquotePath('"tab\\tname.ts"')).toBe("tab\tname.ts");
    expect(unquotePath('"caf\\303\\251.ts"')).toBe("café.ts");
    expect(unquotePath("plain.ts")).toBe("plain.ts");
    expect(parseChanges(':100644 100644 aaaaaaa bbbbbbb M\t"q\\"uote.ts"\n')[0]!.path).toBe('q"uote.ts');
  });
});

describe("the model's audit answer", () => {
  test("the first JSON object that is an answer, in a fence or prose; `verdict` and spaced statuses read as status", () => {
    expect(parseAuditAnswer('Sure.\n```json\n{"status": "Not backed", "citations": [{"file": "a.ts", "line": "3", "evidence": "x()"}]}\n```')).toEqual({
      status: "not_backed", citations: [{ file: "a.ts", line: 3, side: "new", evidence: "x()" }], reason: "",
    });
    expect(parseAuditAnswer('{"verdict": "backed", "reason": "r"}')).toMatchObject({ status: "backed", citations: [], reason: "r" });
    expect(parseAuditAnswer('{"status": "maybe"}')).toBeNull();
    expect(parseAuditAnswer("backed, trust me")).toBeNull();
  });
});

describe("test counting (the floor's test recognition)", () => {
  test("counts test functions in the four languages the floor knows; skipped tests and non-test files count 0", async () => {
    const { countTests: count } = await import("../pipeline/audit/count-tests");
    expect(count({ path: "src/a.test.ts", content: 'describe("x", () => {\n  it("a", () => {});\n  test("b", async () => {});\n  test.skip("c", () => {});\n});\n' })).toBe(2);
    expect(count({ path: "src/a.ts", content: 'test("not a test file", () => {});\n' })).toBe(0);
    expect(count({ path: "tests/test_a.py", content: "def test_one():\n    assert 1\n\ndef helper():\n    pass\n\nclass TestX:\n    def test_two(self):\n        assert 2\n" })).toBe(2);
    expect(count({ path: "src/lib.rs", content: "#[test]\nfn a() {}\n#[tokio::test]\nasync fn b() {}\nfn c() {}\n" })).toBe(2);
    expect(count({ path: "pkg/a_test.go", content: "package a\nfunc TestA(t *testing.T) {}\nfunc TestB(t *testing.T) {}\nfunc helper(t *testing.T) {}\n" })).toBe(2);
  });
});
