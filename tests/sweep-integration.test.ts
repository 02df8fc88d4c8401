import { afterEach, describe, expect, test } from "bun:test";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startModelServer, type ModelServer } from "./support/model-server";
import { answer, ROOT, sweep, testConfig } from "./support/sweep-harness";
import { gitRepo, tmpDir, writeTree } from "./support/tmp-repo";

let stops: (() => unknown)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
});
async function server(opts: Parameters<typeof startModelServer>[0]): Promise<ModelServer> {
  const s = await startModelServer(opts);
  stops.push(() => s.stop());
  return s;
}

const SWALLOW = "export async function load(url: string) {\n  try {\n    return await fetch(url);\n  } catch (e) {}\n}\n";

describe("static evidence handed to models", () => {
  test("static findings go into the prompt as claims and the model's answer on each is stored", async () => {
    const s = await server({ script: () => ({ text: answer({ static_claims: [{ id: "S1", verdict: "rejected", reason: "caller handles undefined" }] }) }) });
    const { rows } = await sweep(gitRepo({ "src/load.ts": SWALLOW }), testConfig([{ provider: "ollama", model: "m1", host: s.url }]));
    const prompt = JSON.stringify(s.requests.find((r) => r.path === "/api/chat")!.body);
    expect(prompt).toContain("S1 [swallowed-error] line 4");
    const sf = rows[0]!.static_findings;
    expect(sf.length).toBeGreaterThan(0);
    expect(sf[0]).toMatchObject({ class: "swallowed-error", line: 4, model_verdict: "rejected", model_reason: "caller handles undefined" });
  });

  test("a model that ignores a static claim cannot drop it: the row marks it unanswered", async () => {
    const s = await server({ script: () => ({ text: answer() }) });
    const { rows } = await sweep(gitRepo({ "src/load.ts": SWALLOW }), testConfig([{ provider: "ollama", model: "m1", host: s.url }]));
    expect(rows[0]!.static_findings[0]).toMatchObject({ class: "swallowed-error", model_verdict: "unanswered" });
    expect(rows[0]!.static_findings[0]!.model_reason).toContain("m1 did not answer claim S1");
  });
});

describe("redaction", () => {
  test("a secret never reaches the endpoint when redaction is on, and the row counts it", async () => {
    const s = await server({ script: () => ({ text: answer() }) });
    const src = 'const password = "hX9#kL2$mQ8!vR4z";\nexport const gh = "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";\nexport const x = 1;\n';
    const cfg = testConfig([{ provider: "ollama", model: "m1", host: s.url }]);
    const { rows } = await sweep(gitRepo({ "src/conf.ts": src }), { ...cfg, redaction: { ...cfg.redaction, local: true } });
    const sent = JSON.stringify(s.requests.filter((r) => r.path === "/api/chat").map((r) => r.body));
    expect(sent).not.toContain("hX9#kL2");
    expect(sent).not.toContain("ghp_wWPw5k4");
    expect(sent).toContain("3 | export const x = 1;");
    expect(rows[0]!.redactions).toBe(2);
  });

  test("static claims and the fix-wave section are redacted too, not only the file body", async () => {
    const s = await server({ script: () => ({ text: answer() }) });
    const src = 'export function check(req: { headers: Record<string, string> }) {\n  const apiToken = "Zk81QpL02mNv7RtXw9";\n  return req.headers["x-token"] === apiToken;\n}\n';
    const doc = '<!-- scrum-fixwave {"iter":1,"files":["src/check.ts"]} -->\n### `src/check.ts`\n- move `const apiToken = "Zk81QpL02mNv7RtXw9";` to the environment\n';
    const cfg = testConfig([{ provider: "ollama", model: "m1", host: s.url }]);
    const { rows } = await sweep(gitRepo({ "src/check.ts": src, "docs/SCRUM_FIX_WAVE.md": doc }), { ...cfg, redaction: { ...cfg.redaction, local: true } });
    const sent = JSON.stringify(s.requests.filter((r) => r.path === "/api/chat").map((r) => r.body));
    expect(rows[0]!.static_findings.length).toBeGreaterThan(0);
    expect(sent).toContain("Static claims");
    expect(sent).toContain("Fix-wave claims");
    expect(sent).not.toContain("Zk81QpL02mNv7RtXw9");
    expect(rows[0]!.redactions).toBe(2);
  });

  test("loopback endpoints get the file as is unless local redaction is configured", async () => {
    const s = await server({ script: () => ({ text: answer() }) });
    const { rows } = await sweep(gitRepo({ "src/conf.ts": 'const password = "hX9#kL2$mQ8!vR4z";\n' }), testConfig([{ provider: "ollama", model: "m1", host: s.url }]));
    expect(JSON.stringify(s.requests.find((r) => r.path === "/api/chat")!.body)).toContain("hX9#kL2");
    expect(rows[0]!.redactions).toBe(0);
  });
});

describe("fix-wave proposal", () => {
  test("the doc's targets are recorded on rows and its section goes into the prompt", async () => {
    const s = await server({ script: () => ({ text: answer() }) });
    const doc = '# Fix wave 3\n<!-- scrum-fixwave {"iter":2,"files":["src/load.ts"]} -->\n\n### `src/load.ts`\n- log and rethrow the fetch error (line 4)\n\n### `src/other.ts`\n- n/a\n';
    const repo = gitRepo({ "src/load.ts": SWALLOW, "src/ok.ts": "export const ok = 1;\n", "docs/SCRUM_FIX_WAVE.md": doc });
    const { rows, summary } = await sweep(repo, testConfig([{ provider: "ollama", model: "m1", host: s.url }]));
    const byFile = Object.fromEntries(rows.map((r) => [r.file, r]));
    expect(byFile["src/load.ts"]!.targeted_by_fixwave).toBe(true);
    expect(byFile["src/ok.ts"]!.targeted_by_fixwave).toBe(false);
    expect(byFile["src/ok.ts"]!.fixwave?.files).toEqual(["src/load.ts"]);
    expect(summary.targeted_by_fixwave).toEqual(["src/load.ts"]);
    const prompts = s.requests.filter((r) => r.path === "/api/chat").map((r) => JSON.stringify(r.body));
    expect(prompts.filter((p) => p.includes("log and rethrow the fetch error"))).toHaveLength(1);
  });
});

describe("observer events", () => {
  test("each reviewed file is posted with the observer's fields; a down observer never fails the sweep", async () => {
    const events: Record<string, unknown>[] = [];
    const obs = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: async (req) => { events.push(await req.json()); return Response.json({ ok: true }); } });
    stops.push(() => obs.stop(true));
    const s = await server({ script: () => ({ text: answer({ score: 6 }) }) });
    const cfg = testConfig([{ provider: "ollama", model: "m1", host: s.url }]);
    const repo = gitRepo({ "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 2;\n" });
    const { summary } = await sweep(repo, { ...cfg, observer: { ...cfg.observer, url: `http://127.0.0.1:${obs.port}` } });
    expect(summary.observer).toEqual({ sent: 2, failed: 0 });
    expect(events.map((e) => e.file).sort()).toEqual(["src/a.ts", "src/b.ts"]);
    expect(events[0]).toMatchObject({ source: "scrum", success: true, iter: 1, score: 6, model: "m1" });
    for (const k of ["timestamp", "endpoint", "input_summary", "duration_ms", "output_summary", "error"]) expect(events[0]).toHaveProperty(k);

    const down = await sweep(repo, { ...cfg, observer: { ...cfg.observer, url: "http://127.0.0.1:9", timeoutMs: 300 } }, { fresh: true });
    expect(down.summary.reviewed).toBe(2);
    expect(down.summary.observer!.sent).toBe(0);
  });
});

describe("SARIF and offline runs", () => {
  test("an offline sweep of a non-git multi-language tree writes rows and SARIF that validates against the 2.1.0 schema", async () => {
    const root = tmpDir();
    writeTree(root, {
      "app/load.ts": SWALLOW,
      "app/odd name#1%ü.ts": SWALLOW,
      "svc/worker.py": "def run(job):\n    try:\n        job()\n    except:\n        pass\n",
      "core/src/lib.rs": "pub fn parse(s: &str) -> u32 {\n    todo!()\n}\n",
      "cmd/main.go": "package main\n\nimport \"net/http\"\n\nfunc main() {\n\t_ = http.ListenAndServe(\":8080\", nil)\n}\n",
    });
    const sarifPath = join(tmpDir(), "out.sarif");
    const cfg = testConfig([{ provider: "static" }]);
    const { rows, summary } = await sweep(root, cfg, { sarif: sarifPath });
    expect(rows.map((r) => r.file).sort()).toEqual(["app/load.ts", "app/odd name#1%ü.ts", "cmd/main.go", "core/src/lib.rs", "svc/worker.py"]);
    expect(rows.every((r) => r.provider === "static" && r.confidence === 1)).toBe(true);
    expect(summary.walk_mode).toBe("fs");
    const sarif = JSON.parse(readFileSync(sarifPath, "utf8"));
    const schema = JSON.parse(readFileSync(join(ROOT, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const results = sarif.runs[0].results;
    expect(results.length).toBe(summary.critical_failures);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.some((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri === "app/odd%20name%231%25%C3%BC.ts")).toBe(true);
    for (const r of results) {
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(r.properties.class).toBeTruthy();
      expect(sarif.runs[0].tool.driver.rules.some((d: { id: string }) => d.id === r.ruleId)).toBe(true);
    }
  });
});

describe("fix-wave round trip", () => {
  test("the doc `scrum fixwave` writes is read back by the next sweep as its proposal", async () => {
    const { parseProposal } = await import("../pipeline/sweep/fixwave-input");
    const hand = parseProposal("# wave\n\n### `src/a.ts`\n- fix it\n\n### `lib/b.py`\n- and this\n");
    expect(hand.files).toEqual(["src/a.ts", "lib/b.py"]);
    expect(hand.sections.get("lib/b.py")).toBe("- and this");
    const marked = parseProposal('<!-- scrum-fixwave {"iter":3,"files":["src/a.ts"]} -->\n### `src/a.ts`\n- x\n### `src/c.ts`\n- y\n');
    expect(marked.files).toEqual(["src/a.ts"]);
  });
});
