// `scrum audit` end to end on a real repository and KB: every claim kind's status, exit codes, the JSON,
// SARIF and GitHub outputs, the KB record and its `audits` view, and bad input.
import { describe, expect, test } from "bun:test";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { kbPaths } from "../pipeline/kb/paths";
import { AuditRow } from "../pipeline/kb/schemas/audit-row";
import { runCli } from "../pipeline/cli/main";
import { audit, auditFixture, CONFIG, HOLDS, MIXED } from "./support/audit-fixture";
import { reviewRow } from "./support/kb-builder";
import { git, gitRepo, tmpDir, writeTree } from "./support/tmp-repo";

const ROOT = join(import.meta.dir, "..");
type JsonClaim = { id: string; kind: string; text: string; line: number; status: string; evidence: string; blocking: boolean };

describe("scrum audit: a fix-wave commit against its KB and diff (the issue's done-when)", () => {
  test("each claim gets the right status; a not-backed blocking claim exits 1; a message whose claims all hold exits 0", async () => {
    const f = auditFixture(MIXED);
    const r = await audit(f.repo, ["--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { rev: string; claims: JsonClaim[]; not_backed: number; blocking: number };
    expect(doc.rev).toBe(f.head);
    const by = (line: number, kind: string) => doc.claims.filter((c) => c.line === line && c.kind === kind).map((c) => c.status);
    // Score movements: one holds, then off by a value (6.5 written as 6), an iteration, a file; an ambiguous suffix.
    expect(by(4, "score_movement")).toEqual(["backed"]);
    expect(by(5, "score_movement")).toEqual(["not_backed"]);
    expect(by(6, "score_movement")).toEqual(["not_backed"]);
    expect(by(7, "score_movement")).toEqual(["not_backed"]);
    expect(by(8, "score_movement")).toEqual(["unverifiable"]);
    // Aggregates of iter 3 → 4: mean and movement hold, first-attempt is 4/5 not 5/5, JSON holds; CONVERGING 3 holds, LOOPING is 0.
    expect(by(9, "aggregate")).toEqual(["backed", "backed", "not_backed", "backed"]);
    expect(by(10, "aggregate")).toEqual(["backed", "not_backed"]);
    // Tests: 2 → 5 in the gateway crate holds; "2 → 4" is off by a value.
    expect(by(11, "test_count")).toEqual(["backed"]);
    expect(by(12, "test_count")).toEqual(["not_backed"]);
    // Wiring: api_key_auth is mounted by the diff, its suppression is gone; require_admin is referenced nowhere.
    expect(by(13, "wiring")).toEqual(["backed"]);
    expect(by(14, "wiring")).toEqual(["backed"]);
    expect(by(15, "wiring")).toEqual(["not_backed"]);
    // Changed files: admin.rs was not changed by the commit.
    expect([18, 19, 20, 21].map((l) => by(l, "changed_file")[0])).toEqual(["backed", "backed", "not_backed", "backed"]);
    // Facts and a KB without the named iteration: unverifiable, never silently backed.
    expect(by(23, "fact")).toEqual(["unverifiable"]);
    expect(by(24, "aggregate")).toEqual(["unverifiable"]);

    const ev = (line: number, kind: string) => doc.claims.find((c) => c.line === line && c.kind === kind)!.evidence;
    expect(ev(5, "score_movement")).toContain("iter 4 is 7, not 6");
    expect(ev(6, "score_movement")).toContain("gateway/src/db.rs iter 2 → 3: 3 → 4");
    expect(ev(7, "score_movement")).toContain("no file reviewed in iter 3 or 4 is gateway/src/router.rs");
    expect(ev(8, "score_movement")).toContain("matches 2 files");
    expect(ev(12, "test_count")).toMatch(/tests in gateway\/tests: 2 at \w+, 5 at \w+/);
    expect(ev(15, "wiring")).toContain("referenced nowhere outside its definition and tests");
    expect(ev(24, "aggregate")).toContain("iteration 9 is not in the KB (have: 2, 3, 4)");

    const notBacked = doc.claims.filter((c) => c.status === "not_backed");
    expect(doc.not_backed).toBe(notBacked.length);
    expect(doc.not_backed).toBe(8);
    expect(doc.blocking).toBe(8);
    expect(doc.claims.find((c) => c.kind === "fact")!.blocking).toBe(false);
    expect(doc.claims.every((c) => /^c\d+$/.test(c.id))).toBe(true);

    writeFileSync(join(f.repo, "holds.md"), HOLDS);
    const ok = await audit(f.repo, ["--message", "holds.md"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("16 claims: 15 backed, 0 not backed, 1 unverifiable");
    expect(ok.out).not.toContain("not_backed");
  }, 60_000);

  test("a commit whose claims all hold exits 0 and prints one line per claim", async () => {
    const f = auditFixture(HOLDS);
    const r = await audit(f.repo, []);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").filter((l) => /^ {2}(backed|not_backed|unverifiable)/.test(l));
    expect(lines).toHaveLength(16);
    expect(lines.find((l) => l.includes("gateway/src/main.rs 5 → 6.5"))).toMatch(/^ {2}backed .*KB gateway\/src\/main\.rs iter 3 → 4: 5 → 6\.5$/);
  }, 60_000);
});

describe("the record: scrum_audits.jsonl and the audits view", () => {
  test("every outcome is a schema-valid KB row, queryable as `audits`; --no-record writes none", async () => {
    const f = auditFixture(MIXED);
    await audit(f.repo, ["--no-record"]);
    expect(existsSync(kbPaths(f.kb).audits)).toBe(false);
    await audit(f.repo, []);
    const rows = readFileSync(kbPaths(f.kb).audits, "utf8").trim().split("\n").map((l) => AuditRow.parse(JSON.parse(l)));
    expect(rows).toHaveLength(23);
    expect(new Set(rows.map((r) => r.audit_id)).size).toBe(1);
    expect(rows[0]).toMatchObject({ rev: f.head, base: f.parent, source: "commit", policy_version: "2026.11.1", method: "rules", strict: false });
    expect(rows.find((r) => r.line === 5)).toMatchObject({ kind: "score_movement", status: "not_backed", blocks: true, file: "gateway/src/main.rs", iters: { from: 3, to: 4 } });

    const out: string[] = [];
    const code = await runCli(["query", "select kind, status, count(*) n from audits group by all order by kind, status", "--json", "--kb", "kb", "--config", CONFIG],
      { out: (t) => out.push(t), err: () => {}, cwd: f.repo, env: {}, isTTY: false });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(""))).toContainEqual({ kind: "score_movement", status: "not_backed", n: 3 });
  }, 60_000);
});

describe("ranges, outputs and policy", () => {
  test("--range audits every commit, oldest first; the JSON wraps one object per commit with totals", async () => {
    const f = auditFixture(HOLDS);
    writeTree(f.repo, { "gateway/src/admin.rs": "pub fn admin_routes() -> Router {\n    Router::new().route(\"/a\", get(a))\n}\n" });
    git(f.repo, "commit", "-qam", "Mount /a\n\nCode changes:\n- gateway/src/admin.rs\n- gateway/src/db.rs");
    const r = await audit(f.repo, ["--range", "HEAD~2..HEAD", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { range: string; commits: { rev: string; not_backed: number; blocking: number; claims: JsonClaim[] }[]; not_backed: number; blocking: number };
    expect(doc.range).toBe("HEAD~2..HEAD");
    expect(doc.commits.map((c) => c.rev)).toEqual([f.head, git(f.repo, "rev-parse", "HEAD").trim()]);
    expect(doc.commits[0]!.blocking).toBe(0);
    expect(doc.commits[1]!.claims.map((c) => c.status)).toEqual(["backed", "not_backed"]);
    expect([doc.not_backed, doc.blocking]).toEqual([1, 1]);
    const text = await audit(f.repo, ["--range", "HEAD~2..HEAD"]);
    expect(text.out).toContain("2 messages, 18 claims: 16 backed, 1 not backed (1 blocking), 1 unverifiable");
  }, 60_000);

  test("--sarif writes one result per not-backed claim, valid SARIF 2.1.0", async () => {
    const f = auditFixture(MIXED);
    const sarif = join(tmpDir(), "audit.sarif");
    expect((await audit(f.repo, ["--sarif", sarif])).code).toBe(1);
    const doc = JSON.parse(readFileSync(sarif, "utf8"));
    const schema = JSON.parse(readFileSync(join(ROOT, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    expect(ajv.validate(schema, doc)).toBe(true);
    const results = doc.runs[0].results as { ruleId: string; level: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
    expect(results).toHaveLength(8);
    expect(results.every((x) => x.level === "error")).toBe(true);
    const wiring = results.find((x) => x.ruleId === "scrum-audit/wiring")!;
    expect(wiring.locations![0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: "gateway/src/auth.rs" }, region: { startLine: 5 } });
  }, 60_000);

  test("--format github prints escaped annotations and appends the Markdown summary to $GITHUB_STEP_SUMMARY", async () => {
    const f = auditFixture(MIXED);
    const summary = join(tmpDir(), "summary.md");
    writeFileSync(summary, "earlier step\n");
    const r = await audit(f.repo, ["--format", "github"], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(8);
    expect(lines.filter((l) => l.startsWith("::notice "))).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=gateway\/src\/main\.rs,title=claim not backed::\w{8} L5: gateway\/src\/main\.rs 5 → 6 — KB .*not 6\)$/));
    // The message is one annotation line: a newline or % in a claim must be escaped, not end the command.
    expect(lines.every((l) => l.startsWith("::"))).toBe(true);
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("earlier step\n## scrum audit")).toBe(true);
    expect(md).toContain("| ❌ | gateway/src/main.rs 5 → 6 | not_backed (blocks) |");
    const noEnv = await audit(f.repo, ["--format", "github", "--no-record"]);
    expect(noEnv.out).toContain("## scrum audit");
  }, 60_000);

  test("audit.strict makes unverifiable claims of blocking kinds block; audit.blocking decides which kinds block", async () => {
    const f = auditFixture(HOLDS);
    const dir = tmpDir();
    const strict = join(dir, "strict.yaml");
    writeFileSync(strict, "audit:\n  strict: true\n");
    const withFacts = join(dir, "facts.yaml");
    writeFileSync(withFacts, "audit:\n  strict: true\n  blocking: [score_movement, aggregate, test_count, wiring, changed_file, fact]\n");
    const run = async (config: string) => {
      const out: string[] = [];
      const code = await runCli(["audit", "--kb", "kb", "--config", config, "--json", "--no-record"], { out: (t) => out.push(t), err: () => {}, cwd: f.repo, env: {}, isTTY: false });
      return { code, doc: JSON.parse(out.join("")) as { blocking: number } };
    };
    expect(await run(strict)).toMatchObject({ code: 0, doc: { blocking: 0 } });
    expect(await run(withFacts)).toMatchObject({ code: 1, doc: { blocking: 1 } });
    const nothing = join(dir, "none.yaml");
    writeFileSync(nothing, "audit:\n  blocking: []\n");
    const g = auditFixture(MIXED);
    const out: string[] = [];
    expect(await runCli(["audit", "--kb", "kb", "--config", nothing, "--no-record"], { out: (t) => out.push(t), err: () => {}, cwd: g.repo, env: {}, isTTY: false })).toBe(0);
    expect(out.join("")).toContain("8 not backed,");
  }, 60_000);

  test("a model named before a JSON or first-attempt figure scopes it to that model's rows", async () => {
    const f = auditFixture(HOLDS);
    // Iter 4 gets two more answers from other models, in Markdown: 5/7 JSON overall, kimi-k2 5/5, qwen 0/2.
    const extra = [
      reviewRow({ iter: 4, file: "gateway/src/extra1.rs", score: 5, model: "qwen2.5-coder:32b", output_format: "markdown" }),
      reviewRow({ iter: 4, file: "gateway/src/extra2.rs", score: 5, model: "qwen2.5-coder:7b", output_format: "markdown" }),
    ];
    appendFileSync(kbPaths(f.kb).reviews, extra.map((r) => JSON.stringify(r) + "\n").join(""));
    writeFileSync(join(f.repo, "models.md"), [
      "iter 3 → iter 4:",
      "- kimi-k2: 5/5 emitted JSON",
      "- kimi 4/5 first-attempt accept",
      "- qwen2.5-coder:32b 0/1 emitted JSON",
      "- overall 7/7 emitted JSON",
      "- qwen2.5-coder 0/2 emitted JSON",
      "- instruct 5/5 emitted JSON",
      "",
    ].join("\n"));
    const r = await audit(f.repo, ["--message", "models.md", "--json", "--no-record"]);
    const doc = JSON.parse(r.out) as { claims: JsonClaim[] };
    expect(doc.claims.map((c) => [c.text, c.status])).toEqual([
      ["5/5 emitted JSON", "backed"],
      ["4/5 first-attempt accept", "backed"],
      ["0/1 emitted JSON", "backed"],
      ["7/7 emitted JSON", "not_backed"],
      ["0/2 emitted JSON", "unverifiable"],
      ["5/5 emitted JSON", "not_backed"],
    ]);
    expect(doc.claims[0]!.evidence).toContain("kimi-k2:1t");
    expect(doc.claims[3]!.evidence).toContain("JSON answers 5 (not 7)");
    expect(doc.claims[4]!.evidence).toContain("names several models of iter 4: qwen2.5-coder:32b, qwen2.5-coder:7b");
    // "instruct" is not how anyone names a model here: the figure is the iteration's, 5 of 7.
    expect(doc.claims[5]!.evidence).not.toContain("kimi");
    expect(r.code).toBe(1);
  }, 60_000);
});

describe("bad input", () => {
  test("usage and input mistakes are one-line errors with exit 2", async () => {
    const f = auditFixture(HOLDS);
    const cases: [string[], RegExp][] = [
      [["nope"], /^unknown revision 'nope'/],
      [["--range", "HEAD..HEAD"], /^the range HEAD\.\.HEAD has no commits/],
      [["--range", "HEAD~1...HEAD"], /^--range takes A\.\.B, not A\.\.\.B/],
      [["HEAD", "--range", "HEAD~1..HEAD"], /^give REV or --range, not both/],
      [["--message", "missing.md"], /^--message: cannot read missing\.md: no such file/],
      [["--ladder", "nosuch"], /^--ladder: no ladder 'nosuch'/],
      [["--format", "xml"], /^--format must be text or github/],
      [["--json", "--format", "github"], /^--json and --format github/],
    ];
    for (const [args, msg] of cases) {
      await expect(audit(f.repo, args)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(msg) });
    }
    writeFileSync(join(f.repo, "latin1.md"), Buffer.from([0x46, 0x69, 0x78, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    await expect(audit(f.repo, ["--message", "latin1.md"])).rejects.toMatchObject({ exitCode: 2, message: "latin1.md is not UTF-8 text" });
  }, 60_000);

  test("a message with no checkable claim exits 0 and says so", async () => {
    const f = auditFixture(HOLDS);
    writeFileSync(join(f.repo, "plain.md"), "Tidy up the docs\n\nSome wording.\n");
    const r = await audit(f.repo, ["--message", "plain.md"]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain("no checkable claims");
    writeFileSync(join(f.repo, "facts.md"), "Tidy up\n\nNo false positives yet.\n");
    expect((await audit(f.repo, ["--message", "facts.md"])).out).toContain("(no checkable claims: only statements no rule checks)");
  }, 60_000);

  test("outside git: commits are an input error; a message is checked against the KB, code claims are unverifiable", async () => {
    const f = auditFixture(HOLDS);
    const dir = tmpDir();
    writeTree(dir, { "msg.md": "iter 3 → iter 4:\n- gateway/src/auth.rs 3 → 4\nTests 2 → 5 (gateway)\n" });
    const run = (args: string[]) => {
      const out: string[] = [];
      return runCli(["audit", ...args, "--kb", f.kb, "--config", CONFIG, "--no-record"], { out: (t) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false }).then((code) => ({ code, out: out.join("") }));
    };
    await expect(run([])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^not a git repository/) });
    const r = await run(["--message", "msg.md", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { rev: null; claims: JsonClaim[] };
    expect(doc.rev).toBeNull();
    expect(doc.claims.map((c) => [c.kind, c.status])).toEqual([["score_movement", "backed"], ["test_count", "unverifiable"]]);
    expect(doc.claims[1]!.evidence).toContain("not a git repository");
  }, 60_000);

  test("a KB that does not exist leaves KB claims unverifiable with the reason", async () => {
    const repo = gitRepo({ "a.txt": "x\n" });
    writeTree(repo, { "a.txt": "y\n" });
    git(repo, "commit", "-qam", "Tweak\n\niter 3 → iter 4:\n- src/a.ts 3 → 4\n\nCode changes:\n- a.txt");
    const r = await audit(repo, ["--json", "--no-record"], {}, null);
    const doc = JSON.parse(r.out) as { claims: JsonClaim[] };
    expect(doc.claims.map((c) => [c.kind, c.status])).toEqual([["score_movement", "unverifiable"], ["changed_file", "backed"]]);
    expect(doc.claims[0]!.evidence).toMatch(/^no KB at .*data\/_kb \(run scrum sweep first/);
  }, 60_000);

  test("the real CLI: stdin as the message, and a bad revision as one line without a stack trace", () => {
    const f = auditFixture(HOLDS);
    const cli = (args: string[], input?: string) => Bun.spawnSync([join(ROOT, "node_modules/.bin/bun"), join(ROOT, "pipeline/cli/main.ts"), "audit", ...args, "--kb", "kb", "--config", CONFIG, "--no-record"], { cwd: f.repo, stdin: input === undefined ? "ignore" : Buffer.from(input) });
    const ok = cli(["--message", "-"], "iter 3 → iter 4:\n- gateway/src/auth.rs 3 → 5\n");
    expect(ok.exitCode).toBe(1);
    expect(ok.stdout.toString()).toContain("message stdin");
    expect(ok.stdout.toString()).toContain("iter 4 is 4, not 5");
    const bad = cli(["deadbeef"]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.toString()).toBe("scrum: unknown revision 'deadbeef' (name a commit, branch or tag of this repository)\n");
  }, 60_000);

  test("a commit message that is not UTF-8 is audited with a warning", async () => {
    const repo = gitRepo({ "a.txt": "x\n" });
    writeTree(repo, { "a.txt": "y\n" });
    git(repo, "add", "a.txt");
    // `git commit` re-encodes a Latin-1 message; a commit object written as bytes keeps the bad byte.
    const tree = git(repo, "write-tree").trim();
    const parent = git(repo, "rev-parse", "HEAD").trim();
    const head = `tree ${tree}\nparent ${parent}\nauthor t <t@example.com> 1700000000 +0000\ncommitter t <t@example.com> 1700000000 +0000\n\n`;
    const object = Buffer.concat([Buffer.from(head + "Caf"), Buffer.from([0xe9]), Buffer.from("\n\nCode changes:\n- a.txt\n")]);
    const made = Bun.spawnSync(["git", "hash-object", "-w", "-t", "commit", "--stdin"], { cwd: repo, stdin: object });
    git(repo, "update-ref", "HEAD", made.stdout.toString().trim());
    const r = await audit(repo, ["--no-record"], {}, null);
    expect(r.code).toBe(0);
    expect(r.err).toContain("is not valid UTF-8");
    expect(r.out).toMatch(/backed +L4 +a\.txt/);
  }, 60_000);
});

describe("git edge cases", () => {
  test("a merge commit is audited against its first parent; a root commit against nothing", async () => {
    const repo = gitRepo({ "a.txt": "a\n", "b.txt": "b\n" });
    git(repo, "checkout", "-qb", "side");
    writeTree(repo, { "b.txt": "b2\n" });
    git(repo, "commit", "-qam", "side change");
    git(repo, "checkout", "-q", "-");
    writeTree(repo, { "a.txt": "a2\n" });
    git(repo, "commit", "-qam", "main change");
    git(repo, "merge", "-q", "--no-ff", "side", "-m", "Merge side\n\nCode changes:\n- b.txt\n- a.txt");
    const r = await audit(repo, ["--json", "--no-record"], {}, null);
    const doc = JSON.parse(r.out) as { claims: JsonClaim[] };
    // b.txt came in from the merged branch; a.txt changed on the first parent, not in the merge.
    expect(doc.claims.map((c) => [c.text, c.status])).toEqual([["b.txt", "backed"], ["a.txt", "not_backed"]]);
    const fresh = gitRepo({ "a.txt": "a\n", "gateway/tests/t.rs": "#[test]\nfn t() { assert!(true); }\n" });
    git(fresh, "commit", "-q", "--amend", "-m", "Start\n\nTests 0 → 1 (gateway/tests)\n\nCode changes:\n- a.txt");
    const rootAudit = JSON.parse((await audit(fresh, ["--json", "--no-record"], {}, null)).out) as { claims: JsonClaim[] };
    expect(rootAudit.claims.map((c) => [c.kind, c.status])).toEqual([["test_count", "backed"], ["changed_file", "backed"]]);
    expect(rootAudit.claims[0]!.evidence).toMatch(/^tests in gateway\/tests: 0 at \(none\), 1 at \w{8}$/);
  }, 60_000);

  test("in a shallow clone the boundary commit's code claims are unverifiable, with how to fix it", async () => {
    const f = auditFixture(HOLDS);
    const clone = join(tmpDir(), "shallow");
    git(tmpDir(), "clone", "-q", "--depth", "1", `file://${f.repo}`, clone);
    const r = await audit(clone, ["--json", "--no-record"], {}, null);
    const doc = JSON.parse(r.out) as { claims: JsonClaim[] };
    const code = doc.claims.filter((c) => ["test_count", "wiring", "changed_file"].includes(c.kind));
    expect(code.length).toBeGreaterThan(0);
    expect(code.every((c) => c.status === "unverifiable" && c.evidence.includes("shallow clone") && c.evidence.includes("fetch-depth: 0"))).toBe(true);
  }, 60_000);

  test("GitHub annotations escape what would end a workflow command", async () => {
    const { annotations, escapeData, escapeProperty } = await import("../pipeline/audit/render/github");
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a: b, c")).toBe("a%3A b%2C c");
    const line = annotations([{
      target: { source: "message", label: "m", rev: null, message: "x", git: { ok: false, reason: "" } },
      claims: [{ id: "c1", claim: { kind: "aggregate", text: "95% JSON", line: 2, start: 0, end: 8, metric: "json", figures: [], iters: { from: null, to: null, source: "default" } },
        outcome: { status: "not_backed", evidence: "KB iter 4: JSON rate 90%\n::set-output name=x::y", file: "dir,odd:name.ts", fileLine: 3 }, blocking: true, blocks: true, method: "rules" }],
    }]);
    expect(line).toBe("::error file=dir%2Codd%3Aname.ts,line=3,title=claim not backed::m L2: 95%25 JSON — KB iter 4: JSON rate 90%25%0A::set-output name=x::y\n");
  });
});

describe("the audits view", () => {
  test("a torn line in scrum_audits.jsonl is left out with a warning, and never hides the next row", async () => {
    const f = auditFixture(HOLDS);
    await audit(f.repo, []);
    const path = kbPaths(f.kb).audits;
    const lines = readFileSync(path, "utf8").trim().split("\n");
    writeFileSync(path, [lines[0]!.slice(0, 40), ...lines.slice(1)].join("\n") + "\n");
    const out: string[] = [];
    const err: string[] = [];
    await runCli(["query", "select count(*) n from audits", "--json", "--kb", "kb", "--config", CONFIG], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: f.repo, env: {}, isTTY: false });
    expect(JSON.parse(out.join(""))).toEqual([{ n: lines.length - 1 }]);
    expect(err.join("")).toContain("1 line(s) skipped (1 not valid JSON)");
  }, 60_000);
});

describe("interrupts", () => {
  test("Ctrl-C before the first message: nothing audited or recorded, exit 130", async () => {
    const f = auditFixture(MIXED);
    const ctl = new AbortController();
    ctl.abort();
    const err: string[] = [];
    const code = await runCli(["audit", "--kb", "kb", "--config", CONFIG], { out: () => {}, err: (t) => err.push(t), cwd: f.repo, env: {}, isTTY: false, signal: ctl.signal });
    expect(code).toBe(130);
    expect(err.join("")).toContain("interrupted: 0 of 1 messages audited");
    expect(existsSync(kbPaths(f.kb).audits)).toBe(false);
  }, 60_000);
});

describe("wiring details", () => {
  test("a call inside the symbol's own body is not wiring; a reference only in a test file is not either", async () => {
    const repo = gitRepo({ "src/tree.ts": "export function walkTree(n: Node): void {\n  for (const c of n.children) walkTree(c);\n}\n", "src/tree.test.ts": "test('walks', () => { expect(walkTree).toBeDefined(); });\n" });
    writeTree(repo, { "src/tree.ts": "export function walkTree(n: Node): void {\n  for (const c of n.children) walkTree(c);\n  visit(n);\n}\n" });
    git(repo, "commit", "-qam", "walkTree is now called for every node");
    const doc = JSON.parse((await audit(repo, ["--json", "--no-record"], {}, null)).out) as { claims: JsonClaim[] };
    expect(doc.claims.map((c) => [c.kind, c.status])).toEqual([["wiring", "not_backed"]]);
    expect(doc.claims[0]!.evidence).toContain("referenced nowhere outside its definition and tests");
    writeTree(repo, { "src/main.ts": "import { walkTree } from './tree';\nwalkTree(root);\n" });
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "walkTree is now called from main");
    const ok = JSON.parse((await audit(repo, ["--json", "--no-record"], {}, null)).out) as { claims: JsonClaim[] };
    expect(ok.claims.map((c) => c.status)).toEqual(["backed"]);
    expect(ok.claims[0]!.evidence).toContain("added a reference to `walkTree` at src/main.ts:1");
  }, 60_000);
});
