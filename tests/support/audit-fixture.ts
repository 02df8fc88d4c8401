// A repository with a fix-wave commit and a KB with the iterations its message refers to, for `scrum audit`
// tests: a Rust gateway crate whose api_key_auth gets wired (and its #[allow(dead_code)] dropped), three
// tests added, and KB iterations 2-4 in which the files' scores move.
import { join } from "node:path";
import type { Io } from "../../pipeline/cli/command";
import { runCli } from "../../pipeline/cli/main";
import { appendJsonl } from "../../pipeline/kb/jsonl";
import { kbPaths } from "../../pipeline/kb/paths";
import { reviewRow } from "./kb-builder";
import { git, gitRepo, writeTree } from "./tmp-repo";

export const CONFIG = join(import.meta.dir, "..", "..", "scrum.config.yaml");

const TEST = (name: string) => `#[test]\nfn ${name}() {\n    assert!(gateway::auth::api_key_auth(&req()));\n}\n`;

export const BEFORE: Record<string, string> = {
  "gateway/Cargo.toml": `[package]\nname = "gateway"\nversion = "0.1.0"\n`,
  "gateway/src/auth.rs": [
    "#[allow(dead_code)]",
    "pub fn api_key_auth(req: &Request) -> bool {",
    "    req.header(\"x-api-key\").is_some()",
    "}",
    "",
    "pub fn require_admin(req: &Request) -> bool {",
    "    req.user().is_admin()",
    "}",
    "",
  ].join("\n"),
  "gateway/src/main.rs": "fn main() {\n    let app = Router::new().route(\"/\", get(index));\n    serve(app);\n}\n",
  "gateway/src/admin.rs": "pub fn admin_routes() -> Router {\n    Router::new()\n}\n",
  "gateway/src/db.rs": "pub fn connect() -> Pool {\n    Pool::new()\n}\n",
  "gateway/src/handler.rs": "pub fn index() -> &'static str {\n    \"ok\"\n}\n",
  "api/src/handler.rs": "pub fn health() -> &'static str {\n    \"ok\"\n}\n",
  "gateway/tests/auth.rs": TEST("accepts_key") + TEST("rejects_missing_key"),
  "api/src/routes.test.ts": 'test("health", () => {\n  expect(health()).toBe("ok");\n});\n',
  "README.md": "# gateway\n",
};

/** The fix wave: api_key_auth mounted with from_fn_with_state, its suppression gone, three tests more. */
export const AFTER: Record<string, string> = {
  "gateway/src/auth.rs": BEFORE["gateway/src/auth.rs"]!.replace("#[allow(dead_code)]\n", ""),
  "gateway/src/main.rs": "fn main() {\n    let app = Router::new().route(\"/\", get(index)).layer(from_fn_with_state(state, api_key_auth));\n    serve(app);\n}\n",
  "gateway/tests/auth.rs": BEFORE["gateway/tests/auth.rs"]! + TEST("rejects_bad_key") + TEST("accepts_rotated_key") + TEST("logs_rejection"),
};

/** Every claim of this message holds against the fixture. */
export const HOLDS = `Fix wave 4: wire api_key_auth

iter 3 → iter 4:
- gateway/src/auth.rs 3 → 4
- gateway/src/main.rs 5 → 6.5
mean 4.40 → 5.10; movement ↑3 ↓0 =2; 4/5 first-attempt accept; 5/5 emitted JSON
signals CONVERGING: 3, PLATEAU: 2
Tests 2 → 5 (gateway)
api_key_auth is now wired via from_fn_with_state.
Removed #[allow(dead_code)] from api_key_auth.

Code changes:
- gateway/src/main.rs
- gateway/src/auth.rs
- gateway/tests/auth.rs

No false positives yet.
`;

/** Some claims hold; others are off by a value, an iteration or a file; some cannot be checked. */
export const MIXED = `Fix wave 4: wire api_key_auth

iter 3 → iter 4:
- gateway/src/auth.rs 3 → 4
- gateway/src/main.rs 5 → 6
- gateway/src/db.rs 4 → 5 (iter 2 → iter 3)
- gateway/src/router.rs 3 → 4
- handler.rs 5 → 5
mean 4.40 → 5.10; movement ↑3 ↓0 =2; 5/5 first-attempt accept; 5/5 emitted JSON
signals CONVERGING: 3, LOOPING: 1
Tests 2 → 5 (gateway)
tests 2 → 4 in gateway/tests
api_key_auth is now wired via from_fn_with_state.
Removed #[allow(dead_code)] from api_key_auth.
require_admin is now enforced.

Code changes:
- gateway/src/main.rs
- gateway/src/auth.rs
- gateway/src/admin.rs
- gateway/tests/auth.rs

No false positives yet.
iter 8 → iter 9: mean 5.00
`;

/** KB iterations 2, 3 and 4 (scores chosen so iter 3 → 4 moves auth.rs 3 → 4, main.rs 5 → 6.5, db.rs 4 → 5). */
export function fixtureRows() {
  const r = (iter: number, file: string, score: number, extra: Parameters<typeof reviewRow>[0] = {}) => reviewRow({ iter, file, score, ...extra });
  return [
    r(2, "gateway/src/auth.rs", 2), r(2, "gateway/src/db.rs", 3),
    r(3, "gateway/src/auth.rs", 3), r(3, "gateway/src/main.rs", 5), r(3, "gateway/src/db.rs", 4), r(3, "gateway/src/handler.rs", 5), r(3, "api/src/handler.rs", 5),
    r(4, "gateway/src/auth.rs", 4), r(4, "gateway/src/main.rs", 6.5), r(4, "gateway/src/db.rs", 5), r(4, "gateway/src/handler.rs", 5),
    r(4, "api/src/handler.rs", 5, { accepted_on_attempt: 2 }),
  ];
}

/** The repository (parent commit, then the fix-wave commit with `message`) and its KB at <repo>/kb. */
export function auditFixture(message: string): { repo: string; kb: string; head: string; parent: string } {
  const repo = gitRepo(BEFORE);
  writeTree(repo, AFTER);
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", message);
  const kb = join(repo, "kb");
  appendJsonl(kbPaths(kb).reviews, fixtureRows());
  return { repo, kb, head: git(repo, "rev-parse", "HEAD").trim(), parent: git(repo, "rev-parse", "HEAD^").trim() };
}

export interface CliResult { code: number; out: string; err: string }

/** Run `scrum audit` in-process with the shipped config and the fixture's KB (`kb: null`: the config's default KB). */
export async function audit(cwd: string, args: string[], env: Record<string, string | undefined> = {}, kb: string | null = "kb"): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env, isTTY: false };
  const code = await runCli(["audit", ...args, ...(kb === null ? [] : ["--kb", kb]), "--config", CONFIG], io);
  return { code, out: out.join(""), err: err.join("") };
}
