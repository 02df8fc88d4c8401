// Readings of the twenty-seventh session of issue 10 (docs/RULES.md, panel 37 and fresh39's misses): each test fails
// without its change, except those marked as guarding a reading's limit.
import { describe, expect, test } from "bun:test";
import { placeOfPath } from "../pipeline/rules/place";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("swallowed-error: drops that drop nothing, releases and caches", () => {
  test("Rust: a chain rustfmt broke over lines reaches its callee, which answers an Option", () => {
    const hook = { path: "src/hook.rs", content: lines(
      "pub struct Manager;",
      "impl Manager {",
      "    async fn exec(&self, t: u8) -> Option<Reply> { None }",
      "}",
      "impl Handler {",
      "    async fn session_subscribed(&self, t: u8) {",
      "        let _ = self",
      "            .manager",
      "            .exec(t)",
      "            .await;",
      "    }",
      "}") };
    expect(found([hook], /^swallowed-error$/)).toEqual([]);
  });
  test("Rust: the same chain over a callee answering a Result is still a finding (limit)", () => {
    const hook = { path: "src/hook.rs", content: lines(
      "impl Manager { async fn exec(&self, t: u8) -> Result<Reply, Error> { todo!() } }",
      "impl Handler {",
      "    async fn session_subscribed(&self, t: u8) {",
      "        let _ = self",
      "            .manager",
      "            .exec(t)",
      "            .await;",
      "    }",
      "}") };
    expect(found([hook], /^swallowed-error$/).length).toBe(1);
  });
  test("TypeScript: cancelling a fetch body or a reader it took is a release, not a lost failure", () => {
    const tools = { path: "app/lib/tools.server.ts", content: lines(
      "export async function headers(url: string) {",
      "  const response = await fetch(url, { method: 'HEAD' });",
      "  const h = Object.fromEntries(response.headers);",
      "  await response.body?.cancel().catch(() => {});",
      "  const reader = response.body!.getReader();",
      "  await reader.cancel().catch(() => {});",
      "  return h;",
      "}") };
    expect(found([tools], /^swallowed-error$/)).toEqual([]);
  });
  test("TypeScript: a cache entry written with an expiry under a cache key: a miss recomputes it", () => {
    const svc = { path: "src/admin/admin.service.ts", content: lines(
      "export async function payments() {",
      "  const result = await paddle.list();",
      "  await redis.set(REVENUE_CACHE_KEY, JSON.stringify(result), 'EX', 3600).catch(() => {});",
      "  return result;",
      "}") };
    expect(found([svc], /^swallowed-error$/)).toEqual([]);
  });
  test("TypeScript: the same swallow around a session write keeps its finding (limit)", () => {
    const svc = { path: "src/auth/session.service.ts", content: lines(
      "export async function keep(id: string, user: User) {",
      "  await redis.set(`session:${id}`, JSON.stringify(user), 'EX', 3600).catch(() => {});",
      "  return id;",
      "}") };
    expect(found([svc], /^swallowed-error$/).length).toBe(1);
  });
  test("Rust: writes under #[allow(unused_must_use)] are leads: the author switched the compiler's check off", () => {
    const api = { path: "src/device/api.rs", content: lines(
      "use std::io::{BufWriter, Write};",
      "use std::os::unix::net::UnixStream;",
      "#[allow(unused_must_use)]",
      "fn api_get(writer: &mut BufWriter<&UnixStream>, d: &Device) -> i32 {",
      '    writeln!(writer, "listen_port={}", d.listen_port);',
      "    0",
      "}") };
    expect(found([api], /^swallowed-error$/)).toEqual(["src/device/api.rs:rs-discarded-write@5 note"]);
  });
  test("Go: a send dropped and then recorded as done is a claim, not a lead", () => {
    const job = { path: "app/jobs/remind.go", content: lines(
      "package jobs",
      "func (r *SendReminder) Handle(appt *Appointment) error {",
      "\t_ = facades.Mail().",
      "\t\tTo([]string{appt.Email}).",
      "\t\tSend()",
      "\tappt.ReminderSent = true",
      "\treturn facades.Orm().Query().Save(appt)",
      "}") };
    expect(found([job], /^swallowed-error$/)).toEqual(["app/jobs/remind.go:go-discarded-error@3"]);
  });
  test("TypeScript: a function named for swallowing, and a probe of a command's output with a default", () => {
    const utils = { path: "src/utils/Utils.ts", content: lines(
      "export function deleteFileQuietly(path: string) {",
      "  return remove(path).catch(function (error) {})",
      "}",
      "function checkNpmVersion() {",
      "  let npmVersion = null;",
      "  try {",
      "    npmVersion = execSync('npm --version').toString().trim();",
      "  } catch (err) {",
      "    // ignore",
      "  }",
      "  return npmVersion;",
      "}") };
    expect(found([utils], /^swallowed-error$/)).toEqual([]);
  });
  test("TypeScript: the same swallow in a function not named for it is reported (limit)", () => {
    const utils = { path: "src/utils/Utils.ts", content: lines("export function deleteFile(path: string) {", "  return remove(path).catch(function (error) {})", "}") };
    expect(found([utils], /^swallowed-error$/).length).toBe(1);
  });
  test("Python: an interrupt caught to stop a loop is no swallowed write", () => {
    const runner = { path: "stator/runner.py", content: lines(
      "def run(self):",
      "    try:",
      "        while True:",
      "            self.store.save(self.tick())",
      "    except KeyboardInterrupt:",
      "        pass",
      "    self.executor.shutdown()") };
    expect(found([runner], /^swallowed-error$/)).toEqual([]);
  });
});

describe("prompt-injection: invisible padding", () => {
  test("an e-mail preheader's repeated zero-width filler hides nothing", () => {
    const filler = "\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff".repeat(20);
    const mail = { path: "src/emails/welcome.ts", content: lines("export const html = `", "  <div style=\"display:none\">", `    ${filler}`, "  </div>", "`;") };
    expect(found([mail], /^prompt-injection$/)).toEqual([]);
  });
  test("zero-width characters that vary (a hidden message in bits) are still reported (limit)", () => {
    const bits = "\u200b\u200c\u200c\u200b\u200b\u200b\u200c\u200b\u200c\u200c\u200b\u200c";
    const mail = { path: "src/emails/welcome.ts", content: lines("export const html = `", `  <p>Hello ${bits} there</p>`, "`;") };
    expect(found([mail], /^prompt-injection$/).length).toBeGreaterThan(0);
  });
});

describe("unwired-auth: marks that document, mark public, and peers guarded by a decorator", () => {
  const controller = (extra: string) => ({ path: "src/flags/flags.controller.ts", content: lines(
    "import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';",
    "@Controller('flags')",
    "export class FlagsController {",
    "  @ApiBearerAuth()", "  @Post('/a')", "  @Auth(true)", "  async createA(@Body() b: Dto) { return this.svc.create(b); }",
    "  @ApiBearerAuth()", "  @Post('/b')", "  @Auth(true)", "  async createB(@Body() b: Dto) { return this.svc.create(b); }",
    "  @ApiBearerAuth()", "  @Post('/c')", "  @Auth(true)", "  async createC(@Body() b: Dto) { return this.svc.create(b); }",
    extra,
    "}") });
  test("NestJS: @Public() declares the method open; a Swagger mark guards nothing", () => {
    const file = controller(lines("  @ApiBearerAuth()", "  @Post('sso/process-token')", "  @Public()", "  async processToken(@Body() b: Dto) { return this.svc.create(b); }"));
    expect(found([file], /^unwired-auth$/)).toEqual([]);
  });
  test("NestJS: a write with only the Swagger mark, beside guarded siblings, is reported (limit)", () => {
    const file = controller(lines("  @ApiBearerAuth()", "  @Post('/d')", "  async createD(@Body() b: Dto) { return this.svc.create(b); }"));
    expect(found([file], /^unwired-auth$/).length).toBe(1);
  });
  test("Starlette: a view without the @requires its peer views carry is reported; a publicly cached read is not", () => {
    const views = { path: "helpdesk/endpoints.py", content: lines(
      "from starlette.authentication import requires",
      "async def kb_articles(request):",
      "    rows = await Article.select().where(Article.published == True)",
      '    return JSONResponse(rows, headers={"cache-control": "public, max-age=120"})',
      '@requires("authenticated")',
      "async def list_tickets(request):",
      "    return JSONResponse(await Ticket.select())",
      '@requires("authenticated")',
      "async def create_ticket(request):",
      "    t = Ticket(**(await request.json()))",
      "    await t.save()",
      "    return JSONResponse({'id': t.id})",
      '@requires("authenticated")',
      "async def close(request):",
      "    t = await services.close(request.path_params['id'])",
      "    return JSONResponse({'id': t.id})",
      '@requires("authenticated")',
      "async def comment(request):",
      "    c = Comment(**(await request.json()))",
      "    await c.save()",
      "    return JSONResponse({'id': c.id})",
      "async def reassign_ticket(request):",
      "    data = await request.json()",
      "    t = await services.assign(request.path_params['id'], data['assignee'])",
      "    return JSONResponse({'id': t.id})") };
    expect(found([views], /^unwired-auth$/)).toEqual(["helpdesk/endpoints.py:py-unguarded-peer@22"]);
  });
  test("Rust: a dispatch arm checked by a closure the function binds is guarded; an arm answering a 'not implemented' helper acts on nothing", () => {
    const server = { path: "src/server.rs", content: lines(
      "fn unsupported(what: &str) -> Response { Response::Error { code: 501, message: format!(\"{what} not implemented\") } }",
      "impl Server {",
      "    async fn handle(&self, session: &Session, request: Request) -> Response {",
      "        let require_admin = || if session.is_admin() { None } else { Some(Response::forbidden()) };",
      "        let require_path = |path: &str| if session.may_access(path) { None } else { Some(Response::forbidden()) };",
      "        match request {",
      "            Request::Delete { path } => require_path(&path).unwrap_or_else(|| self.store.delete(&path).map(|_| Response::Ok).unwrap_or_else(store_error)),",
      "            Request::Stats => require_admin().unwrap_or_else(|| self.stats()),",
      "            Request::Revoke { name } => require_admin().unwrap_or_else(|| self.auth.revoke(&name)),",
      "            Request::Snapshot { .. } => unsupported(\"snapshots\"),",
      "            Request::Purge { prefix } => match self.store.purge(&prefix) { Ok(_) => Response::Ok, Err(e) => store_error(e) },",
      "        }",
      "    }",
      "}") };
    expect(found([server], /^unwired-auth$/)).toEqual(["src/server.rs:rs-unguarded-dispatch@11"]);
  });
});

describe("ignored-parameter: families, callbacks, scopes", () => {
  const parser = (name: string, read: string) => lines(`async def parse_${name}(opsdroid, skills, message):`, `    return [s for s in skills if ${read}]`);
  test("a parser of a family whose modules share one calling convention keeps its unused slot", () => {
    const files = [
      { path: "opsdroid/parsers/regex.py", content: parser("regex", "s.match(message.text)") },
      { path: "opsdroid/parsers/parseformat.py", content: parser("format", "s.fmt(message.text)") },
      { path: "opsdroid/parsers/always.py", content: parser("always", "opsdroid.ready and message") },
    ];
    expect(found(files, /^ignored-parameter$/)).toEqual([]);
  });
  test("a member of such a family that reads none of its parameters ignores its input: reported (limit)", () => {
    const files = [
      { path: "motioneye/utils/rtsp.py", content: lines("def test_rtsp_url(data):", "    return probe(data['host'])") },
      { path: "motioneye/utils/mjpeg.py", content: lines("def test_mjpeg_url(data):", "    return fetch(data['url'])") },
      { path: "motioneye/utils/rtmp.py", content: lines("def test_rtmp_url(data):", "    cameras = [{'id': 'tcp'}]", "    return cameras") },
    ];
    expect(found(files, /^ignored-parameter$/)).toEqual(["motioneye/utils/rtmp.py:py-ignored-option-parameter@1"]);
  });
  test("a policy the family's other members honour, dropped by one, is reported (limit)", () => {
    const strat = (n: string, body: string) => ({ path: `files/strategies/${n}.py`, content: lines(`def rank_${n}(media, request, limit):`, `    return ${body}`) });
    const files = [strat("recent", "media.order_by('-date')[:limit]"), strat("popular", "media.order_by('-views')[:limit]"), strat("featured", "media.filter(featured=True, owner=request.user)")];
    expect(found(files, /^ignored-parameter$/)).toEqual(["files/strategies/featured.py:py-ignored-option-parameter@1"]);
  });
  test("two such functions are no family: the unused parameter is reported (limit)", () => {
    const files = [
      { path: "opsdroid/parsers/regex.py", content: parser("regex", "s.match(message.text)") },
      { path: "opsdroid/parsers/parseformat.py", content: parser("format", "s.fmt(message.text)") },
    ];
    expect(found(files, /^ignored-parameter$/).length).toBe(2);
  });
  test("a function handed to a library as a keyword callback, even only in tests, has its signature imposed", () => {
    const helper = { path: "opsdroid/helper.py", content: lines("import os, stat", "def del_rw(action, name, exc):", "    os.chmod(name, stat.S_IWRITE)", "    os.remove(name)") };
    const t = { path: "tests/test_loader.py", content: lines("import shutil", "from opsdroid.helper import del_rw", "def test_x(tmp):", "    shutil.rmtree(tmp, onerror=del_rw)", "    assert True") };
    expect(found([helper, t], /^ignored-parameter$/)).toEqual([]);
  });
  test("Go: an entity's identifier a querying method never applies is a dropped scope", () => {
    const svc = { path: "app/services/export.go", content: lines(
      "package services",
      "func (s *ExportService) Patients(clinicID uint, since time.Time) ([]Patient, error) {",
      "\tvar out []Patient",
      '\terr := facades.Orm().Query().Where("created_at >= ?", since).Find(&out)',
      "\treturn out, err",
      "}") };
    expect(found([svc], /^ignored-parameter$/)).toEqual(["app/services/export.go:go-ignored-option-parameter@2"]);
  });
  test("TypeScript: the entity the method's own name is scoped by, in a class implementing a framework interface", () => {
    const lobby = { path: "src/lobby.ts", content: lines(
      "export default class Lobby implements Party.Server {",
      "  rooms = new Map<string, Room>();",
      "  roomsForOrg(orgId: string) { return [...this.rooms.values()].slice(0, 200); }",
      "  onRequest(req: Request) { return Response.json(this.roomsForOrg(req.url)); }",
      "}") };
    expect(found([lobby], /^ignored-parameter$/)).toEqual(["src/lobby.ts:ts-ignored-option-parameter@3"]);
  });
  test("a method acting for an entity (not answering its entities) keeps its imposed signature (limit)", () => {
    const mgr = { path: "services/sessions/manager.py", content: lines(
      "class SessionManager(LoggingConfigurable):",
      "    async def start_kernel_for_session(self, session_id, path, kernel_name):",
      "        return await self.kernel_manager.start_kernel(path=path, kernel_name=kernel_name)") };
    expect(found([mgr], /^ignored-parameter$/)).toEqual([]);
  });
  test("Python: a memoized query with a read `_engine` still reports the column it drops", () => {
    const db = { path: "opsdesk/db.py", content: lines(
      "import streamlit as st",
      "@st.cache_data(ttl=60)",
      "def find_customers(_engine, term: str, region: str):",
      '    query = text("SELECT id, name, region FROM customers WHERE name ILIKE :term")',
      "    with _engine.connect() as conn:",
      '        return pd.read_sql(query, conn, params={"term": term})') };
    expect(found([db], /^ignored-parameter$/)).toEqual(["opsdesk/db.py:py-ignored-option-parameter@3"]);
  });
  test("Go: a response type's field is written, not read, whatever binding tags it carries", () => {
    const model = { path: "model/collect_response.go", content: lines(
      "package model",
      "type CollectEvalDataResponse struct {",
      '\tIngestedContentCount int `json:"ingestedContentCount" form:"ingestedContentCount" query:"ingestedContentCount"`',
      '\tNote string `json:"note" query:"note"`',
      "}") };
    expect(found([model], /^ignored-parameter$/)).toEqual([]);
  });
});

describe("stub: null objects and hand-written routes", () => {
  test("Python: a function named for doing nothing is a null object", () => {
    const sentry = { path: "core/sentry.py", content: lines("def noop(*args, **kwargs):", "    pass", "set_context = noop") };
    expect(found([sentry], /^stub$/)).toEqual([]);
  });
});

describe("insecure-compare: values that are no secret, and secrets by how they are typed", () => {
  test("Python: two booleans, a digest of the request's own body", () => {
    const mw = { path: "api/middleware.py", content: lines(
      "def process_user_groups(cls, user, headers):",
      "    is_superuser = settings.HEADER_AUTH_ADMIN_GROUP_NAME in parse(headers)",
      "    if user.is_superuser != is_superuser:",
      "        user.is_superuser = is_superuser",
      "        user.save()",
      "def verify_request(cls, request, public_key):",
      "    expected_digest = HttpSignature.calculate_digest(request.body)",
      '    if request.headers["digest"] != expected_digest:',
      '        raise VerificationError("digest")') };
    expect(found([mw], /^insecure-compare$/)).toEqual([]);
  });
  test("TypeScript: a stand-in constant, a cache key, an enumerated property name, a value chosen from the other side", () => {
    const ts = { path: "src/captcha/captcha.controller.ts", content: lines(
      "export async function verify(pid: string, headers: Record<string, string>) {",
      "  if (pid === DUMMY_PIDS.ALWAYS_PASS) return true;",
      "  const cacheKey = JSON.stringify([config.serviceAccountKey]);",
      "  if (cached.cacheKey !== cacheKey) reset();",
      "  for (const prop in obj) { if (prop === secret) continue; }",
      "  const passwordFromQuery = url.searchParams.get('password') || '';",
      "  const passwordFromCookie = cookie(request, 'password');",
      "  const password = passwordFromQuery || passwordFromCookie;",
      "  if (password !== passwordFromCookie) setCookie(password);",
      "}") };
    expect(found([ts], /^insecure-compare$/)).toEqual([]);
  });
  test("Go: an authorization scheme's prefix and two settings a constructor checks agree", () => {
    const go = { path: "pkg/stash/redis.go", content: lines(
      "package stash",
      "func getRedisClientOptions(endpoint, password string) (*redis.Options, error) {",
      "\toptions, err := redis.ParseURL(endpoint)",
      '\tif options.Password != "" && password != "" && options.Password != password {',
      "\t\treturn nil, errPasswordsDoNotMatch",
      "\t}",
      "\treturn options, err",
      "}",
      "func APIKey(c echo.Context) string {",
      '\tapiKey := c.Request().Header.Get("Authorization")',
      "\tif strings.EqualFold(apiKey[:len(BearerPrefix)], BearerPrefix) {",
      "\t\treturn apiKey[len(BearerPrefix):]",
      "\t}",
      "\treturn apiKey",
      "}") };
    expect(found([go], /^insecure-compare$/)).toEqual([]);
  });
  test("Python: a code typed into a password field, compared at a script's top level, is a secret", () => {
    const page = { path: "pages/refunds.py", content: lines(
      "import streamlit as st",
      'code = st.text_input(', '    "Approval code", type="password"', ")",
      "if code != cfg.refund_override_code:",
      "    st.stop()") };
    expect(found([page], /^insecure-compare$/)).toEqual(["pages/refunds.py:py-insecure-compare@5"]);
  });
  test("Go: Goravel's header read with a default and its config facade are sources", () => {
    const hook = { path: "app/http/controllers/lab.go", content: lines(
      "package controllers",
      "func (r *Lab) Receive(ctx http.Context) http.Response {",
      '\texpected := facades.Config().GetString("services.lab.webhook_token")',
      '\tif ctx.Request().Header("X-Lab-Token", "") != expected {',
      "\t\treturn ctx.Response().Json(401, nil)",
      "\t}",
      "\treturn ctx.Response().Success().Json(nil)",
      "}") };
    expect(found([hook], /^insecure-compare$/)).toEqual(["app/http/controllers/lab.go:go-insecure-compare@4"]);
  });
});

describe("hardcoded-secret: fragments", () => {
  test("a key suffix with a separator at its end is a fragment, not a credential", () => {
    const a = { path: "src/user/Authenticator.ts", content: lines("const DOWNLOAD_TOKEN = '-download-token'", "export const k = (id: string) => id + DOWNLOAD_TOKEN;") };
    expect(found([a], /^hardcoded-secret$/)).toEqual([]);
  });
});

describe("assertion-free-test: testify suites, table assertion functions, raising counterparts", () => {
  const suite = (body: string) => ({ path: "pkg/filter/filter_test.go", content: lines(
    "package filter",
    "type FilterTests struct{ suite.Suite }",
    "func TestFilter(t *testing.T) { suite.Run(t, new(FilterTests)) }",
    "func (s *FilterTests) TestRule() {",
    body,
    "}",
    "func (s *FilterTests) check(f *Filter) { s.Equal(Include, f.Rule(\"a\")) }") });
  test("a suite method checking through an alias of its receiver's Require, or through a helper of the suite", () => {
    expect(found([suite(lines("\tr := s.Require()", "\tf, err := NewFilter(\"x\")", "\tr.NoError(err)"))], /^assertion-free-test$/)).toEqual([]);
    expect(found([suite("\ts.check(NewFilter(\"x\"))")], /^assertion-free-test$/)).toEqual([]);
  });
  test("a suite method that only logs is reported", () => {
    expect(found([suite("\tlog.Debug(\"x\")")], /^assertion-free-test$/)).toEqual(["pkg/filter/filter_test.go:go-assertion-free-test@4"]);
  });
  test("Go: a table's testify assertion functions called with t", () => {
    const t = { path: "mw/auth_test.go", content: lines(
      "package mw",
      "func TestAuthorizer(t *testing.T) {",
      "\ttests := []struct {", "\t\tkey     string", "\t\twantErr assert.ErrorAssertionFunc", "\t}{{\"k\", assert.NoError}}",
      "\tfor _, tt := range tests {",
      "\t\trec := httptest.NewRecorder()",
      "\t\tc := e.NewContext(req(tt.key), rec)",
      "\t\ttt.wantErr(t, handler(c))",
      "\t}",
      "}") };
    expect(found([t], /^assertion-free-test$/)).toEqual([]);
  });
  test("Go: a test that names its testing.T `_` is a smoke note; one that prints is still reported (limit)", () => {
    const wasm = { path: "cmd/wasm/main_test.go", content: lines("package main", "func Test_main(_ *testing.T) {", "\tmain()", "}") };
    expect(found([wasm], /^assertion-free-test$/)).toEqual(["cmd/wasm/main_test.go:go-assertion-free-test@2 note"]);
    const printed = { path: "cmd/env/env_test.go", content: lines("package env", "func TestPrint(_ *testing.T) {", "\tfmt.Println(Config())", "}") };
    expect(found([printed], /^assertion-free-test$/).length).toBe(1);
  });
  test("Python: the passing counterpart of a test expecting the same act to raise is a smoke note", () => {
    const t = { path: "labels/tests/test_span.py", content: lines(
      "class TestSpan(TestCase):",
      "    def test_overlap_rejected(self):",
      "        with self.assertRaises(ValidationError):",
      '            mommy.make("Span", start_offset=0, end_offset=0)',
      "    def test_adjacent_accepted(self):",
      '        mommy.make("Span", start_offset=5, end_offset=10)',
      '        mommy.make("Span", start_offset=0, end_offset=5)') };
    expect(found([t], /^assertion-free-test$/)).toEqual(["labels/tests/test_span.py:py-assertion-free-test@5 note"]);
  });
  test("Python: a row looked up with .objects.get at the end raises when it is missing: a smoke note", () => {
    const t = { path: "tests/test_consequences.py", content: lines(
      "def test_request_hours(client, volunteer):",
      '    client.post("/hours", {"hours": 42})',
      "    Consequence.objects.get(user=volunteer, data__hours=42)") };
    expect(found([t], /^assertion-free-test$/)).toEqual(["tests/test_consequences.py:py-assertion-free-test@1 note"]);
  });
  test("Python: a verifier that raises through try/except and a further check is a check the test leans on", () => {
    const sig = { path: "core/signatures.py", content: lines(
      "class HttpSignature:",
      "    @classmethod",
      "    def verify_request(cls, request, public_key):",
      '        if "signature" not in request.headers:',
      '            raise VerificationError("none")',
      "        details = cls.parse(request.headers)",
      "        cls.verify_signature(details, public_key)",
      "    @classmethod",
      "    def verify_signature(cls, details, public_key):",
      "        try:",
      "            public_key.verify(details.sig, details.data)",
      "        except InvalidSignature:",
      '            raise VerificationError("mismatch")') };
    const t = { path: "tests/test_actor.py", content: lines(
      "from core.signatures import HttpSignature",
      "def test_signed(actor):",
      "    req = actor.sign(fake())",
      "    HttpSignature.verify_request(req, actor.public_key)") };
    expect(found([sig, t], /^assertion-free-test$/)).toEqual(["tests/test_actor.py:py-assertion-free-test@2 note"]);
  });
});

describe("place: test doubles", () => {
  test("mocks/ and mockmodules/ hold test code; Storybook's own mocks stay its workshop; testing/ is left shipped", () => {
    expect(placeOfPath("opsdroid/database/mockmodules/mongo/mongo_database.py")).toBe("test");
    expect(placeOfPath("opsdroid/testing/mockmodules/skills/skill.py")).toBe("test");
    expect(placeOfPath("reviewboard/testing/testcase.py")).toBe("shipped");
    expect(placeOfPath("internal/mocks/store.go")).toBe("test");
    expect(placeOfPath(".storybook/mocks/TorrentActions.ts")).toBe("example");
    expect(placeOfPath("src/testingtools/run.ts")).toBe("shipped");
  });
});

describe("the second labelling of the session's new findings (helpers 257, 258)", () => {
  test("Python: a guard decorator stacked with another still guards its view; @require_AJAX is a transport filter", () => {
    const views = { path: "secrets/service.py", content: lines(
      "class SecretsService:",
      '    @require_scope("secret:read")', "    async def get_secret(self, name):", "        return await self.store.get(name)",
      '    @require_scope("secret:read")', "    async def list_secrets(self):", "        return await self.store.all()",
      '    @require_scope("secret:write")', "    async def rotate(self, name):", "        await self.store.rotate(name)",
      '    @require_scope("secret:write")', "    @audit_log(resource_type=\"secret\")", "    async def create_secret(self, params):", "        await self.store.put(params)",
      "    @require_AJAX", "    async def delete_secret(self, name):", "        await self.store.delete(name)") };
    expect(found([views], /^unwired-auth$/)).toEqual(["secrets/service.py:py-unguarded-peer@15"]);
  });
  test("Go: a suite handing its T to a helper, and testify mocks' own checks, assert", () => {
    const t = { path: "pkg/cloudwatch/cloudwatch_test.go", content: lines(
      "package cloudwatch",
      "type CWSuite struct{ suite.Suite }",
      "func TestCW(t *testing.T) { suite.Run(t, new(CWSuite)) }",
      "func (s *CWSuite) TestBadConfig() {",
      '\terr := Configure("x")',
      '\tcstest.RequireErrorContains(s.T(), err, "bad")',
      "}",
      "func (s *CWSuite) TestSaves() {",
      '\trepo := &mockRepo{}',
      '\tNewService(repo).Save(1)',
      '\trepo.AssertCalled(s.T(), "Save", 1)',
      "}") };
    expect(found([t], /^assertion-free-test$/)).toEqual([]);
  });
  test("Python: a parameter its docstring says only keys a cache is documented", () => {
    const svc = { path: "appservice/service.py", content: lines(
      "@cached(num_args=1)",
      "async def is_interested_in_event(event_id, event, store):",
      '    """Check the event.',
      "",
      "    Args:",
      "        event_id: purely used for simplifying the caching of calls to this method.",
      '    """',
      "    return await store.matches(event.sender)") };
    expect(found([svc], /^ignored-parameter$/)).toEqual([]);
  });
});
