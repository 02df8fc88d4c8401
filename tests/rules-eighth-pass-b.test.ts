// Eighth pass on issue 10 (ignored-parameter, assertion-free-test): each shape with a case the floor must
// report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const ignored = (...files: { path: string; content: string }[]) => foundIn(files, /ignored-parameter/);
const assertionFree = (...files: { path: string; content: string }[]) => foundIn(files, /assertion-free-test/);

describe("Rust: a field read in a match-arm guard (`cfg.limit =>`) is read, not assigned", () => {
  const src = (guard: string) => lines(
    "pub struct PoolConfig {",
    "    pub size: usize,",
    "    pub limit: u32,",
    "}",
    "pub struct Pool { cfg: PoolConfig }",
    "impl Pool {",
    "    pub fn new(cfg: PoolConfig) -> Self { Self { cfg } }",
    "    pub fn admit(&self, n: u32) -> bool {",
    "        let _ = self.cfg.size;",
    "        match n {",
    guard,
    "            _ => true,",
    "        }",
    "    }",
    "}");
  test("read only in a guard: not reported", () => {
    expect(ignored({ path: "src/pool.rs", content: src("            x if x >= self.cfg.limit => false,") })).toEqual([]);
  });
  test("never read: reported at the field", () => {
    expect(ignored({ path: "src/pool.rs", content: src("            x if x >= 100 => false,") })).toEqual(["ignored-parameter@src/pool.rs:3"]);
  });
});

describe("Rust: options of a subcommand variant of a CLI enum (clap Subcommand, bpaf)", () => {
  const cli = (arm: string) => lines(
    "#[derive(Subcommand)]",
    "enum Command {",
    "    Sync {",
    "        #[arg(long)]",
    "        dry_run: bool,",
    "        #[arg(long, default_value_t = 4)]",
    "        jobs: usize,",
    "    },",
    "    Status,",
    "}",
    "fn dispatch(cmd: Command) -> anyhow::Result<()> {",
    "    match cmd {",
    arm,
    "        Command::Status => status(),",
    "    }",
    "}");
  test("every match leaves `jobs` to `..`: reported at the field", () => {
    expect(ignored({ path: "src/main.rs", content: cli("        Command::Sync { dry_run, .. } => sync(dry_run),") })).toEqual(["ignored-parameter@src/main.rs:7"]);
  });
  test("both fields bound (named, renamed or without `..`): not reported", () => {
    expect(ignored({ path: "src/main.rs", content: cli("        Command::Sync { dry_run, jobs: n } => sync_with(dry_run, n),") })).toEqual([]);
    expect(ignored({ path: "src/main.rs", content: cli("        Command::Sync { dry_run, jobs, .. } => sync_with(dry_run, jobs),") })).toEqual([]);
  });
  test("an enum no CLI derive mounts: not reported", () => {
    expect(ignored({ path: "src/main.rs", content: cli("        Command::Sync { dry_run, .. } => sync(dry_run),").replace("#[derive(Subcommand)]", "#[derive(Debug)]") })).toEqual([]);
  });
});

describe("Go: a field filled by a flag binder (`flag.IntVar(&o.f, ..)`) is written there, not read", () => {
  const src = (use: string) => lines(
    "package main",
    "",
    "type config struct {",
    "\taddr    string",
    "\tworkers int",
    "}",
    "",
    "func parseConfig() config {",
    "\tvar c config",
    "\tflag.StringVar(&c.addr, \"addr\", \":8080\", \"listen address\")",
    "\tflag.IntVar(&c.workers, \"workers\", 4, \"worker goroutines\")",
    "\tflag.Parse()",
    "\treturn c",
    "}",
    "",
    "func main() {",
    "\tc := parseConfig()",
    use,
    "}");
  test("the bound field is never read: reported at its flag", () => {
    expect(ignored({ path: "cmd/app/main.go", content: src("\tserve(c.addr, 4)") })).toEqual(["ignored-parameter@cmd/app/main.go:11"]);
  });
  test("the bound field is read: not reported", () => {
    expect(ignored({ path: "cmd/app/main.go", content: src("\tserve(c.addr, c.workers)") })).toEqual([]);
  });
});

describe("Go: a request struct bound by path/query tags is an input", () => {
  const types = { path: "internal/api/types.go", content: lines(
    "package api",
    "",
    "type ListInvoicesReq struct {",
    "\tAccount string `path:\"account\"`",
    "\tUnpaid  bool   `form:\"unpaid,optional\"`",
    "}") };
  const logic = (body: string) => ({ path: "internal/api/logic.go", content: lines(
    "package api",
    "",
    "func (l *Logic) ListInvoices(req *ListInvoicesReq) ([]Invoice, error) {",
    body,
    "}") });
  test("a query field no file reads: reported", () => {
    expect(ignored(types, logic("\treturn l.store.Invoices(req.Account)"))).toEqual(["ignored-parameter@internal/api/types.go:5"]);
  });
  test("every field read in another file: not reported", () => {
    expect(ignored(types, logic("\treturn l.store.Invoices(req.Account, req.Unpaid)"))).toEqual([]);
  });
  test("a struct with json tags only (a body or a response): not this reading", () => {
    const out = { path: "internal/api/types.go", content: types.content.replace("`path:\"account\"`", "`json:\"account\"`").replace("`form:\"unpaid,optional\"`", "`json:\"unpaid\"`") };
    expect(ignored(out, logic("\treturn l.store.Invoices(req.Account)"))).toEqual([]);
  });
  test("a tagged type with methods of its own (a model or settings object that validates itself): not this reading", () => {
    const model = { path: "internal/api/types.go", content: types.content + "\n\nfunc (r ListInvoicesReq) Validate() error {\n\treturn nil\n}\n" };
    expect(ignored(model, logic("\treturn l.store.Invoices(req.Account)"))).toEqual([]);
    const pointer = { path: "internal/api/types.go", content: types.content + "\n\nfunc (r *ListInvoicesReq) Normalize() {}\n" };
    expect(ignored(pointer, logic("\treturn l.store.Invoices(req.Account)"))).toEqual([]);
  });
});

describe("Python: a typed, defaulted parameter of a handler mounted on a URL path is a query parameter", () => {
  const src = (deco: string, call: string) => lines(
    "class Invoices(Controller):",
    deco,
    "    async def list_invoices(self, request: Request, status: Optional[str] = None, limit: int = 20) -> Response:",
    call,
    "        return self.json(rows)");
  test("never read: reported", () => {
    expect(ignored({ path: "app/controllers/invoices.py", content: src("    @get(\"/invoices\")", "        rows = await self.repo.page(limit=limit)") }))
      .toEqual(["ignored-parameter@app/controllers/invoices.py:3"]);
  });
  test("read: not reported", () => {
    expect(ignored({ path: "app/controllers/invoices.py", content: src("    @get(\"/invoices\")", "        rows = await self.repo.page(status=status, limit=limit)") })).toEqual([]);
  });
  test("a decorator that mounts no URL path (an event, a cache): not this reading", () => {
    expect(ignored({ path: "app/controllers/invoices.py", content: src("    @on_event(\"invoice.paid\")", "        rows = await self.repo.page(limit=limit)") })).toEqual([]);
  });
});

describe("a `_` placeholder kept to reach a later parameter: the positions are imposed", () => {
  const src = (params: string) => lines(
    "export default {",
    "  hooks: {",
    `    async resolve(${params}) {`,
    "      return lookup(req.headers['x-tenant']);",
    "    },",
    "  },",
    "};");
  test("`(context, _route, req)`: the unread leading parameter is not reported", () => {
    expect(ignored({ path: "src/gateway.ts", content: src("context: Ctx, _route: unknown, req: Req") })).toEqual([]);
  });
  test("`(context, route, req)` without a placeholder: still reported", () => {
    expect(ignored({ path: "src/gateway.ts", content: src("context: Ctx, route: unknown, req: Req") })).toContain("ignored-parameter@src/gateway.ts:3");
  });
});

describe("Rust: an inherent method shares no interface with another type's method of the same name", () => {
  const client = { path: "src/upstream.rs", content: lines(
    "pub struct Upstream { base: String }",
    "impl Upstream {",
    "    pub fn new(base: String, deadline: Duration) -> Self {",
    "        Self { base }",
    "    }",
    "}") };
  test("another file's `Sender::new(.., deadline)` reads its own parameter: this one is still reported", () => {
    const other = { path: "src/sender.rs", content: lines(
      "pub struct Sender { deadline: Duration }",
      "impl Sender {",
      "    pub fn new(deadline: Duration) -> Self {",
      "        Self { deadline }",
      "    }",
      "}") };
    expect(ignored(client, other)).toEqual(["ignored-parameter@src/upstream.rs:3"]);
  });
  test("the parameter read: not reported", () => {
    expect(ignored({ path: "src/upstream.rs", content: client.content.replace("Self { base }", "Self { base: with(base, deadline) }") })).toEqual([]);
  });
});

describe("assertion-free-test: Rust answers thrown away through `_name`", () => {
  const test_ = (...body: string[]) => lines("#[tokio::test]", "async fn reloads() {", "    let svc = build().unwrap();", ...body, "}");
  test("a path call wrapping the request, bound to `_resp`: reported", () => {
    expect(assertionFree({ path: "tests/reload.rs", content: test_("    let _resp = tokio::time::timeout(Duration::from_secs(2), svc.call(req())).await;") }))
      .toEqual(["assertion-free-test@tests/reload.rs:2"]);
  });
  test("a spawned task awaited and dropped (`let _ = handle.await;`): reported", () => {
    expect(assertionFree({ path: "tests/reload.rs", content: test_("    let handle = tokio::spawn(svc.run());", "    stop().unwrap();", "    let _ = handle.await;") }))
      .toEqual(["assertion-free-test@tests/reload.rs:2"]);
  });
  test("the answer checked: not reported", () => {
    expect(assertionFree({ path: "tests/reload.rs", content: test_("    let resp = tokio::time::timeout(Duration::from_secs(2), svc.call(req())).await.unwrap();", "    assert_eq!(resp.status(), 200);") })).toEqual([]);
    expect(assertionFree({ path: "tests/reload.rs", content: test_("    let handle = tokio::spawn(svc.run());", "    stop().unwrap();", "    assert_eq!(handle.await.unwrap().unwrap(), 3);") })).toEqual([]);
  });
});

describe("assertion-free-test: a local named like a fixture handed to a logger is data, not delegation", () => {
  test("`const page = await svc.list(..); log.info(page)`: reported", () => {
    const src = lines("it('lists the second page', async () => {", "  const page = await catalog.list({ limit: 2, offset: 2 });", "  logger.info(page);", "});");
    expect(assertionFree({ path: "test/catalog.spec.ts", content: src })).toEqual(["assertion-free-test@test/catalog.spec.ts:1"]);
  });
  test("Playwright's own `page` fixture handed to a helper: delegation, not reported", () => {
    const src = lines("test('logs in', async ({ page }) => {", "  await loginAs(page);", "});");
    expect(assertionFree({ path: "e2e/login.spec.ts", content: src })).toEqual([]);
  });
});

describe("Python: a URL-mounted handler that reads none of its inputs is a placeholder, not a dropped query parameter", () => {
  test("`def create(order: Order, notify_url: str | None = None): return {..}`: not reported", () => {
    const src = lines("@app.post(\"/orders\")", "def create(order: Order, notify_url: str | None = None):", "    \"\"\"Imagine the order is stored here.\"\"\"", "    return {\"ok\": True}");
    expect(ignored({ path: "app/orders.py", content: src })).toEqual([]);
  });
  test("the same handler storing the order but never notifying: reported", () => {
    const src = lines("@app.post(\"/orders\")", "def create(order: Order, notify_url: str | None = None):", "    db.save(order)", "    return {\"ok\": True}");
    expect(ignored({ path: "app/orders.py", content: src })).toEqual(["ignored-parameter@app/orders.py:2"]);
  });
});
