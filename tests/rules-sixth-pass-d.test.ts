// Sixth pass on issue 10 (unwired-auth, insecure-compare, hardcoded-secret, stub): each shape with a case the
// floor must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

/** Findings of this pass's classes (a snippet may also leave a parameter unused; that is another pass's business). */
const MINE = /^(unwired-auth|insecure-compare|hardcoded-secret|stub)$/;
const found = (...files: File[]) => foundIn(files, MINE);

describe("unwired-auth: a tonic service beside a sibling guarded through locals", () => {
  const serve = (second: string) => lines(
    "async fn serve(cfg: Config, store: Store) -> anyhow::Result<()> {",
    "    let mw = BearerCheck::new(cfg.auth_token.clone());",
    "    let jobs = JobsService { store: store.clone() };",
    "    let jobs = JobsServer::with_interceptor(jobs, mw);",
    "    let maint = MaintService { store };",
    "    Server::builder()",
    "        .add_service(jobs)",
    `        .add_service(${second})`,
    "        .serve(cfg.addr)",
    "        .await?;",
    "    Ok(())",
    "}");
  test("the second service added bare: reported", () => {
    expect(found({ path: "src/main.rs", content: serve("MaintServer::new(maint)") })).toEqual(["unwired-auth@src/main.rs:8"]);
  });
  test("both behind the interceptor, or the first one's interceptor not an access check: not reported", () => {
    expect(found({ path: "src/main.rs", content: serve("MaintServer::with_interceptor(maint, mw.clone())") })).toEqual([]);
    const traced = serve("MaintServer::new(maint)").replace("BearerCheck::new(cfg.auth_token.clone())", "TraceStamp::default()");
    expect(found({ path: "src/main.rs", content: traced })).toEqual([]);
  });
});

describe("unwired-auth: CLI commands are routes", () => {
  const cli = (drop: string) => lines(
    "await yargs(hideBin(process.argv))",
    "  .command('seal <vault>', 'seal a vault', sealBuilder, sealHandler, [ensureUnlocked])",
    "  .command('ls', 'list vaults', lsBuilder, lsHandler)",
    `  .command('destroy <vault>', 'permanently erase a vault', destroyBuilder, destroyHandler${drop})`,
    "  .parseAsync();");
  test("yargs: a destructive command without the middleware its sibling has: reported", () => {
    expect(found({ path: "src/cli.ts", content: cli("") })).toEqual(["unwired-auth@src/cli.ts:4"]);
  });
  test("yargs: guarded too, or a read-only command bare: not reported", () => {
    expect(found({ path: "src/cli.ts", content: cli(", [ensureUnlocked]") })).toEqual([]);
    expect(found({ path: "src/cli.ts", content: cli("").replace("'permanently erase a vault'", "'show a vault'").replace("'destroy <vault>'", "'show <vault>'") })).toEqual([]);
  });
  const py = (decorator: string) => lines(
    "@needs_admin_ticket",
    "def do_rotate(ns):",
    "    rotate(ns.vault)",
    "",
    decorator,
    "def do_truncate(ns):",
    "    truncate(ns.vault)",
    "",
    "def make_parser():",
    "    root = argparse.ArgumentParser()",
    "    cmds = root.add_subparsers()",
    "    rot = cmds.add_parser('rotate', help='rotate vault keys')",
    "    rot.set_defaults(func=do_rotate)",
    "    tr = cmds.add_parser('truncate', help='drop every entry of a vault')",
    "    tr.set_defaults(func=do_truncate)",
    "    return root");
  test("argparse: a destructive subcommand whose handler lacks the sibling's guard decorator: reported", () => {
    expect(found({ path: "vault/cli.py", content: py("") })).toEqual(["unwired-auth@vault/cli.py:15"]);
  });
  test("argparse: the handler decorated with the guard: not reported", () => {
    expect(found({ path: "vault/cli.py", content: py("@needs_admin_ticket") })).toEqual([]);
  });
});

describe("insecure-compare: Go equality calls and header reads", () => {
  test("bytes.Equal against a keyed call, and an X-...-Key header compared with !=: reported", () => {
    const src = lines(
      "package seal",
      "func Valid(env *Envelope, key []byte) bool { return bytes.Equal(env.Tag, macOf(env.Body, key)) }",
      "func Peer(want string) fiber.Handler {",
      "\treturn func(c *fiber.Ctx) error {",
      "\t\tif c.Get(\"X-Relay-Key\") != want { return fiber.ErrUnauthorized }",
      "\t\treturn c.Next()",
      "\t}",
      "}",
      "func Mount(app *fiber.App, k string) { app.Use(Peer(k)) }");
    expect(found({ path: "seal/seal.go", content: src })).toEqual(["insecure-compare@seal/seal.go:2", "insecure-compare@seal/seal.go:5"]);
  });
  test("bytes.Equal of plain data or an unkeyed digest, a non-credential header: not reported", () => {
    const src = lines(
      "package seal",
      "func Same(a, b []byte) bool { return bytes.Equal(a, b) }",
      "func Intact(env *Envelope) bool { return bytes.Equal(sha256Of(env.Body), env.Sum) }",
      "func Traced(c *fiber.Ctx, id string) bool { return c.Get(\"X-Trace-Id\") == id }");
    expect(found({ path: "seal/seal.go", content: src })).toEqual([]);
  });
});

describe("hardcoded-secret: a credential as a struct tag default", () => {
  const flags = (tag: string) => lines("package main", "type Opts struct {", "\tHost string `default:\"db.local\"`", `\tDBPassword string \`${tag}\``, "}");
  test("kong/envconfig default holding a generated password: reported", () => {
    expect(found({ path: "cmd/tool/main.go", content: flags('env:"DB_PASSWORD" default:"q8Vn2LmX7tRz4KbW9cYh"') })).toEqual(["hardcoded-secret@cmd/tool/main.go:4"]);
  });
  test("no default, a placeholder, or an interpolation: not reported", () => {
    expect(found({ path: "cmd/tool/main.go", content: flags('env:"DB_PASSWORD" required:""') })).toEqual([]);
    expect(found({ path: "cmd/tool/main.go", content: flags('env:"DB_PASSWORD" default:"change_me_please"') })).toEqual([]);
    expect(found({ path: "cmd/tool/main.go", content: flags('env:"DB_PASSWORD" default:"${db_password_file}"') })).toEqual([]);
  });
});

describe("stub: a fixed placeholder return that something reaches", () => {
  const rates = (ret: string, caller = true) => lines(
    "def fee_for(amount, tier):",
    "    if amount < 0:",
    "        raise ValueError('negative amount')",
    "    # TODO: read the fee schedule from billing",
    `    return ${ret}`,
    "",
    ...(caller ? ["def charge(amount, tier):", "    return amount + fee_for(amount, tier)"] : []));
  test("a constant under a TODO, called by a sibling: reported", () => {
    expect(found({ path: "billing/fees.py", content: rates('Decimal("0.30")') })).toEqual(["stub@billing/fees.py:5"]);
  });
  test("computed, nothing, or never referenced: not reported", () => {
    expect(found({ path: "billing/fees.py", content: rates("schedule(tier).fee(amount)") })).toEqual([]);
    expect(found({ path: "billing/fees.py", content: rates("None") })).toEqual([]);
    expect(found({ path: "billing/fees.py", content: rates('Decimal("0.30")', false) })).toEqual([]);
  });
  test("referenced from another file counts as reached", () => {
    const other = { path: "billing/api.py", content: lines("from billing.fees import fee_for", "def quote(a):", "    return fee_for(a, 'basic')") };
    expect(found({ path: "billing/fees.py", content: rates('Decimal("0.30")', false) }, other)).toEqual(["stub@billing/fees.py:5"]);
  });
});

describe("unwired-auth: a salvo hoop (#[handler], FlowCtrl) never attached", () => {
  const hoop = (mount: string) => lines(
    "#[handler]",
    "pub async fn staff_gate(req: &mut Request, res: &mut Response, ctrl: &mut FlowCtrl) {",
    "    if req.header::<String>(\"x-role\").as_deref() != Some(\"staff\") {",
    "        res.status_code(StatusCode::FORBIDDEN);",
    "        ctrl.skip_rest();",
    "    }",
    "}",
    `pub fn router() -> Router { Router::with_path("ops")${mount}.post(rebuild) }`);
  test("defined, attached nowhere: reported at the hoop", () => {
    expect(found({ path: "src/auth.rs", content: hoop("") })).toEqual(["unwired-auth@src/auth.rs:2"]);
  });
  test("attached with .hoop(..): not reported", () => {
    expect(found({ path: "src/auth.rs", content: hoop(".hoop(staff_gate)") })).toEqual([]);
  });
});
