// Each claim grammar: examples it must extract (with what it reads from them) and look-alikes it must not.
import { describe, expect, test } from "bun:test";
import type { Claim } from "../pipeline/audit/claim";
import { extractClaims } from "../pipeline/audit/extract-claims";
import { extractAggregates } from "../pipeline/audit/extract/aggregate";
import { extractChangedFiles } from "../pipeline/audit/extract/changed-file";
import { extractScoreMovements } from "../pipeline/audit/extract/score-movement";
import { extractTestCounts } from "../pipeline/audit/extract/test-count";
import { extractWiring, suppressionPattern } from "../pipeline/audit/extract/wiring";
import { scopeFor } from "../pipeline/audit/iterations";
import { parseMessage } from "../pipeline/audit/message";
import { parseWritten, sameAsWritten } from "../pipeline/audit/numbers";
import { pathTokens, resolvePath } from "../pipeline/audit/paths";

const CTX = { signals: ["NEW", "CONVERGING", "REGRESSING", "LOOPING", "ORBITING", "PLATEAU", "MIXED"] };
const run = (fn: (m: ReturnType<typeof parseMessage>, c: typeof CTX) => Claim[], text: string) => fn(parseMessage(text), CTX);

describe("score movement grammar", () => {
  test.each([
    ["gateway/src/auth.rs 3 → 4", "gateway/src/auth.rs", "3", "4"],
    ["- `auth.rs`: 3 -> 6", "auth.rs", "3", "6"],
    ["auth.rs (score 3→6)", "auth.rs", "3", "6"],
    ["src/api/handler.ts from 3 to 6.5", "src/api/handler.ts", "3", "6.5"],
    ["gateway/src/auth.rs: 3/10 → 4.50/10", "gateway/src/auth.rs", "3", "4.50"],
  ])("extracts %p", (text, path, before, after) => {
    const [c] = run(extractScoreMovements, text) as Extract<Claim, { kind: "score_movement" }>[];
    expect(c).toMatchObject({ kind: "score_movement", path, before: { text: before }, after: { text: after } });
  });

  test.each([
    "auth.rs:3 → 4", "auth.rs line 3 → 4", "auth.rs 3 → 4 findings", "Tests 14 → 24", "iter 3 → iter 4",
    "bumped v1.2 → v1.3", "renamed src/a.ts → src/b.ts", "mean 3.56 → 4.00", "and/or 3 → 4",
  ])("leaves %p alone", (text) => {
    expect(run(extractScoreMovements, text)).toEqual([]);
  });

  test("reads two movements on one line", () => {
    expect(run(extractScoreMovements, "a/x.ts 3 → 4, b/y.ts 5 → 6").map((c) => (c as { path: string }).path)).toEqual(["a/x.ts", "b/y.ts"]);
  });
});

describe("iteration scope", () => {
  const scope = (text: string, line: number) => {
    const m = parseMessage(text);
    return scopeFor(m, m.lines[line - 1]!);
  };
  test("the claim's own line first, then the nearest scope-setting line above, then the KB's last two", () => {
    expect(scope("a.ts 3 → 4 (iter 2 → iter 3)", 1)).toMatchObject({ from: 2, to: 3 });
    expect(scope("Wave\n\niterations 5 to 6:\n- a.ts 3 → 4", 4)).toMatchObject({ from: 5, to: 6, source: "line 3" });
    expect(scope("Wave\n## Iteration 7\n- a.ts 3 → 4", 3)).toMatchObject({ from: null, to: 7, source: "line 2" });
    expect(scope("Wave\n- a.ts 3 → 4\n\nmeasured on iter 7", 2)).toMatchObject({ from: null, to: null, source: "default" });
    expect(scope("Wave\na.ts 3 → 4", 2)).toMatchObject({ source: "default" });
  });

  test("a mention on a claim's own line does not carry down to the next claims", () => {
    expect(scope("Wave\niter 3 → iter 4:\n- b.ts 4 → 5 (iter 2 → iter 3)\n- c.ts 1 → 2", 4)).toMatchObject({ from: 3, to: 4, source: "line 2" });
  });
  test("two single mentions on a line are a pair (the compare headline)", () => {
    expect(scope("iter 3 (forensic): mean 3.56/10; iter 4 (same bar): 4.00 (+0.44)", 1)).toMatchObject({ from: 3, to: 4 });
  });
});

describe("aggregate grammar", () => {
  const figs = (text: string) => (run(extractAggregates, text) as Extract<Claim, { kind: "aggregate" }>[]).map((c) => [c.metric, c.figures.map((f) => `${f.side}:${f.name}=${f.written.text}`).join(" ")]);
  test.each([
    ["mean score 4.00/10", [["mean", "to:mean=4.00"]]],
    ["mean 3.56 → 4.00", [["mean", "from:mean=3.56 to:mean=4.00"]]],
    ["iter 3 (forensic prompt, kimi-k2:1t): mean 3.56/10; iter 4 (same bar, forensic prompt): 4.00 (+0.44)", [["mean", "from:mean=3.56 to:mean=4.00 to:delta=+0.44"]]],
    ["movement ↑5 ↓1 =12", [["movement", "to:up=5 to:down=1 to:same=12"]]],
    ["5 up, 1 down, 12 unchanged", [["movement", "to:up=5 to:down=1 to:same=12"]]],
    ["21/21 first-attempt accept", [["first_attempt", "to:first_attempt=21 to:rows=21"]]],
    ["95% first-attempt", [["first_attempt", "to:rate=95"]]],
    ["20/21 emitted JSON", [["json", "to:json=20 to:accepted=21"]]],
    ["JSON rate 95.2%", [["json", "to:rate=95.2"]]],
    ["3 verified components", [["verified_components", "to:verified_components=3"]]],
    ["signals CONVERGING: 1, LOOPING 4", [["signal", "to:CONVERGING=1"], ["signal", "to:LOOPING=4"]]],
    ["LOOPING 4 → 2", [["signal", "from:LOOPING=4 to:LOOPING=2"]]],
    ["permission gradient 1 auto · 2 dry_run · 0 sim · 0 block", [["gradient", "to:auto=1 to:dry_run=2 to:sim=0 to:block=0"]]],
    ["requests 120 → 130", [["requests", "from:requests=120 to:requests=130"]]],
    ["1,234 requests", [["requests", "to:requests=1,234"]]],
    ["tokens 50,000 → 52k", [["tokens", "from:tokens=50,000 to:tokens=52k"]]],
    ["0 parse failures", [["parse_failures", "to:parse_failures=0"]]],
  ])("extracts %p", (text, want) => {
    expect(figs(text as string)).toEqual(want as string[][]);
  });

  test.each([
    "mean time to recovery 4h", "a mean bug in the parser", "mean 120 ms per call", "1/2 of the JSON files", "3 verified users",
    "LOOPING files are fixed", "merged pull requests 12", "1,200 prompt tokens", "the gradient is steeper now", "Looping: 4",
  ])("leaves %p alone", (text) => {
    expect(run(extractAggregates, text)).toEqual([]);
  });
});

describe("test count grammar", () => {
  test.each([
    ["Tests 14 → 24 (gateway)", ["gateway"]],
    ["tests: 14 -> 24 in `gateway/tests`", ["gateway/tests"]],
    ["gateway tests 14 → 24", ["gateway"]],
    ["14 → 24 tests in src/api/", ["src/api/"]],
    ["test count from 14 to 24", []],
    ["unit tests 14 → 24", []],
  ])("extracts %p with scope %p", (text, scopes) => {
    const [c] = run(extractTestCounts, text) as Extract<Claim, { kind: "test_count" }>[];
    expect(c).toMatchObject({ kind: "test_count", before: { value: 14 }, after: { value: 24 } });
    expect(c!.lineScopes).toEqual(scopes);
  });

  test.each(["Test 3 → 4 was flaky", "tests pass", "14 → 24 testers joined", "tests 14 → 24%", "tests 1.5 → 2"])("leaves %p alone", (text) => {
    expect(run(extractTestCounts, text)).toEqual([]);
  });

  test("the paragraph's paths are the fallback scope", () => {
    const [c] = run(extractTestCounts, "Touched gateway/src/auth.rs.\nTests 14 → 24") as Extract<Claim, { kind: "test_count" }>[];
    expect(c!.paragraphScopes).toEqual(["gateway/src/auth.rs"]);
  });
});

describe("wiring grammar", () => {
  const wires = (text: string) => (run(extractWiring, text) as Extract<Claim, { kind: "wiring" }>[]).map((c) => [c.symbol, c.verb, c.suppression, c.path]);
  test.each([
    ["api_key_auth is now wired via from_fn_with_state", [["api_key_auth", "wired", null, null]]],
    ["`requireAdmin` is mounted on /admin", [["requireAdmin", "mounted", null, null]]],
    ["Wire check_scope() into the router", [["check_scope", "wire", null, null]]],
    ["the handler now calls `auth::verify_token`", [["verify_token", "calls", null, null]]],
    ["ensureAuthenticated is used by the admin router", [["ensureAuthenticated", "used by", null, null]]],
    ["removed #[allow(dead_code)] from api_key_auth", [["api_key_auth", "suppression removed", "#[allow(dead_code)]", null]]],
    ["dropped the # noqa in app/auth.py", [[null, "suppression removed", "# noqa", "app/auth.py"]]],
  ])("extracts %p", (text, want) => {
    expect(wires(text as string)).toEqual(want as (string | null)[][]);
  });

  test.each([
    "api_key_auth is not wired yet", "api_key_auth is no longer called", "the router no longer calls `require_admin`",
    "added a helper called fooBar", "auth is now enforced", "wired the docs site", "Wire via the router",
  ])("leaves %p alone", (text) => {
    expect(run(extractWiring, text)).toEqual([]);
  });

  test("a written suppression finds its code form, not look-alikes", () => {
    expect(suppressionPattern("#[allow(dead_code)]").test("#[allow(dead_code, unused)]")).toBe(true);
    expect(suppressionPattern("#[allow(dead_code)]").test("#[allow(clippy::too_many_args)]")).toBe(false);
    expect(suppressionPattern("# noqa").test("x = 1  # noqa: E501")).toBe(true);
    expect(suppressionPattern("eslint-disable").test("// eslint-disable-next-line no-unused-vars")).toBe(true);
  });
});

describe("changed-file grammar", () => {
  const files = (text: string) => (run(extractChangedFiles, text) as Extract<Claim, { kind: "changed_file" }>[]).map((c) => [c.path, c.removed]);
  test("lines under a changes heading, and bare bullets of a commit message", () => {
    expect(files("Code changes:\n- gateway/src/auth.rs: wire it\n- `src/api/routes.ts`\n- gateway/src — layers\n- src/old_handler.ts (deleted)")).toEqual([
      ["gateway/src/auth.rs", false], ["src/api/routes.ts", false], ["gateway/src", false], ["src/old_handler.ts", true],
    ]);
    expect(files("## Changed files\n\n* pkg/server/auth.go\n* docs/AUDIT.md")).toEqual([["pkg/server/auth.go", false], ["docs/AUDIT.md", false]]);
    expect(files("Wire the router\n\n- gateway/Cargo.toml: bump axum")).toEqual([["gateway/Cargo.toml", false]]);
  });

  test.each([
    "## Next steps\n- gateway/src/auth.rs", "Remaining:\n- gateway/src/auth.rs", "## Signals\n- gateway/src/auth.rs: LOOPING",
    "- Wire the router", "- gateway/src/auth.rs 3 → 4", "- I/O errors are retried", "Not changed:\n- src/a.ts",
  ])("leaves %p alone", (text) => {
    expect(files(text)).toEqual([]);
  });
});

describe("fact claims and the whole message", () => {
  test("statements of fact that no grammar checks; questions, imperatives and code are not claims", () => {
    const text = "Fix the leak\n\nNo false positives yet. Verified live on staging.\nIs the leak fixed?\n\n```\nall tests pass\n```\n> verified by someone else\nSigned-off-by: A <a@b.c>";
    expect(extractClaims(text, CTX).map((c) => [c.claim.kind, c.claim.text])).toEqual([
      ["fact", "No false positives yet."], ["fact", "Verified live on staging."],
    ]);
  });

  test("a sentence that carries a checked claim is not also a fact; a changed-file bullet can be both", () => {
    const kinds = extractClaims("api_key_auth is now wired and verified.\n\nCode changes:\n- src/a.ts: fixed the leak", CTX).map((c) => c.claim.kind);
    expect(kinds).toEqual(["wiring", "changed_file", "fact"]);
  });

  test("claims are numbered in message order", () => {
    const ids = extractClaims("a/x.ts 3 → 4\nTests 1 → 2\nmean 4.00", CTX).map((c) => [c.id, c.claim.kind]);
    expect(ids).toEqual([["c1", "score_movement"], ["c2", "test_count"], ["c3", "aggregate"]]);
  });
});

describe("numbers and paths", () => {
  test("a figure is compared at the precision written", () => {
    expect(sameAsWritten(3.4, parseWritten("3")!)).toBe(true);
    expect(sameAsWritten(3.5, parseWritten("3")!)).toBe(false);
    expect(sameAsWritten(3.996, parseWritten("4.00")!)).toBe(true);
    expect(sameAsWritten(3.994, parseWritten("4.00")!)).toBe(false);
    expect(sameAsWritten(2.675, parseWritten("2.68")!)).toBe(true);
    expect(sameAsWritten(52_400, parseWritten("52k")!)).toBe(true);
    expect(sameAsWritten(52_600, parseWritten("52k")!)).toBe(false);
    expect(parseWritten("1,234")).toMatchObject({ value: 1234, decimals: 0 });
  });

  test("path tokens skip URLs, versions and prose slashes", () => {
    expect(pathTokens("see https://x.io/a/b.ts and src/a.ts, `auth.rs`, v1.2, and/or I/O, e.g. Node.js").map((t) => t.text)).toEqual(["src/a.ts", "auth.rs", "Node.js"]);
  });

  test("a suffix resolves at a segment boundary; several matches are ambiguous", () => {
    const files = ["gateway/src/auth.rs", "api/src/auth.rs", "src/oauth.rs"];
    expect(resolvePath("gateway/src/auth.rs", files)).toEqual({ kind: "one", path: "gateway/src/auth.rs" });
    expect(resolvePath("oauth.rs", files)).toEqual({ kind: "one", path: "src/oauth.rs" });
    expect(resolvePath("auth.rs", files)).toEqual({ kind: "many", paths: ["api/src/auth.rs", "gateway/src/auth.rs"] });
    expect(resolvePath("gateway/src", files)).toEqual({ kind: "one", path: "gateway/src" });
    expect(resolvePath("nope.rs", files)).toEqual({ kind: "none" });
  });
});
