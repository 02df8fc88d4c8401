// `scrum eval` on a model ladder: the same sweep path, with the model server answering as a model would.
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { startModelServer, type ScriptRequest } from "./support/model-server";
import { answer, ROOT, testConfig } from "./support/sweep-harness";
import { tmpDir } from "./support/tmp-repo";

// A model that checks each static claim and confirms it, citing the claimed line and snippet.
function confirmingModel(req: ScriptRequest) {
  const user = req.messages.map((m) => m.content).join("\n");
  const claims = [...user.matchAll(/^- (S\d+) \[([a-z-]+)\] line (\d+): (.*?) \u2014 `(.*)`$/gm)];
  return {
    text: answer({
      verdict: claims.length ? "fail" : "pass",
      score: claims.length ? 3 : 9,
      confidence: 0.9,
      critical_failures: claims.map(([, , cls, line, msg, snippet]) => ({ title: `[${cls}] ${msg}`, line: Number(line), evidence: snippet })),
      static_claims: claims.map(([, id]) => ({ id, verdict: "confirmed", reason: "the cited code does it" })),
    }),
  };
}

const server = await startModelServer({ script: confirmingModel });
afterAll(() => server.stop());

describe("scrum eval on a model ladder", () => {
  test("runs the sweep path through the model and scores its critical failures against the ground truth", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "scrum.config.yaml"), stringify(testConfig([{ provider: "openai", model: "reviewer", baseURL: `${server.url}/v1` }])));
    const p = Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), "eval", "--ladder", "test", "--config", join(dir, "scrum.config.yaml"), "--json"], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
    const [out, code] = await Promise.all([new Response(p.stdout).text(), p.exited]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.ladder).toBe("test");
    // Every file went to the model: the answers, not the floor's own rows, were scored.
    expect(server.requests.filter((q) => q.path === "/v1/chat/completions").length).toBe(r.files);
    expect(r.total.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.total.precision).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
