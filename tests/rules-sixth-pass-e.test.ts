// Sixth pass on issue 10 (ignored-parameter, swallowed-error, assertion-free-test): each shape with a case
// the floor must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const found = (...files: File[]) => foundIn(files);

describe("swallowed-error: Rust `.ok();` on an awaited call", () => {
  const src = (stmt: string) => lines(
    "impl Ledger {",
    "    pub async fn settle(&self, id: Uuid) -> Result<(), Error> {",
    "        self.bank.transfer(id).await?;",
    stmt,
    "        Ok(())",
    "    }",
    "}");
  test("the awaited write's Result turned into an Option and dropped: reported", () => {
    expect(found({ path: "src/ledger.rs", content: src("        self.repo.mark_settled(id).await.ok();") })).toEqual(["swallowed-error@src/ledger.rs:4"]);
  });
  test("propagated, or the Option kept: not reported", () => {
    expect(found({ path: "src/ledger.rs", content: src("        self.repo.mark_settled(id).await?;") })).toEqual([]);
    expect(found({ path: "src/ledger.rs", content: src("        let done = self.repo.mark_settled(id).await.ok();\n        tracing::info!(?done);") })).toEqual([]);
  });
});

describe("swallowed-error: Go `defer w.Close()` on a format writer built here", () => {
  const pack = (tail: string) => lines(
    "package bundle",
    "func Write(dst io.Writer, files map[string][]byte) error {",
    "\tzw := zip.NewWriter(dst)",
    "\tdefer zw.Close()",
    "\tfor name, data := range files {",
    "\t\tw, err := zw.Create(name)",
    "\t\tif err != nil {",
    "\t\t\treturn err",
    "\t\t}",
    "\t\tif _, err := w.Write(data); err != nil {",
    "\t\t\treturn err",
    "\t\t}",
    "\t}",
    tail,
    "}");
  test("the zip footer is written by a deferred Close nobody checks: reported", () => {
    expect(found({ path: "bundle/write.go", content: pack("\treturn nil") })).toEqual(["swallowed-error@bundle/write.go:4"]);
  });
  test("the same writer's Close also returned on the success path: not reported", () => {
    expect(found({ path: "bundle/write.go", content: pack("\treturn zw.Close()") })).toEqual([]);
  });
  test("a deferred Close of a file, or in a function with no error result: not reported", () => {
    const file = lines("package bundle", "func Save(path string, b []byte) error {", "\tf, err := os.Create(path)", "\tif err != nil {", "\t\treturn err", "\t}", "\tdefer f.Close()", "\t_, err = f.Write(b)", "\treturn err", "}");
    expect(found({ path: "bundle/save.go", content: file })).toEqual([]);
    const noErr = lines("package bundle", "func dump(dst io.Writer, b []byte) {", "\tgz := gzip.NewWriter(dst)", "\tdefer gz.Close()", "\tgz.Write(b)", "}");
    expect(found({ path: "bundle/dump.go", content: noErr }).filter((f) => f.endsWith(":4"))).toEqual([]);
  });
});

describe("assertion-free-test: Rust answers dropped through `_name` or only looked at on success", () => {
  const test_ = (body: string) => lines(
    "#[tokio::test]",
    "async fn refund_is_booked() {",
    "    let app = app().await.unwrap();",
    body,
    "}");
  test("the response bound to an underscore name after a builder chain: reported", () => {
    const body = "    let _resp = Client::post(\"/refunds\")\n        .header(\"x-key\", KEY)\n        .send(&app)\n        .await;";
    expect(found({ path: "tests/refunds.rs", content: test_(body) })).toEqual(["assertion-free-test@tests/refunds.rs:2"]);
  });
  test("the same response read by an assertion: not reported", () => {
    const body = "    let resp = Client::post(\"/refunds\")\n        .send(&app)\n        .await;\n    assert_eq!(resp.status(), 201);";
    expect(found({ path: "tests/refunds.rs", content: test_(body) })).toEqual([]);
  });
  test("an `if let Ok(..)` tail that only drops: reported; one that asserts: not", () => {
    const drops = "    let r = app.refund(7).await;\n    if let Ok(r) = r {\n        let _ = app.lookup(Query { id: r.id }).await;\n    }";
    expect(found({ path: "tests/refunds.rs", content: test_(drops) })).toEqual(["assertion-free-test@tests/refunds.rs:2"]);
    const checks = "    let r = app.refund(7).await;\n    if let Ok(r) = r {\n        assert_eq!(r.state, State::Booked);\n    }";
    expect(found({ path: "tests/refunds.rs", content: test_(checks) })).toEqual([]);
  });
});

describe("assertion-free-test: a Go fixture given t, used as an argument, is not the check", () => {
  const src = (tail: string) => lines(
    "package api",
    "func TestArchive(t *testing.T) {",
    "\treq := httptest.NewRequest(\"POST\", \"/v1/items/9/archive\", nil)",
    "\treq.Header.Set(\"Authorization\", bearer(t, \"u1\", \"owner\"))",
    tail,
    "}");
  test("the call under test's answer and error both dropped: reported", () => {
    expect(found({ path: "api/archive_test.go", content: src("\t_, _ = newServer().Test(req)") })).toEqual(["assertion-free-test@api/archive_test.go:2"]);
  });
  test("the answer checked, or the request handed with t to a helper: not reported", () => {
    expect(found({ path: "api/archive_test.go", content: src("\tresp, err := newServer().Test(req)\n\trequire.NoError(t, err)\n\tassert.Equal(t, 204, resp.StatusCode)") })).toEqual([]);
    expect(found({ path: "api/archive_test.go", content: src("\texpectStatus(t, newServer(), req, 204)") })).toEqual([]);
  });
});

describe("ignored-parameter: a command-line record whose option nothing reads", () => {
  const kong = (run: string) => lines(
    "package main",
    "type SyncCmd struct {",
    "\tTarget  string        `arg:\"\" help:\"Where to sync to.\"`",
    "\tWorkers int           `default:\"4\" help:\"Parallel uploads.\"`",
    "\tPrune   PruneCmd      `cmd:\"\" help:\"Prune old copies.\"`",
    "\tVersion kong.VersionFlag `help:\"Print the version.\"`",
    "}",
    "func (c *SyncCmd) Run() error {",
    run,
    "}");
  test("Go (kong tags): a flag the Run method never reads is reported at the field", () => {
    expect(found({ path: "cmd/tool/sync.go", content: kong("\treturn syncTo(c.Target, 1)") })).toEqual(["ignored-parameter@cmd/tool/sync.go:4"]);
  });
  test("Go: every flag read; subcommands and framework flags are not options to read", () => {
    expect(found({ path: "cmd/tool/sync.go", content: kong("\treturn syncTo(c.Target, c.Workers)") })).toEqual([]);
  });
  test("Go: a flag read in another file of the command is read", () => {
    expect(found(
      { path: "cmd/tool/sync.go", content: kong("\treturn c.sync()") },
      { path: "cmd/tool/run.go", content: lines("package main", "func (c *SyncCmd) sync() error {", "\treturn syncTo(c.Target, c.Workers)", "}") },
    )).toEqual([]);
  });
  const clap = (body: string) => lines(
    "#[derive(Parser)]",
    "struct Cli {",
    "    #[arg(long)]",
    "    dry_run: bool,",
    "    #[arg(short, long, default_value_t = 3)]",
    "    retries: u32,",
    "    #[command(subcommand)]",
    "    cmd: Option<Cmd>,",
    "}",
    "fn main() -> anyhow::Result<()> {",
    "    let cli = Cli::parse();",
    body,
    "}");
  test("Rust (clap derive): a private option never read is reported", () => {
    expect(found({ path: "src/main.rs", content: clap("    upload(cli.retries)") })).toEqual(["ignored-parameter@src/main.rs:4"]);
  });
  test("Rust: options read, or the record destructured, are not reported", () => {
    expect(found({ path: "src/main.rs", content: clap("    if cli.dry_run { return Ok(()); }\n    upload(cli.retries)") })).toEqual([]);
    expect(found({ path: "src/main.rs", content: clap("    let Cli { dry_run, retries, .. } = cli;\n    plan(dry_run, retries)") })).toEqual([]);
  });
});

describe("ignored-parameter: an argparse option the mounted command never reads", () => {
  const cli = (handler: string) => lines(
    "import argparse",
    "",
    handler,
    "",
    "def build() -> argparse.ArgumentParser:",
    "    p = argparse.ArgumentParser()",
    "    sub = p.add_subparsers(dest=\"command\")",
    "    prune = sub.add_parser(\"prune\")",
    "    prune.add_argument(\"--keep\", type=int, default=7)",
    "    prune.add_argument(\"-n\", \"--dry-run\", action=\"store_true\")",
    "    prune.set_defaults(func=cmd_prune)",
    "    return p");
  test("--dry-run never read by cmd_prune: reported at its add_argument", () => {
    const h = lines("def cmd_prune(ns: argparse.Namespace) -> int:", "    for snap in old_snapshots(ns.keep):", "        snap.delete()", "    return 0");
    expect(found({ path: "tool/cli.py", content: cli(h) })).toEqual(["ignored-parameter@tool/cli.py:14"]);
  });
  test("every option read, or the namespace handed on whole: not reported", () => {
    const reads = lines("def cmd_prune(ns: argparse.Namespace) -> int:", "    for snap in old_snapshots(ns.keep):", "        if not ns.dry_run:", "            snap.delete()", "    return 0");
    expect(found({ path: "tool/cli.py", content: cli(reads) })).toEqual([]);
    const whole = lines("def cmd_prune(ns: argparse.Namespace) -> int:", "    return Pruner(ns).run()");
    expect(found({ path: "tool/cli.py", content: cli(whole) })).toEqual([]);
  });
});

describe("ignored-parameter: a yargs option the command's handler never reads", () => {
  const mod = (handler: string) => lines(
    "import type { Argv, ArgumentsCamelCase } from 'yargs';",
    "interface Opts { bucket: string; force: boolean }",
    "export function wipeBuilder(y: Argv): Argv<Opts> {",
    "  return y",
    "    .positional('bucket', { type: 'string' })",
    "    .option('force', { type: 'boolean', default: false }) as Argv<Opts>;",
    "}",
    handler);
  test("a typed builder/handler pair where --force is never read: reported at the option", () => {
    const h = "export async function wipeHandler(argv: ArgumentsCamelCase<Opts>) {\n  await wipe(argv.bucket);\n}";
    expect(found({ path: "src/commands/wipe.ts", content: mod(h) })).toEqual(["ignored-parameter@src/commands/wipe.ts:6"]);
  });
  test("read through a destructured parameter or handed on whole: not reported", () => {
    const destructured = "export async function wipeHandler({ bucket, force }: ArgumentsCamelCase<Opts>) {\n  if (!force) return;\n  await wipe(bucket);\n}";
    expect(found({ path: "src/commands/wipe.ts", content: mod(destructured) })).toEqual([]);
    const whole = "export async function wipeHandler(argv: ArgumentsCamelCase<Opts>) {\n  await new Wiper(argv).run();\n}";
    expect(found({ path: "src/commands/wipe.ts", content: mod(whole) })).toEqual([]);
  });
  test("inline .command(name, desc, builder, handler): the kebab option read in camel case is read", () => {
    const src = (read: string) => lines("yargs(hideBin(process.argv))", "  .command('sync', 'sync now', (y) => y.option('dry-run', { type: 'boolean' }), async (argv) => {", `    await sync(${read});`, "  })", "  .parse();");
    expect(found({ path: "src/cli.ts", content: src("argv.dryRun") })).toEqual([]);
    expect(found({ path: "src/cli.ts", content: src("false") })).toEqual(["ignored-parameter@src/cli.ts:2"]);
  });
});

describe("swallowed-error: cleanup right before giving up is not a swallow", () => {
  test("Rust: a dropped delete before an error macro or `return None`: not reported; before a success: reported", () => {
    const src = lines(
      "impl Uploads {",
      "    async fn check(&self, up: Upload, size: u64) -> ApiResult<()> {",
      "        if up.size != size {",
      "            up.remove(&self.db).await.ok();",
      "            bail!(\"size mismatch\");",
      "        }",
      "        Ok(())",
      "    }",
      "    async fn take(&self, token: &str) -> Option<Grant> {",
      "        let g = Grant::find(token, &self.db).await?;",
      "        if g.expired() {",
      "            g.remove(&self.db).await.ok();",
      "            return None;",
      "        }",
      "        g.remove(&self.db).await.ok();",
      "        Some(g)",
      "    }",
      "}");
    expect(found({ path: "src/uploads.rs", content: src })).toEqual(["swallowed-error@src/uploads.rs:15"]);
  });
});

describe("ignored-parameter: a Rust request record with a parameter nothing reads", () => {
  const api = (derive: string, body: string) => lines(
    `#[derive(${derive})]`,
    "struct SearchParams {",
    "    term: String,",
    "    /// Only items updated after this instant.",
    "    since: Option<i64>,",
    "}",
    "async fn search(State(db): State<Db>, Query(p): Query<SearchParams>) -> Json<Vec<Item>> {",
    body,
    "}");
  test("a query parameter the handler never reads: reported at the field", () => {
    expect(found({ path: "src/search.rs", content: api("Deserialize", "    Json(db.search(&p.term).await)") })).toEqual(["ignored-parameter@src/search.rs:5"]);
  });
  test("every parameter read, the record handed on whole, or read by another derive: not reported", () => {
    expect(found({ path: "src/search.rs", content: api("Deserialize", "    Json(db.search(&p.term, p.since).await)") })).toEqual([]);
    expect(found({ path: "src/search.rs", content: api("Deserialize", "    Json(db.search_by(p).await)") })).toEqual([]);
    expect(found({ path: "src/search.rs", content: api("Deserialize, Validate", "    Json(db.search(&p.term).await)") })).toEqual([]);
  });
});
