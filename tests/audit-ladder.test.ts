// `scrum audit --ladder`: claims no rule checks go to a model (the local model server, through the real
// ollama and openai clients) with the diff; only an answer citing a diff line whose quoted code checks out counts.
import { afterEach, describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Io } from "../pipeline/cli/command";
import { runCli } from "../pipeline/cli/main";
import { kbPaths } from "../pipeline/kb/paths";
import { AuditRow } from "../pipeline/kb/schemas/audit-row";
import { auditFixture, HOLDS } from "./support/audit-fixture";
import { startModelServer, type ChatMessage, type ModelServer, type Reply } from "./support/model-server";
import { tmpDir } from "./support/tmp-repo";

const servers: ModelServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.stop())); });

const FACTS = `Harden the gateway

Requests without a key are now rejected.
No test covers a rotated key.
Verified live on staging.
`;

const answer = (status: string, citations: unknown[], reason = "see the cited lines") => JSON.stringify({ status, citations, reason });

/** Answers by the claim in the prompt; `other` answers everything else. */
function byClaim(replies: Record<string, string>): (req: { messages: ChatMessage[] }) => Reply {
  return (req) => {
    const user = req.messages.find((m) => m.role === "user")?.content ?? "";
    const claim = /## Claim[^\n]*\n(.*)/.exec(user)?.[1] ?? "";
    return { text: replies[claim] ?? answer("unverifiable", [], "cannot tell") };
  };
}

async function run(repo: string, rungs: string, extraYaml = ""): Promise<{ code: number; out: string; err: string }> {
  const config = join(tmpDir(), "scrum.config.yaml");
  writeFileSync(config, `ladders:\n  judge:\n${rungs}\n${extraYaml}`);
  writeFileSync(join(repo, "facts.md"), FACTS);
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: repo, env: {}, isTTY: false };
  const code = await runCli(["audit", "--message", "facts.md", "--ladder", "judge", "--kb", "kb", "--config", config, "--json"], io);
  return { code, out: out.join(""), err: err.join("") };
}

const rung = (provider: "ollama" | "openai", url: string, model = "judge-1") =>
  `    - { provider: ${provider}, model: ${model}, ${provider === "ollama" ? `host: "${url}"` : `baseURL: "${url}/v1"`}, timeoutMs: 5000, retries: 0 }`;

describe("scrum audit --ladder", () => {
  for (const protocol of ["ollama", "openai"] as const) {
    test(`${protocol}: backed with a checkable citation, not backed with one, and a citation outside the diff stays unverifiable`, async () => {
      const f = auditFixture(HOLDS);
      const s = await startModelServer({
        script: byClaim({
          "Requests without a key are now rejected.": answer("backed", [{ file: "gateway/src/main.rs", line: 2, side: "new", evidence: "`.layer(from_fn_with_state(state, api_key_auth))`" }]),
          "No test covers a rotated key.": answer("not_backed", [{ file: "gateway/tests/auth.rs", line: 14, evidence: "fn accepts_rotated_key() {" }], "a test for rotated keys was added"),
          "Verified live on staging.": answer("backed", [{ file: "gateway/src/admin.rs", line: 1, evidence: "pub fn admin_routes() -> Router {" }]),
        }),
      });
      servers.push(s);
      const r = await run(f.repo, rung(protocol, s.url));
      const doc = JSON.parse(r.out) as { claims: { text: string; status: string; evidence: string; kind: string }[] };
      expect(doc.claims.map((c) => [c.text, c.status])).toEqual([
        ["Requests without a key are now rejected.", "backed"],
        ["No test covers a rotated key.", "not_backed"],
        ["Verified live on staging.", "unverifiable"],
      ]);
      expect(doc.claims[0]!.evidence).toContain("[cites gateway/src/main.rs:2]");
      expect(doc.claims[2]!.evidence).toContain("gateway/src/admin.rs is not in the diff shown");
      // Facts are not a blocking kind by default: a not-backed fact is reported, and exits 0.
      expect(r.code).toBe(0);

      // The prompt is prompts/audit.md with the claim, the numbered diff and the KB rows of the changed files.
      const chats = s.requests.filter((q) => q.path === "/api/chat" || q.path === "/v1/chat/completions");
      expect(chats).toHaveLength(3);
      const body = JSON.stringify(chats[0]!.body);
      expect(body).toContain("You are an auditor");
      expect(body).toContain("+ 2 | fn main()".replace("fn main()", "    let app = Router::new()"));
      expect(body).toContain("- 1 | #[allow(dead_code)]");
      expect(body).toContain("gateway/src/main.rs: iter 3 score 5.00, iter 4 score 6.50");

      const rows = readFileSync(kbPaths(f.kb).audits, "utf8").trim().split("\n").map((l) => AuditRow.parse(JSON.parse(l)));
      const judged = rows.find((x) => x.text.startsWith("Requests"))!;
      expect(judged).toMatchObject({ method: "ladder", status: "backed", judge: { provider: protocol, model: "judge-1", answer: "backed", prompt: { name: "audit", version: "1" } } });
      expect(judged.judge!.prompt.sha256).toMatch(/^[0-9a-f]{64}$/);
      // What the answer cost is on the row, as the endpoint reported it (the server counts the prompt it was sent).
      const cost = judged.judge!.attempts.at(-1)!;
      expect(cost).toMatchObject({ outcome: "accepted", tries: 1 });
      expect(cost.tokens!.prompt).toBeGreaterThan(100);
      expect(cost.tokens!.completion).toBeGreaterThan(0);
      expect(cost.latency_ms).toBeGreaterThanOrEqual(0);
      expect(judged.judge!.citations).toEqual([{ file: "gateway/src/main.rs", line: 2, side: "new", evidence: "`.layer(from_fn_with_state(state, api_key_auth))`", verified: true }]);
      expect(rows.find((x) => x.text.startsWith("Verified"))!.judge!.citations[0]).toMatchObject({ verified: false, unverified_reason: "gateway/src/admin.rs is not in the diff shown" });
    }, 60_000);
  }

  test("a quote that is not on the cited line, or a line the diff did not show, does not count; a removed line does", async () => {
    const f = auditFixture(HOLDS);
    const s = await startModelServer({
      script: byClaim({
        "Requests without a key are now rejected.": answer("backed", [{ file: "gateway/src/main.rs", line: 2, evidence: "require_api_key(&req)?" }]),
        "No test covers a rotated key.": answer("backed", [{ file: "gateway/src/auth.rs", line: 1, side: "old", evidence: "#[allow(dead_code)]" }]),
        "Verified live on staging.": answer("backed", [{ file: "gateway/src/auth.rs", line: 7, side: "new", evidence: "req.user().is_admin()" }]),
      }),
    });
    servers.push(s);
    const doc = JSON.parse((await run(f.repo, rung("ollama", s.url))).out) as { claims: { status: string; evidence: string }[] };
    expect(doc.claims.map((c) => c.status)).toEqual(["unverifiable", "backed", "unverifiable"]);
    expect(doc.claims[0]!.evidence).toContain("quoted evidence not found near line 2");
    expect(doc.claims[1]!.evidence).toContain("[cites gateway/src/auth.rs:1 (removed)]");
    // Line 7 is in the file, and the quote is on it, but the diff did not show it: it is not diff evidence.
    expect(doc.claims[2]!.evidence).toContain("new line 7 of gateway/src/auth.rs is not in the diff");
  }, 60_000);

  test("an unparseable answer climbs to the next rung; the static rung is skipped; every attempt is recorded", async () => {
    const f = auditFixture(HOLDS);
    const s = await startModelServer({
      perModel: {
        "judge-1": [{ text: "I think it is probably fine." }],
        "judge-2": [{ text: "```json\n" + answer("backed", [{ file: "gateway/src/main.rs", line: 2, evidence: "from_fn_with_state(state, api_key_auth)" }]) + "\n```" }],
      },
    });
    servers.push(s);
    const rungs = [`    - { provider: static }`, rung("ollama", s.url, "judge-1"), rung("ollama", s.url, "judge-2")].join("\n");
    const doc = JSON.parse((await run(f.repo, rungs)).out) as { claims: { status: string; evidence: string }[] };
    expect(doc.claims.map((c) => c.status)).toEqual(["backed", "backed", "backed"]);
    expect(doc.claims[0]!.evidence).toStartWith("judge-2 (prompt audit v1)");
    const row = AuditRow.parse(JSON.parse(readFileSync(kbPaths(f.kb).audits, "utf8").split("\n")[0]!));
    expect(row.judge!.attempts.map((a) => [a.model, a.outcome])).toEqual([["static-floor", "skipped"], ["judge-1", "parse_failure"], ["judge-2", "accepted"]]);
  }, 60_000);

  test("a ladder that cannot answer leaves the claim unverifiable with the reason", async () => {
    const f = auditFixture(HOLDS);
    const rungs = `    - { provider: ollama, model: gone, host: "http://127.0.0.1:9", timeoutMs: 500, retries: 0 }`;
    const r = await run(f.repo, rungs);
    const doc = JSON.parse(r.out) as { claims: { status: string; evidence: string }[] };
    expect(doc.claims.every((c) => c.status === "unverifiable")).toBe(true);
    expect(doc.claims[0]!.evidence).toMatch(/^no model answer with a checkable citation on ladder judge; last: gone: error/);
  }, 60_000);

  test("with redaction on, a secret in the diff never reaches the model", async () => {
    const f = auditFixture(HOLDS);
    const secret = "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";
    writeFileSync(join(f.repo, "api/src/keys.ts"), `export const githubToken = "${secret}";\n`);
    const g = (...a: string[]) => Bun.spawnSync(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", ...a], { cwd: f.repo });
    g("add", "api/src/keys.ts");
    g("commit", "-qm", "Add keys");
    const s = await startModelServer({ script: () => ({ text: answer("unverifiable", []) }) });
    servers.push(s);
    await run(f.repo, rung("ollama", s.url), "redaction:\n  local: true\n");
    const sent = JSON.stringify(s.requests.map((q) => q.body));
    expect(sent).toContain("api/src/keys.ts");
    expect(sent).toContain("[REDACTED]");
    expect(sent).not.toContain(secret);
  }, 60_000);
});
