// Go test handles by data flow: every name bound to a *testing.T/B/F or testing.TB in a test, whatever it is called.
import type { SgNode } from "@ast-grep/napi";

const HANDLE_TYPE = /^\*?testing\.(T|B|F|TB)$/;

/**
 * Names of the test's own parameter and of every function literal's parameter typed as a test handle
 * (`t.Run(name, func(tt *testing.T) { .. })`, `f.Fuzz(func(t *testing.T, in string) { .. })`): an
 * assertion helper called on any of them fails the test.
 */
export function goTestHandles(fn: SgNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of fn.findAll({ rule: { kind: "parameter_declaration" } })) {
    const type = ((p.field("type" as never) as SgNode | null)?.text() ?? "").replace(/\s+/g, "");
    const kind = HANDLE_TYPE.exec(type)?.[1];
    if (!kind) continue;
    for (const c of p.children()) if (c.kind() === "identifier") out.set(c.text(), kind);
  }
  return out;
}

/**
 * The same, read from the text of a file's top-level function heads (`func assertSkips(t *testing.T, ..)`, `func (s *Suite)
 * check(tb testing.TB)`): each function's handle parameters by its name, without a tree walk per function.
 */
export function goSignatureHandles(code: string): Map<string, string[]> {
  return new Map([...code.matchAll(/^func\s*(?:\([^)]*\)\s*)?(\w+)\s*(?:\[[^\]]*\])?\(([^)]*)\)/gm)].map((m) => [m[1]!, [...m[2]!.matchAll(/(\w+(?:\s*,\s*\w+)*)\s+\*?testing\.(?:T|TB|B|F)\b/g)].flatMap((h) => h[1]!.split(/\s*,\s*/))] as [string, string[]]));
}

const escape = (s: string): string => s.replace(/[$]/g, "\\$");

/** `h.Error(..)`, `h.Fatalf(..)`, `h.Fail()` on one of `handles`. */
export function goHandleAsserts(code: string, handles: ReadonlyMap<string, string>): boolean {
  if (!handles.size) return false;
  const names = [...handles.keys()].map(escape).join("|");
  return new RegExp(`(?<![\\w.])(${names})\\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\\b`).test(code);
}

/**
 * An assertion made through a wrapper built from the handle alone and bound to one name (`g := goblin.Goblin(t)` then
 * `g.Assert(x).Equal(y)`, `c := qt.New(t)` then `c.Check(..)`): the wrapper reports to the test, so a check-named
 * method of it is the test's (a fixture pair such as `s, mock := newMock(t)` is not a wrapper).
 */
export function goWrapperAsserts(code: string, handles: ReadonlyMap<string, string>): boolean {
  const names = ["t", "tt", "b", "f", ...handles.keys()].map(escape).join("|");
  const wrappers = [...code.matchAll(new RegExp(String.raw`(?:^|[\n;{])[ \t]*(\w+)\s*:?=\s*[\w.]+\(\s*(?:${names})\s*\)`, "g"))].map((m) => escape(m[1]!));
  if (!wrappers.length) return false;
  // `Expect(` alone (gomega's `g.Expect(x).To(..)`); sqlmock's `ExpectQuery(..)` only sets up what a later check reads.
  return new RegExp(String.raw`(?<![\w.])(?:${wrappers.join("|")})\.(?:(?:Assert|Require|Check|Verify|Equal|Fail|Fatal|Error)\w*|Expect|NotEqual|True|False|Nil|NotNil|NoError|Len|Contains|Empty|NotEmpty)\(`).test(code);
}

/**
 * A fuzz target: the *testing.F handle runs a fuzz function (`f.Fuzz(func(t *testing.T, ..) {..})`). Its
 * check is that the code under test does not panic on generated input.
 */
export function goFuzzTarget(code: string, handles: ReadonlyMap<string, string>): boolean {
  const fs = [...handles].filter(([, k]) => k === "F").map(([n]) => escape(n));
  return fs.length > 0 && new RegExp(`(?<![\\w.])(${fs.join("|")})\\.Fuzz\\(\\s*func\\s*\\(`).test(code);
}

/**
 * A concurrency test: it starts goroutines (`go func() {..}()`, `go worker(ctx)`) and waits for them
 * (`wg.Wait()`, `g.Wait()`, a channel receive, a `select`). Run under `go test -race`, its oracle is the race
 * detector, and a deadlock or a panic fails it: a smoke test by construction, like a fuzz target.
 */
export function goConcurrencyTest(code: string): boolean {
  return /(?<![\w.])go\s+(func\s*\(|[\w.]+\s*\()/.test(code) && /\.Wait\(\s*\)|<-\s*[\w.]+|\bselect\s*\{/.test(code);
}

/**
 * A helper process: a test another test of the file runs as a subprocess by naming it (`exec.Command(os.Args[0],
 * "-test.run=TestHelperProcess")`, `testx.Exec("TestWorkDirHelper", env)`): the os/exec idiom for a child whose
 * output the naming test checks. It is a program the check drives, not a test of its own.
 */
export function goHelperProcess(name: string, fileText: string, own: string): boolean {
  const named = new RegExp(`["'\`](?:-(?:test\\.)?run=\\^?)?${escape(name)}\\$?["'\`]|-(?:test\\.)?run=\\^?${escape(name)}\\b`);
  return named.test(fileText.replace(own, ""));
}

/**
 * gomock/mockery expectations (`rw.EXPECT().WriteHeader(400)`): the controller fails the test when an expected
 * call never comes. One that allows any number of calls, zero included (`.AnyTimes()`), expects nothing. pegomock's
 * verifications (`m.VerifyWasCalledOnce().Find(x)`) check the calls that came.
 */
export function goMockExpects(code: string): boolean {
  // pegomock verifies after the act (`vcsClient.VerifyWasCalledOnce().MergePull(..)`, `VerifyWasCalled(Never())`):
  // a verification that fails the test like gomock's expectations.
  if (/\.VerifyWasCalled(?:Once|InOrder|EventuallyOnce|Eventually)?\(/.test(code)) return true;
  const statements = code.split(/\n\s*\n|;\s*\n|\n(?=\s*\w[\w.]*\.EXPECT\(\))/).filter((st) => /\.EXPECT\(\)/.test(st));
  return statements.some((st) => !/\.AnyTimes\(\)/.test(st));
}
