// What counts as an assertion in a test, per language: runtime, snapshot, type-level, helper-delegated,
// a declared smoke test ("does not crash") and a throw-based check (a parse whose throw fails the test).
import type { SgNode } from "@ast-grep/napi";
import { goImports } from "./checks/go-callee-answers";
import { goConcurrencyTest, goFuzzTarget, goHandleAsserts, goMockExpects, goSignatureHandles, goTestHandles, goWrapperAsserts } from "./go-test-handles";
import type { GrammarLanguage } from "./rule-spec";
import { closeParen, escapeRegExp } from "./syntax";
import type { TestCase } from "./test-context";
import { pyEndsValidating, webtestAsserts } from "./py-test-shapes";

export type AssertionKind = "runtime" | "snapshot" | "type-level" | "helper" | "declared-smoke" | "throw-based" | "fuzz-target" | "concurrency" | "benchmark";

interface Model {
  runtime: RegExp;
  snapshot: RegExp;
  typeLevel: RegExp;
  /** Calls that delegate the check by convention: `expectStatus(res, 200)`, `check_row(row)`, `helper(t, ...)`. */
  delegate: RegExp;
  /** What a same-file helper must contain to count as asserting (Rust: `?`/unwrap in code under test do not). */
  helperAsserts: RegExp;
  /** Calls whose throw is the test's only check: at most an info-level "smoke test" note. */
  throwing: RegExp;
}

// Cypress's `cy.contains(..)` (also chained: `cy.get("tbody").contains("td", "x")`) and `cy.wait("@alias")` retry and
// fail the test when the text or the request never comes. node-tap's root object asserts as its `t` does (`tap.ok(x)`),
// QUnit's global assertions are bare calls (`ok(x)`, `deepEqual(a, b)`), a sinon mock's `mock.verify()` throws
// when an expectation set on it was not met, and jasmine's global `fail(..)` fails the test (also handed on as a
// rejection handler: `.then(fail, (err) => ..)`). testing-library's queries by what the page shows (`getByText("Saved")`,
// `findAllByRole("row")`, bare from a render result, on `screen`, `within(el)` or Cypress's `cy`) throw a descriptive
// error when nothing matches: each names an element the test expects to be there, an assertion of presence
// (`queryBy*` answers null and is not one). Playwright's `page.getByText(..)` spells the same name and only makes a
// lazy locator: on any other receiver it asserts nothing. (A branch that throws is not read as a check here: this text is also
// asked of helpers and of a test's callbacks, where `if (n < 3) throw` is a fake's behaviour.)
// nock's `scope.done()` throws unless every interceptor of the scope was used: the request the test expects was made.
// mocha-webdriver's waiting lookups (`driver.findWait(".test-backups")`, `findContent(".menu", /Export/)`,
// `findContentWait(..)`) fail the test when the page never shows what they name, as testing-library's queries do.
const TS_RUNTIME = String.raw`\b(?:driver|browser|el|elem|element|\w+El|\w+Elem|\w+Element)\.(?:findWait|findContentWait|findContent)\s*\(|(?:(?<![\w$.])|\bscreen\.|\bwithin\([^()]*\)\.|\bcy\.)(?:get|getAll|find|findAll)By(?:Role|LabelText|PlaceholderText|Text|DisplayValue|AltText|Title|TestId)\s*\(|\bcy(?:\.[^;\n]*?)?\.contains\(|\bcy\.wait\(\s*["'\x60]@|\bassert\w*\s*[<(]|\bassert\.\w+|\b(expect|should)\b|\.should\b|\b(t|tt|ctx|st|tap|assert)\.(is|not|ok|notOk|equal|equals|deepEqual|strictEqual|notEqual|notStrictEqual|notDeepEqual|same|notSame|like|unlike|throws|throwsAsync|rejects|resolves|notThrows|doesNotThrow|doesNotReject|true|false|truthy|falsy|regex|match|notMatch|fail|pass|assert|plan|error|ifError)\b|\.(toBe|toEqual|toMatch|toThrow|toHaveBeenCalled|toStrictEqual|toContain|toHave|toBeTruthy|toBeFalsy)\w*\s*\(|(?:^|[\s;{])(ok|notOk|equal|notEqual|deepEqual|notDeepEqual|strictEqual|notStrictEqual|propEqual)\s*\(|\b\w*[mM]ock\w*\.verify\(\s*\)|\bnock\([\s\S]*\.done\(\s*\)|(?:^|[\s;{(,])fail\s*\(|[(,]\s*fail\s*[,)]`;

const MODELS: Record<GrammarLanguage, Model> = {
  typescript: {
    runtime: new RegExp(TS_RUNTIME),
    snapshot: /\.toMatch(Inline|File)?Snapshot\(|\bt\.snapshot\(/,
    // expect-type, tsd, vitest's assertType, `type _ = Expect<Equal<A, B>>`, @ts-expect-error lines,
    // typed `_` bindings (`const _s: Schema<string> = z.string()`) and `satisfies`.
    typeLevel: /\b(expectTypeOf|assertType|expectType|expectNotType|expectError|expectAssignable|expectNotAssignable|expectDeprecated)\b|@ts-expect-error|\btype\s+_\w*\s*=|\b(Expect|IsExact|Equal|AssertTrue|AssertFalse)\s*<|\b(const|let)\s+_\w*\s*:\s*\w|\bsatisfies\s/,
    // Only assert*/expect* are test vocabulary; check*/verify* are as often the code under test (`checkCsrf`).
    // ... or handing the test object itself to a helper (`createAccount(test, page, user)`, `check(t, res)`).
    // ... or handing the test object or the browser fixture to a helper (`createAccount(test, page, user)`,
    // `auth.login(page)`): page-object helpers in e2e suites hold the expects.
    delegate: /\b(assert|expect|should)[A-Z_]\w*\s*[<(]|\b[\w.]+\(\s*(test|t|expect|page|browser)\s*[,)]/,
    helperAsserts: new RegExp(TS_RUNTIME),
    // ... and queries that throw when the page lacks what they look for (testing-library's getBy/findBy,
    // puppeteer/playwright waits, and polling waits by any name: `waitUntil(..)`, `waitUntilSuccess(..)`, which
    // throw on timeout): implicit assertions, a smoke test at best.
    // ... and an awaited action on a page element (WebdriverIO's and Playwright's `await this.saveBtn.click()`,
    // `await $("#save").click()`, `await nameInput.setValue(..)`): the driver throws when the element never appears.
    // The receiver must be an element (a page object's field, a `$()` query, a name saying what it is): user-event's
    // and fireEvent's `click(el)` are handed an element already found, and a key-value client's `setValue` is no UI.
    throwing: /\b(JSON\.parse|parse\w*|\w+\.(parse|safeParse|validate|decode|compile|render)\w*|compile\w*|render\w*|(screen\.|\w+\.)?(getBy|getAllBy|findBy|findAllBy)\w+|\w*wait(?:For|Until)\w*)\s*\(|\bawait\s+(?:\$\$?\([^()]*\)|this\.[\w$]+(?:\([^()]*\))?|[\w$]*(?:[Bb]tn|Button|Input|Field|Link|Element|Menu|Tab|Item|Entry|Row|Cell|Checkbox|Select|Dropdown|Modal|Dialog|Icon|Toggle|Locator)[\w$]*(?:\([^()]*\))?|page\.locator\([^()]*\))\.(click|doubleClick|setValue|addValue|clearValue|selectByIndex|selectByVisibleText|selectByAttribute|dragAndDrop|moveTo)\(/,
  },
  python: {
    // ... and Playwright's web-first assertions (`expect(page.locator("#x")).to_be_visible()`), and assertion
    // fixtures (`with django_assert_num_queries(1):`, pytest-django's: the block fails on another count).
    // ... and pytest's context managers imported bare (`from pytest import raises`: `with raises(ConfigError):`).
    // ... and a callable named for the checks it makes, however it reached the test (`unauthorized_api_assertions(response)`:
    // a fixture pytest_generate_tests parametrizes with asserting functions).
    // ... and a hand-written check: a branch whose first statement raises (`if errors: raise Exception(...)`).
    // ... and expectation methods that raise when unmet (NiceGUI's `await user.should_see("Saved")`, `should_not_see`,
    // selene's `browser.element(..).should(have.text(..))`); a predicate named `should_retry(..)` answers, it does not raise.
    // ... and Twisted trial's checks on a Deferred (`self.successResultOf(d)`, `failureResultOf`): they fail the test
    // when the Deferred has not fired the way they name.
    // ... and HTTP mocks that fail the test when an expected request was not made as registered (`responses.RequestsMock(
    // assert_all_requests_are_fired=True)`, respx's `assert_all_called=True`); a matcher only decides whether the mock answers.
    runtime: /\bassert\b|\bassert_all_requests_are_fired\s*=\s*True\b|\bassert_all_called\s*=\s*True\b|\bself\.(assert\w*|fail\w*|successResultOf|failureResultOf)\s*\(|\.should(_not)?_see\s*\(|\.should\s*\(|\bif\b[^\n]*:[ \t]*(#[^\n]*)?\n[ \t]*raise\s+(?!NotImplementedError)[A-Za-z_]|\bpytest\.(raises|fail|warns|approx|deprecated_call)\b|\bwith\s+(raises|warns)\s*\(|\.assert_\w+\s*\(|\bassert_\w+\s*\(|\bassert\w+\s*\(|\b\w+_assert_\w+\s*\(|\b\w+_assert(?:s|ions?)\s*\(|\bexpect\(.*\)\s*\.\s*(not_)?to_\w+\s*\(/,
    snapshot: /==\s*snapshot\b|\bsnapshot\.assert_match\(|\bassert_match_snapshot\(/,
    typeLevel: /\bassert_type\s*\(/,
    // `self.check_row(...)`, `expect_status(...)` (a module's private `_assert_snapshot(..)` too), and running another test function (`test_read_main()`).
    // ... and handing a call what it must find (`self.delete(url, expected_status=404)`, `run(cmd, expected=out)`):
    // a keyword named for an expectation is there to be compared (webtest's `expect_errors` only lifts a check).
    // ... the same with a keyword named for what the helper must see (`helper.send_state(.., expect_code=403)`) or
    // for the check it runs (`self.check(.., asserter=self.assertEventsEqual)`).
    delegate: /\b(assert|expect)_\w*\s*\(|(?<![\w.])_+(assert|expect)_\w*\s*\(|\bself\.(_?(assert|expect)\w*)\s*\(|\btest_\w+\s*\(|[(,]\s*(?:expected(?:_\w+)?|expect_(?!errors\b)\w+|asserter)\s*=(?!=)/,
    // ... and unittest's checks called on a test case the helper is handed (`def check_totals(test, url, n):
    // test.assertEqual(..)`).
    helperAsserts: /\bassert\b|\bself\.(assert\w*|fail\w*)\s*\(|\.assert[A-Z]\w*\s*\(|\bpytest\.(raises|fail|warns)\b|\.assert_\w+\s*\(|\braise\s+AssertionError\b/,
    // ... and decoders by any name (`decode_token(...)`, `jwt.decode(...)`, `deserialize_frame(...)`): they raise on bad input.
    // ... and Django's model validation anywhere in the test (`vdc.full_clean()`: it raises ValidationError),
    // and polling waits (`wait_for_selector(..)`, `wait_until(..)`: they raise on timeout).
    throwing: /\bis_valid\(\s*raise_exception\s*=\s*True\s*\)|\b(json\.loads|yaml\.\w*load\w*|\w+\.(parse\w*|model_validate\w*|parse_obj|validate\w*|compile|render\w*|full_clean|clean_fields|validate_unique|validate_constraints)|parse\w*|compile|render\w*|\w*(decode|deserializ|unmarshal)\w*|\w*wait_(?:for|until)\w*)\s*\(/,
  },
  go: {
    // ... and GoConvey's `So(actual, ShouldEqual, expected)` (dot-imported, `convey.So`, or a `c C` context's `c.So`),
    // and gocheck's `c.Assert(v, Equals, 3)` / `c.Check(err, IsNil)`: a check called with one of the framework's checkers.
    // ... and testify mocks' own checks (`repo.AssertCalled(t, "Save", ..)`, `AssertExpectations(t)`).
    runtime: /\.Assert(?:Called|NotCalled|NumberOfCalls|Expectations)\(|(?<![\w.])(?:convey\.|\w+\.)?So\(|\.(?:Assert|Check)\([^;\n]*,\s*(?:\w+\.)?(?:Equals|DeepEquals|IsNil|NotNil|ErrorMatches|Matches|HasLen|Not|FitsTypeOf|Implements|Panics|PanicMatches|IsTrue|IsFalse)\b|\b(t|b|f)\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\b|\b(assert|require|is|qt|check|be)\.\w+\(|\b(g\.)?Expect\(|\bΩ\(|\.Require\(\)\.|\b(s|suite)\.(Equal|NoError|Error|True|False|Nil|NotNil|Len|Contains|Empty|NotEmpty|EqualValues|ErrorIs|Assert\(\))/,
    snapshot: /\b(snaps|cupaloy|golden|goldie)\.\w+\(/,
    typeLevel: /\bvar\s+_\s+\*?\w[\w.]*(?:\[[^\]\n]*\])?\s*=/,
    // Handing t (or b/f) to a helper delegates the check: `wantBalance(t, l, 0)`.
    // ... or running a subtest given by name: `t.Run(name, tc.test)`.
    delegate: /\b\w+(\.\w+)*\(\s*(t|tt|b|f)\s*[,)]|\bt\.Run\([^,()]+,\s*[\w.]+\s*\)/,
    // ... also through a harness's embedded or held testing.T (`c.T.Fatalf(..)`, `h.t.Error(..)`).
    helperAsserts: /\b(t|tb|b|T|TB)\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\b|\b(assert|require)\.\w+\(|(?<![\w.])(?:convey\.)?So\(/,
    throwing: /(?!)/,
  },
  rust: {
    // ... assertion methods (`cmd.assert().success()`, clap's `Command::debug_assert()`) are explicit too.
    // ... and googletest's expectation macros (`expect_that!(r, ok(anything()))`, `verify_eq!`).
    // ... and assertion macros a crate prefixes (`pretty_assert_eq!`, proptest's `prop_assert_eq!`).
    runtime: /\b(\w*assert\w*|panic|unreachable|expect_\w+|verify_\w+)!|\.(assert\w*|debug_assert\w*)\(|\.(unwrap|expect|unwrap_err|expect_err)\(|\?\s*;|\?\)/,
    // Any snapshot macro, however a crate wraps insta (`meili_snap::snapshot!`, `debug_snapshot!`, `assert_json_snapshot!`).
    snapshot: /\binsta::\w+!|\b\w*snapshot!/,
    // Compile-time tests: bound checks with type arguments only, `type _T = ...`, typed `_` bindings,
    // IsSend-style wrappers, trybuild's compile_fail/pass suites.
    typeLevel: /(?<![.\w])(assert|is|require|check|ensure)_?\w*::<|\btype\s+_\w*|\blet\s+_\w*\s*:\s*[\w&(]|\blet\s+\(\)\s*=|\bIs(Send|Sync|Unpin)\w*\(|\bTestCases::new\(\)/,
    // ... and running a suite (`crate::run_ui_tests("debug_handler")`: trybuild UI tests).
    delegate: /\b(assert|expect|check)_\w*\s*(::\s*<[^;{}()]*>\s*)?\(|\b(run_\w*tests?|\w+_tests)\s*\(/,
    helperAsserts: /\b(\w*assert\w*|panic|unreachable)!|\.(unwrap_err|expect_err)\(/,
    // ... and calls named for a validation or a polling wait (`build_and_validate(schema);`,
    // `router.wait_for_log_message("..").await;`): Rust's panic is their failure, so a test making one is a smoke test.
    throwing: /(?:^|[;{}])\s*(?:[\w:]+(?:\([^()]*\))?\s*\.\s*)*(?:validate\w*|\w+_validate\w*|wait_for\w*|wait_until\w*)\s*\(/m,
  },
};

const suiteFiles = new WeakMap<object, { file: string; own: Set<string> }>();

/** A suite's file text and the methods it declares on any receiver, read once per file. */
function suiteFile(method: SgNode): { file: string; own: Set<string> } {
  const key = method.getRoot() as object;
  let known = suiteFiles.get(key);
  if (!known) {
    const file = method.getRoot().root().text();
    known = { file, own: new Set([...file.matchAll(/\bfunc\s*\(\s*\w+\s+\*?\s*\w+\s*\)\s*([A-Za-z]\w*)\s*\(/g)].map((m) => m[1]!)) };
    suiteFiles.set(key, known);
  }
  return known;
}

/** The receiver of a suite method (`func (suite *HookTestsSuite) TestX()` -> suite) used for testify's checks. */
function goSuiteAsserts(method: SgNode, code: string): boolean {
  const recv = /\(\s*([A-Za-z_]\w*)\s+\*?\s*[A-Za-z_]\w*\s*\)/.exec((method.field("receiver" as never) as SgNode | null)?.text() ?? "")?.[1];
  if (!recv) return false;
  const { file, own } = suiteFile(method);
  // testify's suite methods are its assertions (`Equal`, `Exactly`, `WithinDuration`, `HTTPStatusCode`..), all
  // capitalised; not the suite's plumbing (`T()`, `Run`, setup and teardown hooks), nor a method the file defines itself
  // (a helper is asked one hop below), and `s.T().Fatalf` fails through the T, as does a helper handed it
  // (`cstest.RequireErrorContains(s.T(), err, ..)`).
  const PLUMBING = /^(T|Run|SetT|SetS|Setup\w*|TearDown\w*|Before\w*|After\w*)$/;
  const asserts = (text: string, r: string) =>
    new RegExp(`\\b${r}\\.(Require|Assert)\\(\\)|\\b${r}\\.T\\(\\)\\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\\b|\\(\\s*${r}\\.T\\(\\)\\s*[,)]`).test(text) || MODELS.go.runtime.test(text)
    || [...text.matchAll(new RegExp(`\\b${r}\\.([A-Z]\\w*)\\(`, "g"))].some((m) => !PLUMBING.test(m[1]!) && !own.has(m[1]!));
  if (asserts(code, recv)) return true;
  // ... or through a helper method of the suite that does (`suite.testAllRoutes(org, 1)`), one hop.
  for (const m of code.matchAll(new RegExp(`\\b${recv}\\.(\\w+)\\(`, "g"))) {
    if (!own.has(m[1]!)) continue;
    const def = new RegExp(`\\bfunc\\s*\\(\\s*(\\w+)\\s+\\*?\\s*\\w+\\s*\\)\\s*${m[1]}\\s*\\(`).exec(file);
    if (!def) continue;
    const end = file.indexOf("\n}", def.index);
    if (asserts(file.slice(def.index, end < 0 ? undefined : end), def[1]!)) return true;
  }
  return false;
}

/**
 * Go: a table's assertion functions called with t (`wantErr assert.ErrorAssertionFunc` in the case struct, then
 * `tt.wantErr(t, err)`): testify's own checks, chosen per case (`assert.NoError` for one, `assert.Error` for another).
 */
function goTableAsserts(code: string): boolean {
  const fields = [...code.matchAll(/\b(\w+)\s+(?:assert|require)\.\w*AssertionFunc\b/g)].map((m) => m[1]!);
  return fields.some((f) => new RegExp(`\\.${f}\\(\\s*t\\s*,`).test(code));
}

/**
 * Rust's explicit checks; what `runtime` adds beyond them (`unwrap`, `expect`, `?`) only says a call
 * returned Ok.
 */
const RUST_EXPLICIT = /\b(\w*assert\w*|panic|unreachable)!|\.(assert\w*|debug_assert\w*)\(|\.(unwrap_err|expect_err)\(/;

/** Printing a result is looking at it by eye, not checking it. */
const PRINTS: Record<GrammarLanguage, RegExp> = {
  typescript: /\bconsole\.(log|info|dir|debug|table)\s*\(/,
  python: /(?<![\w.])print\s*\(|\bpprint\s*\(/,
  rust: /\b(println|print|eprintln|eprint|dbg)!/,
  go: /\b(t|b)\.Logf?\(|\bfmt\.Print/,
};

/**
 * A call whose Ok value carries the failure (a process's exit status, an HTTP response): the test's last
 * statement unwrapping and dropping it checked only that it ran (`cmd.output().unwrap();`).
 */
/**
 * The test ends by calling a method on what it built and dropping the answer (`j.compact(5);`): the
 * unwraps before it only checked the setup; the behaviour the test is about goes unchecked. Dropping it
 * explicitly (`let _ = client.fetch(&url).await;`) is the same: the answer is thrown away, not checked.
 */
/** Arguments nested up to four deep (`push(Job::new("x", Some(Duration::from_secs(3))))`), no statement inside. */
const ARGS = [1, 2, 3].reduce((inner) => String.raw`(?:[^;()]|\(${inner}*\))`, String.raw`[^;()]`);
const ENDS_UNCHECKED = new RegExp(String.raw`(^|[;{}]\s*)(let\s+_\s*=\s*)?[a-z_]\w*(\.[a-z_]\w*)*\.(?!(unwrap|expect|join|wait|await|close|shutdown|flush|abort)\b)[a-z_]\w*\(${ARGS}*\)(\.await)?\s*;$`);
/**
 * The same drop through a binding the compiler is told is unused (`let _res = Client::post(..).send(&svc).await;`):
 * an underscore-prefixed name is Rust's own "never read", whatever the call chain that produced it: a method,
 * a path call wrapping the request (`let _r = tokio::time::timeout(d, svc.call(req)).await;`), or a task or
 * future the test awaited and threw away (`let _ = handle.await;`: the join result carries the task's outcome).
 */
const BINDS_UNUSED = new RegExp(String.raw`(^|[;{}]\s*)let\s+_\w*\s*=\s*(?:[^;]*?(?:\.|::|(?<![\w.:])))(?:(?!(unwrap|expect|join|wait|close|shutdown|flush|abort)\b)[a-z_]\w*\(${ARGS}*\)(\s*\.await)?|[a-z_]\w*\s*\.await)\s*;$`);
/** ... the same binding after an unwrap (`let _gw = start(cfg).await.unwrap();`): the test checks only that the call succeeded. */
const BINDS_UNWRAPPED = new RegExp(BINDS_UNUSED.source.replace(/\\s\*;\$$/, String.raw`\s*\.(?:unwrap|expect)\(${ARGS}*\)\s*;$`));
/**
 * The test's last statement only runs on success (`if let Ok(reply) = reply { .. }`, `if let Some(..)`):
 * when the call failed the test passes silently. What that block ends with is the test's real tail.
 */
function conditionalTail(tail: string): string | null {
  const m = /(?:^|[;}]\s*)if\s+let\s+(?:Ok|Some)\s*\([^)]*\)\s*=\s*[^{;]+\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}$/.exec(tail);
  return m ? m[1]!.trim() : null;
}
const DROPS_STATUS = /\.(output|status)\(\)\s*(\.await)?\s*(\.unwrap\(\)|\.expect\([^)]*\)|\?)?\s*;?\s*$/;

/**
 * Go fixtures: `s := openStore(t)`, a helper given only the test handle (and constants, composite literals
 * of constants included) whose result the test
 * keeps. Its checks are about the setup it builds, not the behaviour the test is about.
 */
const GO_CONST = String.raw`(?:"[^"\n]*"|-?\d+(?:\.\d+)?|nil|true|false)`;
/** A composite literal of constants (`map[string]string{"a/1": "one"}`, `[]int{1, 2}`, `Opts{Name: "x"}`): still constant data. */
const GO_COMPOSITE = String.raw`[\w.\[\]*]+\{\s*(?:(?:\w+|${GO_CONST})\s*:\s*)?${GO_CONST}(?:\s*,\s*(?:(?:\w+|${GO_CONST})\s*:\s*)?${GO_CONST})*\s*,?\s*\}`;
const GO_FIXTURE = new RegExp(String.raw`^[ \t]*[\w, ]+:?=\s*[\w.]+\(\s*(t|tt|b|f)\s*(,\s*(${GO_CONST}|${GO_COMPOSITE}))*\s*\)[ \t]*$`, "gm");

/**
 * The same fixture used as a value in place (`req.Header.Set("Authorization", token(t, "c1", "admin"))`):
 * handed as an argument to another call, its answer is data for the test, not the test's check.
 */
const GO_FIXTURE_ARG = new RegExp(String.raw`(?<=[(,]\s*)[\w.]+\(\s*(t|tt|b|f)\s*(,\s*(${GO_CONST}|${GO_COMPOSITE}))*\s*\)(?=\s*[,)])`, "g");

/**
 * Go delegation: a call handed the test handle delegates the check unless the helper is defined in this
 * file and cannot fail the test (`newRouter(t, svc)` that only calls `t.Helper()`).
 */
function goDelegates(code: string, asserting: Set<string>, defined: Set<string>, handles: ReadonlyMap<string, string>): boolean {
  const names = ["t", "tt", "b", "f", ...[...handles.keys()].map((n) => n.replace(/\$/g, "\\$"))].join("|");
  for (const m of code.matchAll(new RegExp(`(?<![\\w.])([\\w]+(?:\\.[\\w]+)*)\\(\\s*(${names})\\s*[,)]`, "g"))) {
    const name = m[1]!;
    if (!name.includes(".") && defined.has(name) && !asserting.has(name)) continue;
    return true;
  }
  return /\bt\.Run\([^,()]+,\s*[\w.]+\s*\)/.test(code);
}

/** "does not crash", "should not throw", "used to panic", "smoke test": the test states its assertion. */
/** "compile-only test", "should compile": the compiler is the assertion (any language). */
const COMPILE_ONLY = /compile[\s-]*(only|time)\s+(test|check)|(should|must|only\s+needs\s+to)\s+compile\b|type[\s-]*check(s|ed)?\s+only/i;

// ... and pytest's parametrize idiom `with does_not_raise():` (contextlib's nullcontext under that name): the test states that nothing raises.
const DECLARED_SMOKE = /\bdoes_not_raise\b|(does\s*n[o']?t|doesn't|must\s*not|should\s*n[o']?t|won't|will\s*not|never|used\s*to|no\s*longer|not)\s+(crash|panic|deadlock|hang|segfault|(over|under)flow|throw|raise|error|fail|blow\s*up|explode)|\bwithout\s+(crash|panic|throw|rais|error|fail|exception)\w*|\bno\s+(infinite\s+)?(crash|panic|error|exception|recursion|deadlock|hang)s?\b|looks?\s+for\s+(crashes|panics)|smoke\s*test|(crash|panic)\s*(regression|test)|\b(runs?|works?|completes?|succeeds?)\s+successfully\b|\bgracefully\b/i;

/**
 * A benchmark written as a test: the test, or a function of its file it calls, reads a clock before and after its
 * calls (`performance.now()` twice, `process.hrtime` twice, `console.time` with `console.timeEnd`, `start = Date.now()`
 * then `Date.now() - start`, `time.perf_counter()` twice, `timeit.timeit(..)`, `Instant::now()` with `.elapsed()`) and
 * reports how long they took. Its output is the timing; it was not written to assert what the calls return. A clock
 * read in a loop's or a branch's condition (`while (Date.now() - start < 5000)`, `while time.monotonic() < deadline`)
 * is a timeout, not a measurement.
 */
const MEASURES: Partial<Record<GrammarLanguage, RegExp>> = {
  typescript: /\bperformance\.now\(\)[^]*\bperformance\.now\(\)|\bprocess\.hrtime\b[^]*\bprocess\.hrtime\b|\bconsole\.time\([^]*\bconsole\.timeEnd\(|\b(\w+)\s*=\s*Date\.now\(\)[^]*\bDate\.now\(\)\s*-\s*\1\b/,
  python: /\btime\.(perf_counter|monotonic|process_time)(_ns)?\(\)[^]*\btime\.(perf_counter|monotonic|process_time)(_ns)?\(\)|\btimeit\.(timeit|repeat)\(|\bdefault_timer\(\)[^]*\bdefault_timer\(\)|\b(\w+)\s*=\s*time\.time\(\)[^]*\btime\.time\(\)\s*-\s*\6\b/,
  rust: /\bInstant::now\(\)[^]*\.elapsed\(\)/,
};
const TIMEOUT: Partial<Record<GrammarLanguage, RegExp>> = {
  typescript: /\b(while|if)\s*\([^)]*\b(Date|performance)\.now\(\)/,
  python: /\b(while|if)\b[^\n:]*\b(time\.(perf_counter|monotonic|process_time|time)(_ns)?|default_timer)\(\)/,
  rust: /\b(while|if)\b[^\n{]*\.elapsed\(\)/,
};

/** A call of the named function (`timeApiCalls(..)`, `timeApiCall<T>(..)`). */
const callsName = (text: string, name: string) => new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*(<[^>]*>)?\(`).test(text);

/** The file's functions that measure, themselves or through another that does (two levels): asked once per file (one file, one language). */
const timingByFile = new WeakMap<Map<string, string>, Set<string>>();
function timingFunctions(all: Map<string, string>, measures: (text: string) => boolean): Set<string> {
  let timing = timingByFile.get(all);
  if (timing) return timing;
  const bodies = [...all].filter(([name]) => /^[A-Za-z_$][\w$]*$/.test(name));
  timing = new Set(bodies.filter(([, body]) => measures(body)).map(([name]) => name));
  for (let round = 0; round < 2 && timing.size; round++) {
    for (const [name, body] of bodies) if (!timing.has(name) && [...timing].some((t) => callsName(body, t))) timing.add(name);
  }
  timingByFile.set(all, timing);
  return timing;
}

/** Does the test measure how long its calls take, itself or through functions of its file it calls (a timing helper's helper too)? */
function measuresTime(code: string, lang: GrammarLanguage, functions: () => Map<string, string>): boolean {
  const clock = MEASURES[lang];
  const timeout = TIMEOUT[lang];
  if (!clock || !timeout) return false;
  const measures = (text: string) => clock.test(text) && !timeout.test(text);
  if (measures(code)) return true;
  return [...timingFunctions(functions(), measures)].some((t) => callsName(code, t));
}

/**
 * TypeScript: a wait for a named outcome fails the test when the outcome never comes: Playwright's
 * `page.waitForURL("/teams/x")`, `waitForSelector`, `waitForResponse`, `waitForRequest`, `waitForEvent`,
 * `waitForFunction`, a locator's `.waitFor()` / `.waitFor({ state })`, selenium's `driver.wait(..)` on a condition, and a polling helper handed a predicate that
 * compares (`waitUntilSuccess(() => get(..), (c) => c.sidebar == "x")`). A pause (`waitForTimeout`, puppeteer's
 * `page.waitFor(1000)`), a load state or a named wait without a predicate (`waitUntilReplicated("k")`) names no outcome.
 */
function waitsOnOutcome(code: string): boolean {
  if (/\.waitFor(URL|Selector|Response|Request|Event|Function)\s*\(\s*\S|\.waitFor\s*\(\s*(\{|\))/.test(code)) return true;
  // selenium-webdriver's `driver.wait(until.elementLocated(..))`, or a predicate that compares (`driver.wait(async () =>
  // (await el.findAll(".x")).length < 11, 3000)`): rejected with a timeout when the outcome never comes.
  if (/\bdriver\.wait\s*\(\s*until\./.test(code)) return true;
  for (const m of code.matchAll(/\bdriver\.wait\s*\(/g)) {
    const open = m.index! + m[0].length - 1;
    const args = code.slice(open + 1, closeParen(code, open) - 1);
    if (/=>/.test(args) && /===?|!==?|[<>]=?/.test(args.replace(/=>/g, " "))) return true;
  }
  for (const m of code.matchAll(/\bwaitUntil\w*\s*\(/g)) {
    const open = m.index! + m[0].length - 1;
    // (a type's angle brackets, `async (): Promise<boolean> =>`, compare nothing)
    const args = code.slice(open + 1, closeParen(code, open) - 1).replace(/<[\w\s,|.[\]]*>/g, " ");
    if (/=>/.test(args) && /===?|!==?|[<>]=?/.test(args.replace(/=>/g, " "))) return true;
  }
  return false;
}

/** A comment saying the call below raises on failure (`# Raises TypeError if the filter violates a constraint`): its throw is the check. */
const DECLARES_THROW = /(#|\/\/)\s*(it\s+|this\s+)?(raises?|throws?|panics?)\s+(an?\s+)?(\w*(Error|Exception)\s+)?(if|when|on)\s/i;

const FUNCTION_KINDS: Record<GrammarLanguage, string[]> = {
  typescript: ["function_declaration", "method_definition", "variable_declarator", "generator_function_declaration"],
  python: ["function_definition"],
  // macro_rules! helpers (`inserted!(...)`) assert as often as functions do in Rust tests.
  rust: ["function_item", "macro_definition"],
  go: ["function_declaration", "method_declaration"],
};

/** Functions defined in the file (name → body text): the helpers a test may assert through. */
export function fileFunctions(root: SgNode, lang: GrammarLanguage, keep?: (fn: SgNode) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const fn of root.findAll({ rule: { any: FUNCTION_KINDS[lang].map((kind) => ({ kind })) } })) {
    if (keep && !keep(fn)) continue;
    const name = (fn.field("name" as never) as SgNode | null)?.text();
    const body = (fn.field("body" as never) ?? fn.field("value" as never) ?? (fn.kind() === "macro_definition" ? fn : null)) as SgNode | null;
    if (name && body) out.set(name, (out.get(name) ?? "") + "\n" + body.text());
  }
  return out;
}

function callsAny(text: string, names: Set<string>): boolean {
  // `helper!(...)`, `helper! { .. }`, `helper![..]`, `helper(...)` and Rust's turbofish `helper::<T>(...)` all call it.
  for (const n of names) if (new RegExp(`(?<![\\w$])${n.replace(/\$/g, "\\$")}(?:!\\s*[({[]|\\s*(::\\s*<[^;{}()]*>)?\\s*\\()`).test(text)) return true;
  return false;
}

/**
 * Go: a helper that hands its test handle, as a statement of its own, to a function this file does not define
 * (`Assert(t, ctx.CommandSkipped, "..")` dot-imported from the project's testing package, `testutil.Equals(tb, a, b)`):
 * the check lives there, as a test's own delegation reads it (goDelegates). A bound call (`c := setup(t)`) is a fixture.
 */
function goHandsHandleAway(body: string, fns: ReadonlyMap<string, string>, packages: ReadonlySet<string>, handles: readonly string[]): boolean {
  if (!handles.length) return false;
  for (const m of body.matchAll(new RegExp(`^[ \\t]*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\(\\s*(?:${handles.join("|")})\\s*[,)]`, "gm"))) {
    const [qualifier, fn] = m[1]!.includes(".") ? m[1]!.split(".") : [null, m[1]!];
    // A qualified call follows only through a package the file imports (`testutil.Equals(tb, ..)`); a method of a
    // value (`suite.check(t, ..)`) is one the floor cannot follow.
    if (qualifier ? !packages.has(qualifier) : fns.has(fn!)) continue;
    return true;
  }
  return false;
}

/**
 * Go: does a condition of the body compare a value (`line != actual`, `!match`, `got == want`) once `err != nil` tests
 * are set aside? A harness method that only fails on its own setup (`Conn` dialling, `if err != nil { t.Fatal(err) }`)
 * checks that it could run, not what the test did. Other languages assert by macro or call and are not asked.
 */
export function comparesBeforeFailing(code: string, lang: GrammarLanguage): boolean {
  if (lang !== "go") return true;
  // Only a condition whose branch fails the test (`if authz != "" { msg.Header.Set(..) }` prepares a request).
  return [...code.matchAll(/\bif\s+([^{\n]*)\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)].some((m) => /\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\(|\bpanic\(/.test(m[2]!)
    && /!=|==|<|>|!\s*[\w(]/.test(m[1]!.replace(/^[^;]*;/, "").replace(/\b\w*[eE]rr\w*\s*!=\s*nil\b/g, "")));
}

/** Names of same-file helpers that assert, directly or by calling another asserting helper (fixpoint). */
export function assertingHelpers(root: SgNode, lang: GrammarLanguage, keep?: (fn: SgNode) => boolean): Set<string> {
  const fns = fileFunctions(root, lang, keep);
  let imported: Set<string> | null = null;
  const packages = () => (imported ??= new Set(goImports(root.text()).keys()));
  // Go: each function's own test-handle parameters (`t *testing.T`, `tb testing.TB`), by name.
  let handleMap: Map<string, string[]> | null = null;
  const handlesOf = () => (handleMap ??= goSignatureHandles(root.text()));
  const asserts = MODELS[lang].helperAsserts;
  const yes = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, body] of fns) {
      if (yes.has(name)) continue;
      // Go: a helper that hands back what it made (`request(t, nc, ..) *nats.Msg`: `return reply`) and fails only on
      // its own errors (`if err != nil { t.Fatal(err) }` around the request) is setup: it checks that it could run, not
      // what the test did. One that returns nothing (`assertValid(t, addr)` failing on `Validate`'s error), compares a
      // value, or uses an assertion library, checks.
      // A helper named as a check (`mustVerify(t, s, token) *Claims`) checks whatever it hands back.
      const setup = lang === "go" && !/^(must|assert|expect|check|verify|require|ensure|want)/i.test(name) && /\breturn\s+(?!nil\b|err\w*\b)[^\s}]/.test(body) && !comparesBeforeFailing(body, lang) && !/\b(assert|require)\.\w+\(|(?<![\w.])(?:convey\.)?So\(/.test(body);
      const own = asserts.test(body) && !setup;
      if (own || (lang === "python" && webtestAsserts(body)) || callsAny(body, yes) || (lang === "go" && goHandsHandleAway(body, fns, packages(), handlesOf().get(name) ?? []))) { yes.add(name); grew = true; }
    }
  }
  return yes;
}

/** Attribute, decorator and comment lines just above a node (#[should_panic], @pytest.mark.skip, // used to panic). */
function preamble(lines: readonly string[], startLine: number): string {
  const out: string[] = [];
  for (let i = startLine - 1; i >= 0 && i >= startLine - 8; i--) {
    const l = lines[i]!.trim();
    if (/^(#\[|@|\/\/|#|\/\*|\*)/.test(l)) out.push(l);
    else break;
  }
  return out.join("\n");
}

export const COMMENT_LINE = /^\s*(\/\/|#(?!\[)).*$/gm;

/**
 * How a test asserts, or null when it asserts nothing. `helpers` is called lazily (it parses the file's
 * functions once). A `#[should_panic]` test asserts its panic.
 */
/**
 * TypeScript/JavaScript names bound from an assertion module, whatever they are called: `import {strict} from
 * "assert"`, `import {strict as check} from "node:assert"`, `import * as a from "assert/strict"`,
 * `const {ok, equal} = require("assert")` (every export of node's assert asserts but its error class), chai's
 * assert/expect/should under another name (`import {assert as t} from "chai"`, `const t = require("chai").assert`),
 * and sinon's assert export, taken from the module or from a sandbox it made (`const sandbox =
 * require("sinon").createSandbox(); const { assert: sinonAssert } = sandbox`). Asked once per file.
 */
const NODE_ASSERT = String.raw`["'\x60](?:node:)?assert(?:/strict)?["'\x60]|["'\x60](?:power-assert|uvu/assert)["'\x60]`;
const CHAI = String.raw`["'\x60]chai["'\x60]`;
const SINON = String.raw`["'\x60]sinon["'\x60]`;
const ASSERTING_EXPORTS: readonly (readonly [string, RegExp | null])[] = [[NODE_ASSERT, null], [CHAI, /^(assert|expect|should)$/], [SINON, /^assert$/]];
let assertNamesOf: { text: string; names: string[] } | null = null;
function assertModuleNames(text: string): string[] {
  if (assertNamesOf?.text === text) return assertNamesOf.names;
  const names: string[] = [];
  for (const [module, only] of ASSERTING_EXPORTS) {
    // `import BOUND from M`, or `const BOUND = require(M)` with an optional member read off the module.
    const spec = new RegExp(String.raw`\bimport\s+((?:(?!\bfrom\b|\bimport\b)[^;]){1,200}?)\s+from\s*` + module + String.raw`|\b(?:const|let|var)\s+((?:(?!\b(?:const|let|var|require)\b)[^;=]){1,200}?)\s*=\s*require\(\s*` + module + String.raw`\s*\)(?:\s*\.\s*([\w$]+)(?![\w$]|\s*\())?`, "g");
    for (const m of text.matchAll(spec)) {
      const member = m[3];
      // `require("chai").assert` binds the export itself; `require("chai").use(..)` binds nothing asserting.
      if (member && ((only && !only.test(member)) || member === "AssertionError")) continue;
      names.push(...boundNames(m[1] ?? m[2] ?? "", member ? null : only));
    }
  }
  for (const handle of sinonHandles(text)) {
    const from = new RegExp(String.raw`\b(?:const|let|var)\s+((?:(?!\b(?:const|let|var)\b)[^;=]){1,200}?)\s*=\s*${handle}\s*(\.\s*assert\b)?\s*(?:;|\n)`, "g");
    for (const m of text.matchAll(from)) names.push(...boundNames(m[1]!, m[2] ? null : /^assert$/));
  }
  assertNamesOf = { text, names };
  return names;
}

/** A file's lines joined once per file (each test of the file asks). */
const joinedText = new WeakMap<readonly string[], string>();
function joined(lines: readonly string[]): string {
  let t = joinedText.get(lines);
  if (t === undefined) joinedText.set(lines, (t = lines.join("\n")));
  return t;
}

/**
 * The test throws on the outcome it checks: under a comparison (`if (e.response.status !== 404) { throw new
 * Error("Status must be 404") }`), or in the promise's handler for the outcome it rules out (`.catch(() => { throw new
 * Error("Healthchecks failed") })`, `.then(() => { throw .. }, onRejected)`): a failed check fails the test.
 */
function throwsOnOutcome(code: string): boolean {
  // A no-op catch after it swallows the throw, and a test of the environment (`typeof document === "undefined"`) is no
  // check of an outcome.
  if (/\.catch\s*\(\s*(?:async\s*)?(?:\(\s*[\w$]*\s*\)|[\w$]+)\s*=>\s*(?:\{\s*\}|null|undefined|void 0)\s*\)/.test(code)) return false;
  const thrown = String.raw`\{?\s*throw\s+new\s+\w*Error\b`;
  const handler = String.raw`(?:async\s*)?(?:\(\s*[\w$]*\s*\)|[\w$]+)\s*=>\s*`;
  // The condition reads an outcome (a status, a response, a result, a body), not the test's own counter (`if (n < 3)
  // throw new Error('again')` inside the function under test simulates a failure).
  return new RegExp(String.raw`\bif\s*\((?![^)]*\btypeof\b)(?=[^)]*\b(status\w*|response|res|result\w*|body|data|ok)\b)(?:[^()]|\([^()]*\))*?(?:[!=]==?|[<>]=?)(?:[^()]|\([^()]*\))*\)\s*${thrown}`).test(code)
    || new RegExp(String.raw`\.(?:catch|then)\s*\(\s*${handler}${thrown}`).test(code);
}

/**
 * A subject made by a class an assertions module exports, asked a question (aws-cdk's `import { Template } from
 * "aws-cdk-lib/assertions"`, `template = Template.fromStack(stack)`, then `template.hasResourceProperties(..)` or
 * `Annotations.fromStack(stack).hasError(..)`): its methods throw when the subject does not match. Lookups
 * (`find*`, `get*`, `to*`) answer values and check nothing.
 */
let subjectsOf: { text: string; made: string; subjects: string[] } | null = null;
function assertsThroughSubject(code: string, text: string): boolean {
  if (subjectsOf?.text !== text) subjectsOf = { text, ...assertionSubjects(text) };
  const { made, subjects } = subjectsOf;
  if (!made) return false;
  const asked = String.raw`\s*\.\s*(?!find|get|to[A-Z])[a-z][\w$]*\s*\(`;
  return new RegExp(String.raw`(?<![\w$.])(?:${made})\s*\.\s*[\w$]+\s*\([^()]*\)${asked}`).test(code)
    || (subjects.length > 0 && new RegExp(String.raw`(?<![\w$.])(?:${subjects.join("|")})${asked}`).test(code));
}

/** The classes a file imports from an assertions module (joined as a pattern) and the values it makes from them. */
function assertionSubjects(text: string): { made: string; subjects: string[] } {
  if (!text.includes("/assertions")) return { made: "", subjects: [] };
  const classes: string[] = [];
  for (const m of text.matchAll(/\bimport\s+\{([^}]{1,300})\}\s+from\s*["'`][^"'`]*\/assertions["'`]/g)) classes.push(...boundNames(`{${m[1]}}`, null).filter((n) => /^[A-Z]/.test(n)));
  if (!classes.length) return { made: "", subjects: [] };
  const made = classes.map(escapeRegExp).join("|");
  const subjects = [...text.matchAll(new RegExp(String.raw`(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*(?:${made})\s*\.\s*[\w$]+\s*\(`, "g"))].map((m) => escapeRegExp(m[1]!));
  return { made, subjects };
}

/** The local names a binding pattern introduces for the exports `only` admits (all of them when null). */
function boundNames(binding: string, only: RegExp | null): string[] {
  const out: string[] = [];
  for (const part of binding.replace(/^type\s+/, "").replace(/[{}]/g, ",").split(",")) {
    const p = /^(?:\*\s+as\s+)?(?:([\w$]+)\s+as\s+|([\w$]+)\s*:\s*)?([A-Za-z_$][\w$]*)$/.exec(part.trim());
    if (!p || p[3] === "type" || p[3] === "AssertionError") continue;
    const exported = p[1] ?? p[2] ?? p[3]!;
    if (!only || only.test(exported)) out.push(p[3]!);
  }
  return out;
}

/** Names that hold sinon or a sandbox it made: `const sinon = require("sinon")`, `import sinon from "sinon"`, `= sinon.createSandbox()`. */
function sinonHandles(text: string): string[] {
  const module = [...text.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*${SINON}\s*\)(\s*\.\s*createSandbox\(\s*\))?|\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s*${SINON}`, "g"))].map((m) => escapeRegExp(m[1] ?? m[3]!));
  if (!module.length) return [];
  const sandboxes = [...text.matchAll(new RegExp(String.raw`(?<![\w$])(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:${module.join("|")})\s*\.\s*createSandbox\(`, "g"))].map((m) => escapeRegExp(m[1]!));
  return [...module, ...sandboxes];
}

/** A Go `if .. err != nil {` branch (its initializer included) with no nested block: a setup step's own failure. */
const GO_ERR_BRANCH = /\bif\s+[^\n]*?\berr\w*\s*!=\s*nil\s*\{[^{}]*\}/g;

/**
 * A `httptest.NewRecorder()` the test hands to one call and never reads again (no `.Code`, `.Body`, `.Result()`, no
 * helper), with no check after that call (a later `if _, err := db.FindUser(..); err != nil { t.Fatal(..) }` checks a
 * side effect) and none before it but setup's own error branches.
 */
function goActDiscarded(code: string): boolean {
  const body = code.replace(/^[^{]*\{/, "").replace(/\}\s*$/, "");
  const statements = body.split("\n").map((l) => l.trim()).filter(Boolean);
  const lastStart = [...statements.keys()].reverse().find((i) => !/^[})\],]/.test(statements[i]!) && !/^\w+:\s/.test(statements[i]!));
  if (lastStart === undefined || !/^_(\s*,\s*_)*\s*=\s*[\w.]+\(/.test(statements[lastStart]!)) return false;
  return !/\b(t|tb|b)\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\b|\b(assert|require|is|qt)\.\w+\(|(?<![\w.])So\(/.test(body);
}

function goRecorderUnread(code: string): boolean {
  const m = /\b(\w+)\s*:=\s*httptest\.NewRecorder\(\)/.exec(code);
  if (!m) return false;
  const rest = code.slice(m.index + m[0].length);
  const uses = [...rest.matchAll(new RegExp(`(?<![\\w.])${m[1]}(?![\\w])`, "g"))];
  if (uses.length !== 1) return false;
  const after = rest.slice(uses[0]!.index!).replace(/^[^\n]*\n?/, "");
  const runtime = MODELS.go.runtime;
  return !runtime.test(after) && !runtime.test(code.slice(0, m.index).replace(GO_ERR_BRANCH, ""));
}

export function assertionOf(test: TestCase, lang: GrammarLanguage, lines: readonly string[], helpers: () => Set<string>, defined: () => Set<string> = () => new Set(), bodies: () => Map<string, string> = () => new Map()): AssertionKind | null {
  const m = MODELS[lang];
  const raw = test.body.text();
  const code = raw.replace(COMMENT_LINE, "");
  if (lang === "typescript") {
    const fileText = joined(lines);
    const names = assertModuleNames(fileText);
    if (names.length && new RegExp(String.raw`(?<![\w$.])(${names.map((n) => n.replace(/\$/g, "\\$")).join("|")})\s*(\.\s*[\w$]+\s*)*\(`).test(code)) return "runtime";
    if (assertsThroughSubject(code, fileText)) return "runtime";
  }
  if (lang === "typescript" && tapeObjectAsserts(code, test.params)) return "runtime";
  if (lang === "typescript" && throwsOnOutcome(code)) return "runtime";
  if (lang === "typescript" && waitsOnOutcome(code)) return "runtime";
  // A fake installed in place of a method whose body throws (`mgr.setAndGetCache = async (...a) => { ..; throw new
  // Error("Should not be called") }`): a call the code under test must not make fails the test.
  // Only a fake whose throw says it must not be reached is a check; one throwing to simulate a failure (`api.fetch =
  // async () => { throw new Error("network down") }`) is the test's setup.
  if (lang === "typescript" && /[\w$\]]\s*\.\s*[\w$]+\s*=\s*(?:async\s*)?(?:function\s*\w*\s*)?\([^)]*\)\s*(?:=>\s*)?\{[^{}]*\bthrow\s+new\s+\w*Error\(\s*["'`][^"'`]*(?:(?:not|never)\s+(?:be\s+)?(?:called|reached|invoked)|unexpected(?:ly)?\s+(?:call|invocation)|should\s*(?:not|n't)|must\s*(?:not|n't))/i.test(code)) return "runtime";
  const above = preamble(lines, test.node.range().start.line);
  if (/should_panic/.test(above) || /should_panic|xfail\(.*raises/.test(test.attributes ?? "")) return "runtime";
  const handles = lang === "go" ? goTestHandles(test.node) : new Map<string, string>();
  // Go: a test whose only failures are its setup's errors and whose response recorder is handed to the handler and
  // never read (`rec := httptest.NewRecorder(); h.BankWebhook(rec, req)` and nothing after): the action is unchecked.
  if (lang === "go" && goTableAsserts(code)) return "runtime";
  // Go: a test that leaves its testing.T unnamed (`func Test_main(_ *testing.T) { main() }`) checks only that the call
  // does not panic: a smoke note (the `_` may be a linter's quick fix as much as the author's word).
  // A test that prints what it made (`fmt.Println(Config())`) is looked at by eye: still no check.
  if (lang === "go" && /^func\s+\w+\s*\(\s*_\s+\*testing\.[TB]\s*\)/.test(test.node.text()) && !PRINTS.go.test(code)) return "throw-based";
  if (lang === "go" && goRecorderUnread(code)) return null;
  // Go: a test whose last act throws its outcome away (`_, _ = b.HandleRequest(ctx, req)`), with no check of its own:
  // the helpers handed `t` before it (`mustWrite(t, b, s, "config", ..)`) fail on their setup, not on the act.
  if (lang === "go" && !/\.Fuzz\s*\(|\bEXPECT\(\)|\bgo\s+func\b|\bsync\.WaitGroup\b/.test(code) && goActDiscarded(code)) return null;
  // A testify suite's test checks through its receiver (`suite.Equal(..)`, `r := d.Require(); r.NoError(err)`).
  if (lang === "go" && test.node.kind() === "method_declaration" && goSuiteAsserts(test.node, code)) return "runtime";
  if (m.runtime.test(code) || goHandleAsserts(code, handles) || (lang === "go" && (goMockExpects(code) || goWrapperAsserts(code, handles))) || (lang === "python" && webtestAsserts(code, lines.join("\n")))) {
    // Rust: only unwraps (the calls returned Ok) while the result is printed, or dropped from a call whose
    // Ok value carries the failure: the outcome was never checked.
    if (lang !== "rust" || RUST_EXPLICIT.test(code)) return "runtime";
    // ... unless a helper of the file it calls asserts (quickwit's `queues.fetch_test(..)`, an `assert_eq!` inside).
    if (callsAny(code, helpers())) return "helper";
    const whole = code.replace(/\}\s*$/, "").trim();
    const tail = conditionalTail(whole) ?? whole;
    if (!PRINTS.rust.test(code) && !DROPS_STATUS.test(tail) && !ENDS_UNCHECKED.test(tail) && !BINDS_UNUSED.test(tail)) {
      // An unwrapped answer bound to an unused name (`let _body = res.body_string().await.unwrap();`) was only
      // checked to be Ok: a smoke test, as a parse whose throw is the check.
      return BINDS_UNWRAPPED.test(tail) ? "throw-based" : "runtime";
    }
    return null;
  }
  // mocha/node callback style: `done` handed to the code under test (`{ end: done }`, `.expect(200, done)`)
  // fails the test by timeout unless that code calls it; only calling done() at the end checks nothing.
  const done = /^\(?\s*(done|cb|next)\s*\)?$/.exec((test.params ?? "").trim())?.[1];
  if (done && (new RegExp(`\\b${done}\\b(?!\\s*\\()`).test(code) || completesOnlyWhen(code, done))) return "runtime";
  if (m.snapshot.test(code)) return "snapshot";
  if (m.typeLevel.test(raw) || COMPILE_ONLY.test(raw) || COMPILE_ONLY.test(above)) return "type-level";
  if (lang === "go") {
    const acting = code.replace(GO_FIXTURE, "").replace(GO_FIXTURE_ARG, "fixture");
    if (goDelegates(acting, helpers(), defined(), handles) || callsAny(acting, helpers())) return "helper";
  } else if (m.delegate.test(lang === "typescript" ? withoutLocalHandles(code) : code) || callsAny(code, helpers())) return "helper";
  // The whole test, not only its body: tree-sitter-python starts a block at its first statement, so a
  // comment opening the body (`# Should not raise ...`) belongs to the function, not the block.
  if (DECLARED_SMOKE.test(test.name.replace(/_/g, " ")) || DECLARED_SMOKE.test(test.node.text()) || DECLARED_SMOKE.test(above)) return "declared-smoke";
  if (measuresTime(code, lang, bodies)) return "benchmark";
  // A Go fuzz target asserts by not panicking on what the fuzzer generates: a smoke test by construction.
  if (goFuzzTarget(code, handles)) return "fuzz-target";
  if (lang === "go" && goConcurrencyTest(code)) return "concurrency";
  // A property test (hypothesis's `@given(..)`) draws its inputs like a fuzz target; without an assertion its
  // property is that the code does not raise.
  if (lang === "python" && /@(hypothesis\.)?given\(/.test(`${above}\n${test.attributes ?? ""}`)) return "fuzz-target";
  if (lang === "python" && !PRINTS.python.test(code) && pyEndsValidating(test.body)) return "throw-based";
  if (DECLARES_THROW.test(test.node.text()) && !PRINTS[lang].test(code)) return "throw-based";
  // A throw-based check whose result is printed was looked at by eye: nothing checks it.
  if (throwBased(code, lang)) return "throw-based";
  return null;
}

/**
 * A callback-style test that fails on a path (`done(new Error("no url allowed"))`, `done("unexpected success")`),
 * or completes only when a branch is taken or an event comes (`if (msg.payload === null) done()`,
 * `ws.on("disconnect", () => done())`): anything else ends in a failure or a timeout, so the test checks that path.
 */
function completesOnlyWhen(code: string, done: string): boolean {
  // A failure it builds (a new error, a message); `done(err)` in a catch only passes on what the code under test threw.
  if (new RegExp(String.raw`\b${done}\s*\(\s*(new\s+\w*Error\b|["'\x60])`).test(code)) return true;
  if (new RegExp(String.raw`\bif\s*\((?:[^()]|\([^()]*\))*\)\s*\{?\s*${done}\s*\(\s*\)`).test(code)) return true;
  return new RegExp(String.raw`\.(on|once|addListener|addEventListener)\s*\(\s*["'\x60][^"'\x60]+["'\x60]\s*,\s*(?:async\s*)?(?:function\s*\w*\s*\([^)]*\)|\([^)]*\)\s*=>|\w+\s*=>)\s*\{?[^{}]*\b${done}\s*\(`).test(code);
}

/** What a tape-family test object offers besides its assertions: ending, planning, logging, nesting, lifecycle. */
const TAPE_LIFECYCLE = new Set(["end", "plan", "comment", "teardown", "skip", "todo", "timeout", "test", "only", "log", "diagnostic", "after", "afterEach", "before", "beforeEach", "context", "runOnly", "stub", "mock", "on", "once", "emit", "setTimeout", "pass"]);

/**
 * A tape-family test (tape, supertape, zora, brittle: `test('x', (t) => { ..; t.end(); })`) asserts through the
 * object it is handed, and the family's assertion names are open (supertape's `t.calledWith(stub, [..])`,
 * `t.notCalled(fn)`, an extension operator). The test calls `end()` on its own parameter, the family's
 * signature; any other method it calls on that parameter is an assertion. `pass()` asserts nothing.
 */
function tapeObjectAsserts(code: string, params: string | undefined): boolean {
  const p = /^\(?\s*([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>]+\s*)?\)?$/.exec((params ?? "").trim())?.[1];
  if (!p || /^(done|cb|next)$/.test(p)) return false;
  const name = p.replace(/\$/g, "\\$");
  if (!new RegExp(String.raw`(?<![\w$.])${name}\s*\.\s*end\s*\(\s*\)`).test(code)) return false;
  for (const m of code.matchAll(new RegExp(String.raw`(?<![\w$.])${name}\s*\.\s*([A-Za-z_$][\w$]*)\s*\(`, "g"))) if (!TAPE_LIFECYCLE.has(m[1]!)) return true;
  return false;
}

/**
 * Handing `t`/`page`/`browser` to a helper delegates the check only when it is the framework's fixture. A
 * name the test binds itself (`const page = await svc.list(..)`) is data: `log.info(page)` checks nothing.
 */
function withoutLocalHandles(code: string): string {
  const own = new Set([...code.matchAll(/\b(?:const|let|var)\s+(t|test|page|browser)\s*[=:]/g)].map((m) => m[1]!));
  return own.size ? code.replace(/\b[\w.]+\(\s*(t|test|page|browser)\s*(?=[,)])/g, (hit, n: string) => (own.has(n) ? "" : hit)) : code;
}

/** Does this code make a call whose throw is the only check (a parse, a render, a polling wait)? */
export const throwBased = (code: string, lang: GrammarLanguage): boolean => MODELS[lang].throwing.test(code) && !PRINTS[lang].test(code);

/** Does this code make a runtime assertion of its language's test frameworks? (comments ignored) */
export function runtimeAssertion(code: string, lang: GrammarLanguage): boolean {
  return MODELS[lang].runtime.test(code.replace(COMMENT_LINE, ""));
}
