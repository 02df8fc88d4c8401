// Tenth session of issue 10: an access check the peers of one type or module make in their bodies and one public
// peer skips; an optional parameter no caller of the repository passes is a lead, not a claim; secrets in a
// lookup's fallback, Go key bytes and the MySQL DSN; a registered view that ends in NotImplementedError; a
// compare inside an auth-named type. Fresh snippets, not corpus or panel code.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets, type SnippetFile } from "./support/snippet-scan";

const of = (files: SnippetFile[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.rule_id}@${f.line}${f.severity === "info" ? " lead" : ""}`);

describe("unwired-auth: the access check a type's peers make", () => {
  const server = (...methods: string[]) => lines(
    "package rpc",
    "",
    ...methods.flatMap((m) => [m, ""]));
  const guarded = (name: string, scope: string) => [
    `func (s *Ledger) ${name}(ctx context.Context, req *Req) (*Resp, error) {`,
    `\tif err := mustHaveScope(ctx, "${scope}"); err != nil {`,
    "\t\treturn nil, err",
    "\t}",
    "\treturn s.do(ctx, req)",
    "}"].join("\n");
  const bare = (name: string) => [
    `func (s *Ledger) ${name}(ctx context.Context, req *Req) (*Resp, error) {`,
    "\treturn s.do(ctx, req)",
    "}"].join("\n");

  test("a Go method without the check three of its four peers make before acting is reported", () => {
    const src = server(guarded("PostEntry", "ledger:write"), guarded("ListEntries", "ledger:read"), guarded("CloseBook", "ledger:write"), bare("ReverseEntry"));
    expect(of([{ path: "internal/rpc/ledger.go", content: src }], /^unwired-auth$/)).toEqual(["go-unguarded-peer@24"]);
  });

  test("a read-named peer, a probe, a peer of another shape and a checked minority are not reported", () => {
    const probe = ["func (s *Ledger) Healthz(ctx context.Context, req *Req) (*Resp, error) {", "\treturn &Resp{}, nil", "}"].join("\n");
    const other = ["func (s *Ledger) Close() error {", "\treturn s.db.Close()", "}"].join("\n");
    const src = server(guarded("PostEntry", "ledger:write"), guarded("ListEntries", "ledger:read"), guarded("CloseBook", "ledger:write"), bare("GetEntry"), probe, other);
    expect(of([{ path: "internal/rpc/ledger.go", content: src }], /^unwired-auth$/)).toEqual([]);
    const minority = server(guarded("PostEntry", "ledger:write"), guarded("CloseBook", "ledger:write"), bare("Snapshot"), bare("Rebuild"), bare("Compact"), bare("Replay"));
    expect(of([{ path: "internal/rpc/ledger.go", content: minority }], /^unwired-auth$/)).toEqual([]);
  });

  test("a check named for something other than access (a format, an index) sets no convention", () => {
    const ensure = (name: string) => [`func (s *Ledger) ${name}(ctx context.Context, req *Req) (*Resp, error) {`, "\tif err := ensureIndex(ctx); err != nil {", "\t\treturn nil, err", "\t}", "\treturn s.do(ctx, req)", "}"].join("\n");
    const src = server(ensure("PostEntry"), ensure("ListEntries"), ensure("CloseBook"), bare("ReverseEntry"));
    expect(of([{ path: "internal/rpc/ledger.go", content: src }], /^unwired-auth$/)).toEqual([]);
  });

  test("a Python command that destroys without the operator check two siblings make is a lead, not a claim", () => {
    const src = lines(
      "def _require_operator(cfg):",
      "    if not cfg.operator_token:",
      "        raise SystemExit('operator token required')",
      "",
      "def rotate(cfg):",
      "    _require_operator(cfg)",
      "    keys.rotate(cfg)",
      "",
      "def suspend(cfg):",
      "    _require_operator(cfg)",
      "    accounts.suspend(cfg)",
      "",
      "def wipe(cfg):",
      "    accounts.delete_all(cfg)");
    expect(of([{ path: "opsctl/commands.py", content: src }], /^unwired-auth$/)).toEqual(["py-unguarded-peer@13 lead"]);
  });

  test("a peer that calls a checked peer goes through its check", () => {
    const src = lines(
      "export class Tickets {",
      "  async show(ctx: Ctx) { await this.requireMember(ctx); return load(ctx.id) }",
      "  async close(ctx: Ctx) { await this.requireMember(ctx); return save(ctx.id, 'closed') }",
      "  async reopen(ctx: Ctx) { await this.requireMember(ctx); return save(ctx.id, 'open') }",
      "  async label(ctx: Ctx) { await this.requireMember(ctx); return save(ctx.id, ctx.body) }",
      "  async archive(ctx: Ctx) { return this.close(ctx) }",
      "  async reassign(ctx: Ctx) { return save(ctx.id, ctx.body) }",
      "}");
    expect(of([{ path: "src/tickets.ts", content: src }], /^unwired-auth$/)).toEqual(["ts-unguarded-peer@7"]);
  });
});

describe("ignored-parameter: an optional parameter no caller passes", () => {
  const lib = lines(
    "def rebuild_index(store, batch: int = 500, dry_run: bool = False):",
    "    for chunk in store.chunks(batch):",
    "        store.write(chunk)");
  test("is a lead when the repository calls the function and never with it", () => {
    const caller = lines("from lib import rebuild_index", "", "def main(store):", "    rebuild_index(store, 100)");
    expect(of([{ path: "app/lib.py", content: lib }, { path: "app/cli.py", content: caller }], /^ignored-parameter$/)).toEqual(["py-ignored-option-parameter@1 lead"]);
  });

  test("stays a claim when a caller passes it by keyword, by position or through a splat", () => {
    for (const call of ["rebuild_index(store, dry_run=True)", "rebuild_index(store, 100, True)", "rebuild_index(store, **opts)"]) {
      const caller = lines("from lib import rebuild_index", "", "def main(store):", "    opts = load_opts()", `    ${call}`);
      expect(of([{ path: "app/lib.py", content: lib }, { path: "app/cli.py", content: caller }], /^ignored-parameter$/)).toEqual(["py-ignored-option-parameter@1"]);
    }
  });

  test("stays a claim when nothing calls it, or when it is handed over as a value", () => {
    expect(of([{ path: "app/lib.py", content: lib }], /^ignored-parameter$/)).toEqual(["py-ignored-option-parameter@1"]);
    const registry = lines("from lib import rebuild_index", "", "def main(store):", "    rebuild_index(store)", "", "JOBS = [rebuild_index]");
    expect(of([{ path: "app/lib.py", content: lib }, { path: "app/jobs.py", content: registry }], /^ignored-parameter$/)).toEqual(["py-ignored-option-parameter@1"]);
  });

  test("a default that promises behaviour stays a claim though no caller passes it", () => {
    const fetcher = lines("def fetch_feed(url, timeout: float = 10.0, retries: int = 0):", "    for _ in range(retries + 1):", "        return http.get(url)");
    const caller = lines("from feed import fetch_feed", "", "def main():", "    fetch_feed('https://feeds.example.org/a')");
    expect(of([{ path: "app/feed.py", content: fetcher }, { path: "app/cli.py", content: caller }], /^ignored-parameter$/)).toEqual(["py-ignored-option-parameter@1"]);
  });

  test("a TypeScript method definition is not a call that passes it", () => {
    const ts = lines(
      "export class Exporter {",
      "  run(rows: Row[], gzip?: boolean): string {",
      "    return write(rows)",
      "  }",
      "}");
    const caller = lines("export function main(e: Exporter, rows: Row[]) {", "  return e.run(rows)", "}");
    expect(of([{ path: "src/exporter.ts", content: ts }, { path: "src/main.ts", content: caller }], /^ignored-parameter$/)).toEqual(["ts-ignored-option-parameter@2 lead"]);
  });
});

describe("hardcoded-secret: fallbacks and key material", () => {
  test("a lookup's fallback by position under a credential variable, a UUID token included", () => {
    const src = lines("export const mail = {", "  postmark: {", "    serverToken: env.get('POSTMARK_SERVER_TOKEN', '3f2c9a71-5be4-4d0e-9a6c-2d81f4b07e95'),", "  },", "}");
    expect(of([{ path: "config/mail.ts", content: src }], /^hardcoded-secret$/)).toEqual(["ts-hardcoded-secret@3"]);
    const plain = lines("export const mail = { stream: env.get('POSTMARK_TOKEN_STREAM', 'outbound') }");
    expect(of([{ path: "config/mail.ts", content: plain }], /^hardcoded-secret$/)).toEqual([]);
  });

  test("a vendor key handed to a call deep in a configuration object is what the call runs with", () => {
    const src = lines("export const config = {", "  aws: {", "    credentials: { accessKeyId: env('AWS_ACCESS_KEY_ID', 'AKIAQ3VHX7TPL2M9RW4E') },", "  },", "}");
    expect(of([{ path: "src/config.ts", content: src }], /^hardcoded-secret$/)).toEqual(["ts-vendor-credential@3"]);
    const sample = lines("export const docs = {", "  examples: [{", "    payload: { accessKeyId: 'AKIAQ3VHX7TPL2M9RW4E' },", "  }],", "}");
    expect(of([{ path: "src/docs.ts", content: sample }], /^hardcoded-secret$/)).toEqual([]);
  });

  test("Go: key bytes, a password in a nested struct literal, a MySQL DSN", () => {
    const keys = lines("package links", "", 'var signingKey = []byte("9d0c4e7a2b815f36c0a9e2d47b1f8c53")', 'var bucketKey = []byte("sessions")');
    expect(of([{ path: "internal/links/sign.go", content: keys }], /^hardcoded-secret$/)).toEqual(["go-hardcoded-secret@3"]);
    const cfg = lines("package main", "", "func defaults() Config {", "\treturn Config{", "\t\tSMTP: mail.Config{", '\t\t\tHost: "smtp.internal",', '\t\t\tPassword: "Vb7!qL2xRt9#Kw4m",', "\t\t},", "\t}", "}");
    expect(of([{ path: "cmd/server/main.go", content: cfg }], /^hardcoded-secret$/)).toEqual(["go-hardcoded-secret@7"]);
    const dsn = lines("package store", "", "func dsn() string {", '\treturn cfg.DefaultString("db_dsn", "orders:Tq8#mW3zLp5v@tcp(10.1.2.3:3306)/orders")', "}");
    expect(of([{ path: "internal/store/db.go", content: dsn }], /^hardcoded-secret$/)).toEqual(["go-vendor-credential@4"]);
  });

  test("Rust: a live-prefixed hex token", () => {
    const src = lines('const TOKEN_FALLBACK: &str = "acme_live_8c1f0a9e3d7b42c6a5e1f08b9d3c7e24";', 'const CACHE_NAME: &str = "thumb_cache_8c1f0a9e3d7b42c6a5e1f08b9d3c7e24";');
    expect(of([{ path: "src/upload.rs", content: src }], /^hardcoded-secret$/)).toEqual(["rs-vendor-credential@1"]);
  });
});

describe("stub and insecure-compare", () => {
  test("a registered view that prepares, then always raises NotImplementedError", () => {
    const src = lines(
      "@view_config(route_name='merge', request_method='POST')",
      "def merge_accounts(request):",
      "    acct = load_account(request)",
      "    ensure_access(request, acct, 'edit')",
      "    raise NotImplementedError('merging accounts')",
      "",
      "@view_config(route_name='refund', request_method='POST')",
      "def refund(request):",
      "    order = load_order(request)",
      "    if order.gateway == 'stripe':",
      "        return stripe_refund(order)",
      "    raise NotImplementedError(order.gateway)");
    expect(of([{ path: "shop/views.py", content: src }], /^stub$/)).toEqual(["py-not-implemented@5"]);
  });

  test("a bearer compared with == in a method of an auth-named type", () => {
    const src = lines(
      "impl<E: Endpoint> Endpoint for TokenAuth<E> {",
      "    type Output = E::Output;",
      "    async fn call(&self, req: Request) -> Result<Self::Output> {",
      "        match bearer(&req) {",
      "            Some(t) if t == &*self.token => self.inner.call(req).await,",
      "            _ => Err(Error::from_status(StatusCode::UNAUTHORIZED)),",
      "        }",
      "    }",
      "}",
      "impl Paginator {",
      "    fn next(&self, cursor: &str) -> bool { cursor == &*self.token }",
      "}");
    expect(of([{ path: "src/auth.rs", content: src }], /^insecure-compare$/)).toEqual(["rs-insecure-compare@5"]);
  });
});

describe("assertion-free-test: checks a test inherits or imports under another name", () => {
  const base = lines(
    "import unittest",
    "",
    "class ClientCase(unittest.TestCase):",
    "    def patch(self, path, data, status=200):",
    "        response = self.client.patch(path, json=data)",
    "        self.assertEqual(response.status_code, status)",
    "",
    "    def sign_in(self, who):",
    "        self.client.login(who)",
    "",
    "class DbClientCase(ClientCase):",
    "    pass",
    "",
    "class UiCase(unittest.TestCase):",
    "    def tearDown(self):",
    "        for entry in self.browser.console():",
    "            self.assertNotEqual(entry.level, 'SEVERE')");
  test("a helper method of a base's base in another test file, and an inherited tearDown, assert", () => {
    const tests = lines(
      "from tests.support import DbClientCase, UiCase",
      "",
      "class TestGrants(DbClientCase):",
      "    def test_viewer_cannot_grant(self):",
      "        self.sign_in('viewer')",
      "        self.patch('/grants/1', {'role': 'owner'}, 403)",
      "",
      "    def test_sign_in_only(self):",
      "        self.sign_in('viewer')",
      "",
      "class TestPages(UiCase):",
      "    def test_search_page_loads(self):",
      "        self.browser.open('/search')");
    expect(of([{ path: "tests/support.py", content: base }, { path: "tests/test_grants.py", content: tests }], /^assertion-free-test$/)).toEqual(["py-assertion-free-test@8"]);
  });

  test("node's assert bound under another name (`import {strict} from 'assert'`, a destructured require)", () => {
    const src = lines(
      "import { describe, it, mock } from 'node:test';",
      "import {strict} from 'node:assert';",
      "const {ok: truthy} = require('assert');",
      "",
      "describe('rotator', () => {",
      "  it('starts empty', () => { strict.deepEqual(rotator().keys, []); });",
      "  it('rotates', () => { truthy(rotator().rotate()); });",
      "  it('only runs', () => { rotator().rotate(); });",
      "  it('only mocks', () => { const f = mock.fn(); rotator(f).rotate(); });",
      "});");
    expect(of([{ path: "test/rotator.test.ts", content: src }], /^assertion-free-test$/)).toEqual(["ts-assertion-free-test@8", "ts-assertion-free-test@9"]);
  });
});

describe("ignored-parameter: a constant verifier overriding its base's check", () => {
  test("is a lead; a free verifier returning a constant stays a claim", () => {
    const base = lines("class BaseResource:", "    def check_read_permissions(self, options=None):", "        return permissions.check_manager(options)");
    const sub = lines(
      "from app.base import BaseResource",
      "",
      "class StudiosResource(BaseResource):",
      "    def check_read_permissions(self, options=None):",
      "        return True",
      "",
      "def verify_webhook(payload, signature):",
      "    return True");
    expect(of([{ path: "app/base.py", content: base }, { path: "app/studios.py", content: sub }], /^ignored-parameter$/)).toEqual(["py-constant-verifier@4 lead", "py-constant-verifier@7"]);
  });
});

describe("after fresh21 (its misses read): shapes it showed", () => {
  test("a route method without the scheme-naming mark (tsoa @Security(\"jwt\")) its siblings carry", () => {
    const src = lines(
      "@Route('orders')",
      "export class OrderController extends Controller {",
      "  @Get()",
      "  @Security('jwt', ['orders:read'])",
      "  public async list(): Promise<Order[]> { return this.svc.list() }",
      "  @Post()",
      "  @Security('jwt', ['orders:write'])",
      "  public async create(@Body() b: NewOrder): Promise<Order> { return this.svc.create(b) }",
      "  @Put('{id}')",
      "  @Security('jwt', ['orders:write'])",
      "  public async update(@Path() id: string, @Body() b: NewOrder): Promise<Order> { return this.svc.update(id, b) }",
      "  @Delete('{id}')",
      "  public async remove(@Path() id: string): Promise<void> { await this.svc.remove(id) }",
      "}");
    expect(of([{ path: "src/controllers/orders.ts", content: src }], /^unwired-auth$/)).toEqual(["ts-unguarded-sibling@12"]);
  });

  test("a tarpc service method skipping the token check its RPC peers make; an object-level check compares only peers that load the object", () => {
    const rpc = lines(
      "impl Billing for BillingServer {",
      "    async fn charge(self, _: Context, token: String, amount: u64) -> Result<Receipt, RpcError> {",
      "        self.auth.authorize(&token)?;",
      "        self.ledger.charge(amount).await",
      "    }",
      "    async fn refund(self, _: Context, token: String, id: u64) -> Result<Receipt, RpcError> {",
      "        self.auth.authorize(&token)?;",
      "        self.ledger.refund(id).await",
      "    }",
      "    async fn adjust(self, _: Context, token: String, id: u64) -> Result<Receipt, RpcError> {",
      "        self.auth.authorize(&token)?;",
      "        self.ledger.adjust(id).await",
      "    }",
      "    async fn void_receipt(self, _: Context, token: String, id: u64) -> Result<Receipt, RpcError> {",
      "        self.ledger.void(id).await",
      "    }",
      "}");
    expect(of([{ path: "src/server.rs", content: rpc }], /^unwired-auth$/)).toEqual(["rs-unguarded-peer@14"]);
    const views = lines(
      "def show_note(request):",
      "    note = load_note(request)",
      "    ensure_access(request, note, 'view')",
      "    return note.body",
      "",
      "def edit_note(request):",
      "    note = load_note(request)",
      "    ensure_access(request, note, 'edit')",
      "    note.body = request.json['body']",
      "",
      "def share_note(request):",
      "    note = load_note(request)",
      "    ensure_access(request, note, 'edit')",
      "    note.shared = True",
      "",
      "def pin_note(request):",
      "    note = load_note(request)",
      "    note.pinned = True",
      "",
      "def create_note(request):",
      "    return Note.create(body=request.json['body'])");
    expect(of([{ path: "notes/views.py", content: views }], /^unwired-auth$/)).toEqual(["py-unguarded-peer@16"]);
  });

  test("a dropped write: an awaited ORM insert, a model's create under a broad except, a repository call under a driver's error", () => {
    const rs = lines("pub async fn move_stock(txn: &DatabaseTransaction, m: movement::ActiveModel) -> Result<()> {", "    let _ = m.insert(txn).await;", "    let mut seen = HashMap::new();", "    let _ = seen.insert(1, 2);", "    Ok(())", "}");
    expect(of([{ path: "src/stock.rs", content: rs }], /^swallowed-error$/)).toEqual(["rs-discarded-result@2"]);
    const py = lines(
      "def record(ticket_id, kind):",
      "    try:",
      "        TicketEvent.create({'ticket_id': ticket_id, 'kind': kind})",
      "    except Exception:",
      "        pass",
      "",
      "async def settle(conn, payout_id, ref):",
      "    try:",
      "        await db.mark_settled(conn, payout_id, ref)",
      "    except psycopg.Error:",
      "        pass",
      "",
      "async def lookup(conn, payout_id):",
      "    try:",
      "        return await db.fetch_payout(conn, payout_id)",
      "    except psycopg.Error:",
      "        pass");
    expect(of([{ path: "payouts/tasks.py", content: py }], /^swallowed-error$/).filter((x) => !x.endsWith(" lead"))).toEqual(["py-broad-except-pass@4", "py-except-pass-on-write@10"]);
  });
});

describe("swallowed-error: a swallow in the user's browser that writes nothing", () => {
  const component = (body: string) => lines(
    "import { useState } from 'react';",
    "export function Board() {",
    "  const [items, setItems] = useState([]);",
    "  const onDrop = (e: DragEvent) => {",
    "    try {",
    body,
    "    } catch (e) {",
    "    }",
    "  };",
    "  return null;",
    "}");
  // Session 21: panels 26-31 upheld 4 of 107 such leads, so the browser swallow that writes nothing is no finding at all.
  test("a drag payload parsed in a component and dropped on failure is neither a claim nor a lead", () => {
    expect(of([{ path: "src/Board.tsx", content: component("      setItems(JSON.parse(e.dataTransfer!.getData('text')));") }], /^swallowed-error$/)).toEqual([]);
  });
  test("the same swallow in server code stays a claim", () => {
    const server = component("      setItems(JSON.parse(e.dataTransfer!.getData('text')));").replace("import { useState } from 'react';", "import { readFileSync } from 'fs';").replace("useState([])", "[[], (x: unknown) => x]");
    expect(of([{ path: "src/board.ts", content: server }], /^swallowed-error$/)).toEqual(["ts-empty-catch@7"]);
  });
  test("a browser write to the server dropped on failure stays a claim", () => {
    expect(of([{ path: "src/Board.tsx", content: component("      fetch('/api/items', { method: 'POST', body: e.dataTransfer!.getData('text') });") }], /^swallowed-error$/)).toEqual(["ts-empty-catch@7"]);
  });
});
