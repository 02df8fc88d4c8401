// Readings of the twenty-sixth session of issue 10 (docs/RULES.md, panel 36): each test fails without its change,
// except those marked as guarding a reading's limit.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { WalkConfig } from "../pipeline/core/config";
import { uncompiledRustFiles } from "../pipeline/walk/uncompiled-rust";
import { walkRepo } from "../pipeline/walk/walk-repo";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("unwired-auth: echo's handler-first order and handler factories", () => {
  const echoImport = 'import (\n\t"net/http"\n\n\t"github.com/labstack/echo/v4"\n)';
  test("echo: a handler that authenticates its caller, first among a route's arguments, is the route, not its guard", () => {
    const oidc = { path: "web/oidc/oidc.go", content: lines(
      "package oidc",
      echoImport,
      "func Routes(router *echo.Group) {",
      '\trouter.GET("/start", Start, middlewares.NeedInstance)',
      '\trouter.POST("/bitwarden/:context", BitwardenExchange, middlewares.NeedInstance)',
      '\trouter.POST("/twofactor", TwoFactor, middlewares.NeedInstance)',
      '\trouter.POST("/access_token", AccessToken, middlewares.NeedInstance)',
      "}",
      "func BitwardenExchange(c echo.Context) error {",
      '\tif c.FormValue("code") != expected(c) {',
      "\t\treturn echo.NewHTTPError(http.StatusUnauthorized)",
      "\t}",
      "\treturn c.JSON(http.StatusOK, issue(c))",
      "}",
      "func TwoFactor(c echo.Context) error { return c.JSON(http.StatusOK, confirm(c)) }") };
    expect(found([oidc], /^unwired-auth$/)).toEqual([]);
  });
  test("echo: a route without the guard middleware its siblings hand after their handlers is still reported (limit)", () => {
    const sharing = { path: "web/sharings/routes.go", content: lines(
      "package sharings",
      echoImport,
      "func Routes(router *echo.Group) {",
      '\trouter.POST("/:id/readonly", AddReadOnly, checkSharingWritePermissions)',
      '\trouter.DELETE("/:id/readonly", RemoveReadOnly, checkSharingWritePermissions)',
      '\trouter.POST("/:id/recipients", AddRecipients)',
      "}",
      "func checkSharingWritePermissions(next echo.HandlerFunc) echo.HandlerFunc {",
      "\treturn func(c echo.Context) error {",
      '\t\tif !allowed(c) { return echo.NewHTTPError(http.StatusForbidden) }',
      "\t\treturn next(c)",
      "\t}",
      "}") };
    expect(found([sharing], /^unwired-auth$/)).toEqual(["web/sharings/routes.go:go-unguarded-route@10"]);
  });
  test("Go: a factory of handlers (`installHandler(appType) echo.HandlerFunc`) with its own check is no guard of other routes", () => {
    const apps = { path: "web/apps/apps.go", content: lines(
      "package apps",
      echoImport,
      "func iconHandler(appType string) echo.HandlerFunc {",
      "\treturn func(c echo.Context) error {",
      "\t\tif !middlewares.IsLoggedIn(c) {",
      '\t\t\tif err := middlewares.Allow(c, "GET", appType); err != nil { return echo.NewHTTPError(http.StatusUnauthorized, err.Error()) }',
      "\t\t}",
      "\t\treturn serveIcon(c, appType)",
      "\t}",
      "}",
      "func installHandler(appType string) echo.HandlerFunc {",
      "\treturn func(c echo.Context) error { return install(c, appType) }",
      "}",
      "func Routes(router *echo.Group) {",
      '\trouter.GET("/:slug/icon", iconHandler("webapp"))',
      '\trouter.POST("/:slug", installHandler("webapp"))',
      "}") };
    expect(found([apps], /^unwired-auth$/)).toEqual([]);
  });
  test("gin: a factory whose product stops or continues the chain is middleware (limit)", () => {
    const gin = { path: "api/router.go", content: lines(
      "package api",
      'import "github.com/gin-gonic/gin"',
      "func AuthRequired(tokens map[string]bool) gin.HandlerFunc {",
      "\treturn func(c *gin.Context) {",
      '\t\tif !tokens[c.GetHeader("X-Token")] {',
      "\t\t\tc.AbortWithStatus(401)",
      "\t\t\treturn",
      "\t\t}",
      "\t\tc.Next()",
      "\t}",
      "}",
      "func Register(r *gin.Engine, tokens map[string]bool) {",
      '\tr.POST("/items", AuthRequired(tokens), createItem)',
      '\tr.PUT("/items/:id", AuthRequired(tokens), updateItem)',
      '\tr.DELETE("/items/:id", deleteItem)',
      "}") };
    expect(found([gin], /^unwired-auth$/)).toEqual(["api/router.go:go-unguarded-route@15"]);
  });
});

describe("unwired-auth: a path's parameters name no audience", () => {
  const routes = (carrierPaths: string[]) => ({ path: "web/sharings/sharings.go", content: lines(
    "package sharings",
    'import "github.com/gin-gonic/gin"',
    "func Routes(router *gin.RouterGroup) {",
    ...Array.from({ length: 9 }, (_, i) => `\trouter.POST("/:sharing-id/op${i}", Op${i})`),
    ...carrierPaths.map((p, i) => `\trouter.POST("${p}", checkSharingWritePermissions, Guarded${i})`),
    "}") });
  test("carriers sharing only a leading `:id` are the exception among the router's writes: no finding", () => {
    expect(found([routes(["/:sharing-id/recipients/delegated", "/:sharing-id/members/:index/invitation"])], /^unwired-auth$/)).toEqual([]);
  });
  test("carriers whose first literal segment is one audience still speak for that audience's routes (limit)", () => {
    expect(found([routes(["/:sharing-id/op0/delegated", "/:sharing-id/op0/invitation"])], /^unwired-auth$/)).toEqual(["web/sharings/sharings.go:go-unguarded-route@4"]);
  });
});

describe("unwired-auth: FastAPI dependencies named as checks, and leading calls that act on the subject", () => {
  const assets = (param: string) => ({ path: "lnbits/core/views/asset_api.py", content: lines(
    "from fastapi import APIRouter, Depends",
    "from lnbits.decorators import check_account_id_exists, check_user_exists",
    "asset_router = APIRouter(prefix='/api/v1/assets')",
    "",
    "@asset_router.get('/{asset_id}')",
    "async def api_get_asset(asset_id: str, user: User = Depends(check_user_exists)):",
    "    return await get_user_asset_info(user.id, asset_id)",
    "",
    "@asset_router.put('/{asset_id}')",
    `async def api_update_asset(asset_id: str, data: AssetUpdate${param}):`,
    "    asset_info = await get_user_asset_info(account_id.id, asset_id)",
    "    await update_user_asset_info(asset_info, data)",
    "    return asset_info",
    "",
    "@asset_router.post('')",
    "async def api_upload_asset(file: UploadFile, account_id: AccountId = Depends(check_account_id_exists)):",
    "    asset = await create_user_asset(account_id.id, file)",
    "    return asset",
    "",
    "@asset_router.delete('/{asset_id}')",
    "async def api_delete_asset(asset_id: str, account_id: AccountId = Depends(check_account_id_exists)):",
    "    asset = await get_user_asset(account_id.id, asset_id)",
    "    await delete_user_asset(account_id.id, asset_id)",
    "")});
  test("`account_id: AccountId = Depends(check_account_id_exists)` guards the view; no leading `create_user_asset` is a guard", () => {
    expect(found([assets(", account_id: AccountId = Depends(check_account_id_exists)")], /^unwired-auth$/)).toEqual([]);
  });
  test("a write with no dependency at all beside them is still reported (limit)", () => {
    expect(found([assets("")], /^unwired-auth$/)).toEqual(["lnbits/core/views/asset_api.py:py-unguarded-route@9"]);
  });
});

describe("unwired-auth: a schema migration is no guard", () => {
  test("a TypeORM migration class named for the authenticators table it adds: no finding; a guard class is still one (limit)", () => {
    const migration = { path: "packages/auth/migrations/1672223738686-add_authenticators.ts", content: lines(
      'import { MigrationInterface, QueryRunner } from "typeorm"',
      "export class addAuthenticators1672223738686 implements MigrationInterface {",
      "  public async up(queryRunner: QueryRunner): Promise<void> {",
      '    await queryRunner.query("CREATE TABLE authenticators (uuid varchar(36) NOT NULL)")',
      "  }",
      "  public async down(queryRunner: QueryRunner): Promise<void> {",
      '    await queryRunner.query("DROP TABLE authenticators")',
      "  }",
      "}") };
    expect(found([migration], /^unwired-auth$/)).toEqual([]);
    const guard = { path: "packages/auth/src/guards.ts", content: lines(
      "export class RequireAdminGuard {",
      "  canActivate(ctx: Ctx): boolean {",
      '    if (ctx.user.role !== "admin") throw new ForbiddenError()',
      "    return true",
      "  }",
      "}") };
    expect(found([guard], /^unwired-auth$/).length).toBe(1);
  });
});

describe("swallowed-error: a batch staged and committed by a checked call", () => {
  const wal = (commit: string) => ({ path: "pkg/core/index_shards_wal.go", content: lines(
    "package core",
    "func (w *walMergeDocs) WriteToShard(writer *bluge.Writer, docs []Doc) error {",
    "\tbatch := index.NewBatch()",
    "\tfor _, doc := range docs {",
    "\t\tif doc.Deleted {",
    "\t\t\tbatch.Delete(doc.ID())",
    "\t\t} else {",
    "\t\t\tbatch.Update(doc.ID(), doc)",
    "\t\t}",
    "\t}",
    commit,
    "\treturn nil",
    "}") });
  test("Go: `batch.Update(..)` staged, then `if err := writer.Batch(batch); err != nil`: no finding", () => {
    expect(found([wal("\tif err := writer.Batch(batch); err != nil {\n\t\treturn err\n\t}")], /^swallowed-error$/)).toEqual([]);
  });
  test("...handed on with its error dropped, the staging stays reported (limit)", () => {
    expect(found([wal("\twriter.Batch(batch)")], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
});

describe("assertion-free-test: subjects an assertions module makes", () => {
  const cdk = (body: string) => ({ path: "deploy/cdk/test/cdk.test.ts", content: lines(
    'import * as cdk from "aws-cdk-lib";',
    'import { Template, Match } from "aws-cdk-lib/assertions";',
    'import * as Cdk from "../lib/cdk-stack";',
    "let template: Template;",
    "beforeAll(() => {",
    '  template = Template.fromStack(new Cdk.CdkStack(new cdk.App(), "TestStack"));',
    "});",
    'test("creates the table", () => {',
    body,
    "});") });
  test("`template.hasResourceProperties(..)` on a Template made from the stack asserts", () => {
    expect(found([cdk('  template.hasResourceProperties("AWS::DynamoDB::Table", { TableName: "yopass" });')], /^assertion-free-test$/)).toEqual([]);
  });
  test("`Annotations.fromStack(stack).hasError(..)` asserts; a lookup (`findResources`) alone does not (limit)", () => {
    expect(found([cdk('  Template.fromStack(stack).hasOutput("Domain", {});')], /^assertion-free-test$/)).toEqual([]);
    expect(found([cdk('  const tables = template.findResources("AWS::DynamoDB::Table");\n  console.log(tables);')], /^assertion-free-test$/).length).toBe(1);
  });
});

describe("walk: Rust files no crate compiles", () => {
  const crate = (extra: Record<string, string>): File[] => [
    { path: "rumqttd/Cargo.toml", content: '[package]\nname = "rumqttd"\n' },
    { path: "rumqttd/src/lib.rs", content: "mod router;\npub mod server;\n// mod replicator;\n" },
    { path: "rumqttd/src/router/mod.rs", content: "mod routing;\n" },
    { path: "rumqttd/src/router/routing.rs", content: "pub fn route() {}\n" },
    { path: "rumqttd/src/server.rs", content: '#[cfg(test)]\nmod tests;\n#[path = "tls_impl.rs"]\nmod tls;\n' },
    { path: "rumqttd/src/server/tests.rs", content: "#[test] fn t() {}\n" },
    { path: "rumqttd/src/tls_impl.rs", content: "pub fn tls() {}\n" },
    { path: "rumqttd/src/bin/broker.rs", content: "fn main() {}\n" },
    ...Object.entries(extra).map(([path, content]) => ({ path, content })),
  ];
  const manifests = (files: File[]) => files.filter((f) => f.path.endsWith("Cargo.toml"));
  test("a module left out of lib.rs is uncompiled, with the sub-modules it declares", () => {
    const files = crate({ "rumqttd/src/replicator/mod.rs": "mod remote;\n", "rumqttd/src/replicator/remote.rs": "pub fn go() { unimplemented!() }\n" });
    const dead = uncompiledRustFiles(files.filter((f) => f.path.endsWith(".rs")), manifests(files)).map((u) => u.path);
    expect(dead).toEqual(["rumqttd/src/replicator/mod.rs", "rumqttd/src/replicator/remote.rs"]);
  });
  test("every declared file (mod.rs, a file beside its parent, #[path], a bin) is compiled; without a Cargo.toml nothing is judged (limit)", () => {
    const files = crate({});
    expect(uncompiledRustFiles(files.filter((f) => f.path.endsWith(".rs")), manifests(files))).toEqual([]);
    expect(uncompiledRustFiles([{ path: "loose/handler.rs", content: "fn h() {}\n" }], [])).toEqual([]);
  });
  test("the walk skips them as `uncompiled`", async () => {
    const root = mkdtempSync(join(tmpdir(), "scrum-uncompiled-"));
    for (const f of crate({ "rumqttd/src/replicator/mod.rs": "pub fn x() {}\n" })) {
      mkdirSync(join(root, dirname(f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.content);
    }
    const walk = await walkRepo(root, root, { policy: WalkConfig.parse({}) });
    expect(walk.skipped.filter((s) => s.reason === "uncompiled").map((s) => s.path)).toEqual(["rumqttd/src/replicator/mod.rs"]);
    expect(walk.files.some((f) => f.path === "rumqttd/src/router/routing.rs")).toBe(true);
  });
});

describe("ignored-parameter: signatures kept on purpose", () => {
  test("Python: a function that only warns it was removed keeps its parameters for old callers; one that drops a live option is reported (limit)", () => {
    const api = (body: string) => ({ path: "cms/api.py", content: lines(
      "import warnings",
      "",
      "def publish_page(page, user, language):",
      '    """Publishing pages has been removed from django CMS core in version 4 onward."""',
      body,
      "") });
    expect(found([api('    warnings.warn("This API function has been removed. Use djangocms-versioning.", UserWarning, stacklevel=2)')], /^ignored-parameter$/)).toEqual([]);
    expect(found([api("    return Publisher(page).run(user)")], /^ignored-parameter$/)).toEqual(["cms/api.py:py-ignored-option-parameter@3"]);
  });
  test("Rust: a request field named with a leading `_` is declared unused", () => {
    const statik = (field: string) => ({ path: "dim-web/src/routes/statik.rs", content: lines(
      "use axum::extract::Query;",
      "use serde::Deserialize;",
      "#[derive(Deserialize)]",
      "pub struct ImageParams {",
      `    ${field}: Option<u32>,`,
      "    attach_accents: bool,",
      "}",
      "pub async fn get_image(Query(params): Query<ImageParams>) -> String {",
      "    format!(\"{}\", params.attach_accents)",
      "}") });
    expect(found([statik("_w")], /^ignored-parameter$/)).toEqual([]);
    expect(found([statik("w")], /^ignored-parameter$/)).toEqual(["dim-web/src/routes/statik.rs:rs-unread-option-field@5"]);
  });
});

describe("unwired-auth: a dispatch over the caller's standing", () => {
  test("Rust: `match auth` whose named cases refuse (InvalidAPIKey, None) admits the others: no finding", () => {
    const del = (refusal: string) => ({ path: "backend/src/services/delete.rs", content: lines(
      "pub async fn delete_link(shortlink: web::Path<String>, auth: Auth, data: web::Data<AppState>) -> HttpResponse {",
      "    match auth {",
      "        Auth::ValidAPIKey => match utils::delete_link_helper(&shortlink, &data.writer) {",
      "            Ok(()) => HttpResponse::Ok().finish(),",
      "            Err(_) => HttpResponse::NotFound().finish(),",
      "        },",
      `        Auth::InvalidAPIKey { result } => ${refusal},`,
      "        Auth::ValidSession => {",
      "            utils::delete_link_helper(&shortlink, &data.writer).ok();",
      "            HttpResponse::Ok().finish()",
      "        }",
      '        Auth::None { result: _ } => HttpResponse::Unauthorized().body("Not logged in!"),',
      "    }",
      "}") });
    expect(found([del("HttpResponse::Unauthorized().json(result)")], /^unwired-auth$/)).toEqual([]);
  });
  test("a command dispatch whose checked arm acts is still held to its check (limit)", () => {
    const cmd = { path: "src/admin.rs", content: lines(
      "pub fn run(cmd: Command, ctx: &Ctx) -> Result<(), Error> {",
      "    match cmd {",
      "        Command::Grant(user) => { require_admin(ctx)?; grant(user) }",
      "        Command::Purge(user) => purge_user(user),",
      "        Command::Show(user) => show(user),",
      "    }",
      "}") };
    expect(found([cmd], /^unwired-auth$/)).toEqual(["src/admin.rs:rs-unguarded-dispatch@4"]);
  });
});

describe("hardcoded-secret: names of settings, classes and modes", () => {
  test("a dotted path or `authorization_code+secret` under a secret's name is no credential; a generated value is (limit)", () => {
    const cli = (value: string) => ({ path: "src/cli/cli.ts", content: lines(
      "export class Cli {",
      "  static envVariables = {",
      `    DEFAULT_APP_SECRET: '${value}',`,
      "  };",
      "}") });
    expect(found([cli("appManager.array.apps.0.secret")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([cli("cookbook.forms.CustomPasswordResetForm")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([cli("authorization_code+secret")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([cli("Zx8Kq2Lw9Pf4Rt7Yb3Nm")], /^hardcoded-secret$/).length).toBe(1);
  });
});

describe("swallowed-error: ensure-exists and a failure already on record", () => {
  test("TS: a try that only creates directories, its catch empty, is the ensure-exists idiom", () => {
    const seed = (body: string) => ({ path: "prisma/seed.ts", content: lines(
      'import fs from "fs/promises";',
      "async function main() {",
      "  try {",
      body,
      "  } catch (error) { }",
      "  await prisma.accounts.findFirst();",
      "}") });
    expect(found([seed('    await Promise.all([fs.mkdir(".blinko/files"), fs.mkdir(".blinko/vector")])')], /^swallowed-error$/)).toEqual([]);
    expect(found([seed('    await fs.writeFile(".blinko/seeded", "1")')], /^swallowed-error$/).length).toBe(1);
  });
  const settings = (logs: boolean) => ({ path: "model/bitwarden/settings/settings.go", content: lines(
    "package settings",
    "func UpdateRevisionDate(inst *instance.Instance, s *Settings) error {",
    "\terr := s.Save(inst)",
    "\tif err != nil {",
    logs ? '\t\tinst.Logger().WithNamespace("bitwarden").\n\t\t\tInfof("Cannot update revision date: %s", err)' : "\t\terr = fmt.Errorf(\"revision: %w\", err)",
    "\t}",
    "\treturn err",
    "}") });
  const ciphers = { path: "web/bitwarden/ciphers.go", content: lines(
    "package bitwarden",
    "func DeleteCipher(c echo.Context) error {",
    "\tinst := middlewares.GetInstance(c)",
    "\tif err := couchdb.DeleteDoc(inst, cipher); err != nil {",
    "\t\treturn err",
    "\t}",
    "\t_ = settings.UpdateRevisionDate(inst, nil)",
    "\treturn c.NoContent(http.StatusNoContent)",
    "}") };
  test("Go: dropping the answer of a function that logs its own failure first is a lead, not a claim", () => {
    expect(found([settings(true), ciphers], /^swallowed-error$/)).toEqual(["web/bitwarden/ciphers.go:go-discarded-error@7 note"]);
  });
  test("...one that answers its failure unlogged stays a claim (limit)", () => {
    expect(found([settings(false), ciphers], /^swallowed-error$/)).toEqual(["web/bitwarden/ciphers.go:go-discarded-error@7"]);
  });
});

describe("fresh38's readings: tests that check by other means, and those that throw their act away", () => {
  test("TS: a test that throws on the outcome it rules out asserts (soketi's health check)", () => {
    const spec = (onFail: string) => ({ path: "tests/http-api.test.ts", content: lines(
      "test('health checks', done => {",
      "  axios.get('http://127.0.0.1:6001').then(res => {",
      "    done();",
      `  }).catch(() => { ${onFail} });`,
      "});") });
    expect(found([spec("throw new Error('Healthchecks failed');")], /^assertion-free-test$/)).toEqual([]);
    expect(found([spec("console.log('failed');")], /^assertion-free-test$/).length).toBe(1);
  });
  test("Python: an HTTP mock that fails when the expected request was not made asserts", () => {
    const t = (kw: string) => ({ path: "tests/test_booking.py", content: lines(
      "import responses",
      "def test_change_dates_posts_new_dates(dispatcher):",
      `    with responses.RequestsMock(${kw}) as rsps:`,
      "        rsps.post('https://api/bookings/1/dates', json={})",
      "        ActionChangeDates().run(dispatcher, tracker, {})",
      "") });
    expect(found([t("assert_all_requests_are_fired=True")], /^assertion-free-test$/)).toEqual([]);
    expect(found([t("")], /^assertion-free-test$/).length).toBe(1);
  });
  test("Go: a test whose last act discards both results has no check, whatever its setup helpers fail on", () => {
    const t = (last: string) => ({ path: "backend_test.go", content: lines(
      "package meshboard",
      "func mustWrite(t *testing.T, b *backend, s logical.Storage, path string, data map[string]interface{}) {",
      "\tt.Helper()",
      "\tif _, err := b.HandleRequest(context.Background(), &logical.Request{Operation: logical.UpdateOperation, Path: path, Data: data, Storage: s}); err != nil {",
      "\t\tt.Fatal(err)",
      "\t}",
      "}",
      "func TestRotateRoot(t *testing.T) {",
      "\tb, s := getTestBackend(t)",
      '\tmustWrite(t, b, s, "config", map[string]interface{}{"url": "http://x"})',
      last,
      "}") });
    expect(found([t('\t_, _ = b.HandleRequest(context.Background(), &logical.Request{Path: "config/rotate-root", Storage: s})')], /^assertion-free-test$/)).toEqual(["backend_test.go:go-assertion-free-test@8"]);
    expect(found([t('\tresp, err := b.HandleRequest(context.Background(), &logical.Request{Path: "config/rotate-root", Storage: s})\n\tif err != nil || resp.IsError() {\n\t\tt.Fatal(err)\n\t}')], /^assertion-free-test$/)).toEqual([]);
  });
});

describe("fresh38's readings: credentials by where they come from", () => {
  test("Python: a key a party holds (`settings.machine_client_key()`) and an OTP kept under its name in a store", () => {
    const py = { path: "src/authorizer/handler.py", content: lines(
      "def handler(event, context):",
      "    presented = event.authorization_token[7:]",
      "    if presented == settings.machine_client_key():",
      "        return allow()",
      "    return deny()",
      "",
      "def validate_otp_code(self, slot_value, dispatcher, tracker, domain):",
      '    expected = tracker.get_slot("otp_expected")',
      '    code = str(slot_value).strip()',
      "    if expected and code == expected:",
      '        return {"otp_code": "ok"}',
      '    return {"otp_code": None}') };
    expect(found([py], /^insecure-compare$/)).toEqual(["src/authorizer/handler.py:py-insecure-compare@3", "src/authorizer/handler.py:py-insecure-compare@10"]);
  });
  test("TS: a token a Convex function declares as its argument, compared with the user's stored one", () => {
    const feed = (args: string) => ({ path: "convex/bookings.ts", content: lines(
      "export const calendarFeed = internalQuery({",
      `  args: { userId: v.id("users")${args} },`,
      "  handler: async (ctx, { userId, token }) => {",
      "    const user = await ctx.db.get(userId);",
      "    if (user === null || user.calendarToken !== token) {",
      "      return null;",
      "    }",
      "    return user;",
      "  },",
      "});") });
    expect(found([feed(', token: v.string()')], /^insecure-compare$/)).toEqual(["convex/bookings.ts:ts-insecure-compare@5"]);
  });
});

describe("fresh38's readings: guards among registrations", () => {
  test("TS: Convex handlers are peers; `archive` opening with the weaker `requireViewer` that `requireRole` builds on", () => {
    const auth = { path: "convex/lib/auth.ts", content: lines(
      "export async function requireViewer(ctx: QueryCtx) {",
      "  const identity = await ctx.auth.getUserIdentity();",
      '  if (identity === null) throw new ConvexError({ code: "UNAUTHENTICATED" });',
      "  return identity;",
      "}",
      "export async function requireRole(ctx: QueryCtx, orgId: Id<\"organizations\">, minimum: Role) {",
      "  const viewer = await requireViewer(ctx);",
      "  const membership = await membershipOf(ctx, orgId, viewer._id);",
      '  if (!hasRole(membership, minimum)) throw new ConvexError({ code: "FORBIDDEN" });',
      "  return { viewer, membership };",
      "}") };
    const rooms = (archiveCheck: string) => ({ path: "convex/rooms.ts", content: lines(
      'import { requireRole, requireViewer } from "./lib/auth";',
      "export const list = query({ args: { orgId: v.id(\"organizations\") }, handler: async (ctx, { orgId }) => {",
      '  await requireRole(ctx, orgId, "member");',
      '  return ctx.db.query("rooms").collect();',
      "} });",
      "export const create = mutation({ args: { orgId: v.id(\"organizations\"), name: v.string() }, handler: async (ctx, { orgId, name }) => {",
      '  await requireRole(ctx, orgId, "admin");',
      '  return ctx.db.insert("rooms", { orgId, name });',
      "} });",
      "export const update = mutation({ args: { roomId: v.id(\"rooms\"), name: v.string() }, handler: async (ctx, { roomId, name }) => {",
      "  const room = await ctx.db.get(roomId);",
      '  await requireRole(ctx, room.orgId, "admin");',
      "  await ctx.db.patch(roomId, { name });",
      "} });",
      "export const archive = mutation({ args: { roomId: v.id(\"rooms\") }, handler: async (ctx, { roomId }) => {",
      "  const room = await ctx.db.get(roomId);",
      archiveCheck,
      "  await ctx.db.patch(roomId, { archived: true });",
      "} });") });
    expect(found([auth, rooms("  const viewer = await requireViewer(ctx);")], /^unwired-auth$/)).toEqual(["convex/rooms.ts:ts-unguarded-peer@15"]);
    expect(found([auth, rooms('  await requireRole(ctx, room.orgId, "admin");')], /^unwired-auth$/)).toEqual([]);
  });
  test("TS: a Pothos mutation without the authScopes four of its five siblings carry; a read among queries is not held to it (limit)", () => {
    const schema = (scopes: string) => ({ path: "src/schema/events.ts", content: lines(
      'builder.mutationField("createEvent", (t) => t.field({ type: EventRef, authScopes: { organizer: true }, resolve: (_r, a, ctx) => create(ctx, a) }));',
      'builder.mutationField("publishEvent", (t) => t.field({ type: EventRef, authScopes: (_r, a) => ({ organizerOf: a.id }), resolve: (_r, a, ctx) => publish(ctx, a) }));',
      'builder.mutationField("cancelEvent", (t) => t.field({ type: EventRef, authScopes: (_r, a) => ({ organizerOf: a.id }), resolve: (_r, a, ctx) => cancel(ctx, a) }));',
      `builder.mutationField("updateEventCapacity", (t) => t.field({ type: EventRef, ${scopes}resolve: (_r, a, ctx) => resize(ctx, a) }));`,
      'builder.mutationField("scanTicket", (t) => t.field({ type: TicketRef, authScopes: (_r, a) => ({ scannerFor: a.eventId }), resolve: (_r, a, ctx) => scan(ctx, a) }));') });
    expect(found([schema("")], /^unwired-auth$/)).toEqual(["src/schema/events.ts:ts-unguarded-registration@4"]);
    expect(found([schema("authScopes: (_r, a) => ({ organizerOf: a.id }), ")], /^unwired-auth$/)).toEqual([]);
  });
  test("Rust: a write mounted under /admin/ beside one handler that authorizes, making no check itself", () => {
    const http = (body: string) => ({ path: "src/http.rs", content: lines(
      "pub fn router(state: HttpState) -> Router {",
      "    Router::new()",
      '        .route("/healthz", get(healthz))',
      '        .route("/debug/buckets", get(debug_buckets))',
      '        .route("/admin/rotate/:namespace/:name", post(rotate_credentials))',
      "        .with_state(state)",
      "}",
      "fn authorize(headers: &HeaderMap, state: &HttpState) -> Result<(), StatusCode> {",
      "    if headers.get(AUTHORIZATION).is_none() { return Err(StatusCode::UNAUTHORIZED); }",
      "    Ok(())",
      "}",
      'async fn healthz() -> &\'static str { "ok" }',
      "async fn debug_buckets(State(state): State<HttpState>, headers: HeaderMap) -> Result<Json<Value>, StatusCode> {",
      "    authorize(&headers, &state)?;",
      "    Ok(Json(state.snapshot()))",
      "}",
      "async fn rotate_credentials(State(state): State<HttpState>, headers: HeaderMap, Path((ns, name)): Path<(String, String)>) -> Result<Json<Value>, StatusCode> {",
      body,
      "    let key = controller::rotate(&state.ctx, &ns, &name).await.map_err(|_| StatusCode::BAD_GATEWAY)?;",
      "    Ok(Json(json!({ \"key\": key })))",
      "}") });
    expect(found([http("")], /^unwired-auth$/)).toEqual(["src/http.rs:rs-unguarded-peer@17"]);
    expect(found([http("    authorize(&headers, &state)?;")], /^unwired-auth$/)).toEqual([]);
  });
  test("Python: a route on the app itself under the prefix the file mounts a router at", () => {
    const app = (path: string) => ({ path: "src/expenses/app.py", content: lines(
      "from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response",
      "from expenses.routes import admin, claims",
      "app = APIGatewayRestResolver()",
      'app.include_router(claims.router, prefix="/claims")',
      'app.include_router(admin.router, prefix="/admin")',
      "",
      `@app.get("${path}")`,
      "def download_export(export_id: str):",
      "    return Response(status_code=200, body=admin.read_export(export_id))") });
    expect(found([app("/admin/exports/<export_id>/download")], /^unwired-auth$/)).toEqual(["src/expenses/app.py:py-unguarded-route@7"]);
    expect(found([app("/exports/<export_id>/download")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("fresh38's readings: what a drop loses", () => {
  const rotate = (writeBody: string) => [
    { path: "path_config.go", content: lines("package meshboard", "func writeConfig(ctx context.Context, s logical.Storage, cfg *engineConfig) error {", writeBody, "}") },
    { path: "path_rotate.go", content: lines(
      "package meshboard",
      "func (b *backend) pathRotateRoot(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {",
      "\tcfg.AdminToken = newToken",
      "\t_ = writeConfig(ctx, req.Storage, cfg)",
      "\treturn nil, nil",
      "}") },
  ];
  test("Go: dropping the error of the repository's own function that persists is a claim; of one that only formats, a lead (limit)", () => {
    expect(found(rotate('\tentry, err := logical.StorageEntryJSON("config", cfg)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn s.Put(ctx, entry)'), /^swallowed-error$/)).toEqual(["path_rotate.go:go-discarded-error@4"]);
    expect(found(rotate('\treturn fmt.Errorf("%v", cfg)'), /^swallowed-error$/)).toEqual(["path_rotate.go:go-discarded-error@4 note"]);
  });
  test("Python: a narrow handler passing over a confirmation e-mail that failed", () => {
    const py = { path: "actions/booking_actions.py", content: lines(
      "def cancel(reference):",
      '    client().cancel_booking(reference)',
      "    try:",
      '        client().send_confirmation_email(reference, "cancellation")',
      "    except (HotelApiError, requests.RequestException):",
      "        pass",
      "    return clear_booking_slots()") };
    expect(found([py], /^swallowed-error$/)).toEqual(["actions/booking_actions.py:py-except-pass-on-write@5"]);
  });
  test("TS: a no-op .catch around a close is a lead; around a Convex mutation it stays a claim", () => {
    const ts = (call: string) => ({ path: "server/worker.ts", content: lines("export async function finish(ctx: Ctx, id: string) {", `  ${call}.catch(() => {});`, "  return id;", "}") });
    expect(found([ts("server.close()")], /^swallowed-error$/)).toEqual(["server/worker.ts:ts-catch-noop@2 note"]);
    expect(found([ts("ctx.runMutation(api.invoices.markPaid, { id })")], /^swallowed-error$/)).toEqual(["server/worker.ts:ts-catch-noop@2"]);
  });
  test("Go: a parameter a sibling implementation honours is no shared hook where this one drops it", () => {
    const limiter = (redisBody: string) => ({ path: "plugin/ratelimit.go", content: lines(
      "package plugin",
      "func (m *memoryLimiter) Allow(key string, limit int, window time.Duration) (bool, int, error) {",
      "\tb := m.bucket(key, time.Minute)",
      "\treturn b.take(limit), 0, nil",
      "}",
      "func (r *redisLimiter) Allow(key string, limit int, window time.Duration) (bool, int, error) {",
      redisBody,
      "}") });
    expect(found([limiter("\treturn r.incr(key, limit, window)")], /^ignored-parameter$/)).toEqual(["plugin/ratelimit.go:go-ignored-option-parameter@2"]);
    expect(found([limiter("\treturn r.incr(key, limit, time.Minute)")], /^ignored-parameter$/)).toEqual([]);
  });
});

describe("not-guard: Python's `in`/`is` classifications (a word-boundary escape lost to a backspace)", () => {
  test("a function that only answers whether a role is among some is a status query, not an unmounted guard", () => {
    const py = (ret: string) => ({ path: "app/roles.py", content: lines("def is_admin_role(role) -> bool:", `    return ${ret}`, "") });
    expect(found([py('role in ("admin", "owner")')], /^unwired-auth$/)).toEqual([]);
  });
});

describe("review (helper 247): the limits of this session's readings", () => {
  test("words a person chose, joined by dots, are still a password; a setting's path is not", () => {
    const cfg = (v: string) => ({ path: "src/config.ts", content: lines(`export const JWT_SECRET = "${v}";`) });
    expect(found([cfg("Welcome.Home.123")], /^hardcoded-secret$/).length).toBe(1);
    expect(found([cfg("myCompany.jwtSecret.key")], /^hardcoded-secret$/).length).toBe(1);
    expect(found([cfg("appManager.array.apps.0.secret")], /^hardcoded-secret$/)).toEqual([]);
  });
  test("a 403 case for one operation does not make a command switch an access decision", () => {
    const ops = { path: "src/ops.ts", content: lines(
      "export async function run(cmd: string, ctx: Ctx) {",
      "  switch (cmd) {",
      '    case "rotate":',
      "      await requireAdmin(ctx);",
      "      return rotateKeys(ctx);",
      '    case "impersonate":',
      '      return { status: 403, body: "impersonation is disabled" };',
      '    case "deleteAllUsers":',
      "      return deleteAllUsers(ctx);",
      "  }",
      "}") };
    expect(found([ops], /^unwired-auth$/)).toEqual(["src/ops.ts:ts-unguarded-dispatch@8"]);
  });
  test("FastAPI: a dependency checking the request's rate or replay is no guard of who asks", () => {
    const r = (dep: string) => ({ path: "app/routers/admin.py", content: lines(
      "from fastapi import APIRouter, Depends",
      "router = APIRouter()",
      '@router.get("/admin/users")',
      "async def list_users(admin = Depends(require_admin)):",
      "    return await users.all()",
      '@router.post("/admin/users")',
      "async def create_user(body: NewUser, admin = Depends(require_admin)):",
      "    return await users.create(body)",
      '@router.delete("/admin/users/{user_id}")',
      `async def delete_user(user_id: int, _ = Depends(${dep})):`,
      "    await users.delete(user_id)") });
    expect(found([r("check_rate_limit")], /^unwired-auth$/)).toEqual(["app/routers/admin.py:py-unguarded-route@9"]);
    expect(found([r("check_admin_role")], /^unwired-auth$/)).toEqual([]);
  });
  test("a no-op catch around a payment capture, a rate limiter's counter or an update answered as ok stays a claim", () => {
    const ts = (body: string, after = "  return id;") => ({ path: "src/pay.ts", content: lines("export async function settle(id: string, res: Res) {", body, after, "}") });
    expect(found([ts("  stripe.paymentIntents.capture(id).catch(() => {});")], /^swallowed-error$/)).toEqual(["src/pay.ts:ts-catch-noop@2"]);
    expect(found([ts("  try { await redis.incr(`login:${id}`); } catch {}")], /^swallowed-error$/)).toEqual(["src/pay.ts:ts-empty-catch@2"]);
    expect(found([ts("  try { await Order.findByIdAndUpdate(id, { paid: true }); } catch {}", "  res.json({ ok: true });")], /^swallowed-error$/)).toEqual(["src/pay.ts:ts-empty-catch@2"]);
  });
  test("Go tests: gomock expectations, fuzz targets and goroutine tests keep their own readings", () => {
    const t = { path: "service_test.go", content: lines(
      "package service",
      "func TestSaveCallsStore(t *testing.T) {",
      "\tctrl := gomock.NewController(t)",
      "\tstore := NewMockStore(ctrl)",
      "\tstore.EXPECT().Save(gomock.Any()).Times(1)",
      "\t_ = New(store).Save(Item{})",
      "}",
      "func FuzzParseHandle(f *testing.F) {",
      '\tf.Add("@ada")',
      "\tf.Fuzz(func(t *testing.T, s string) {",
      "\t\t_, _ = ParseHandle(s)",
      "\t})",
      "}") };
    expect(found([t], /^assertion-free-test$/)).toEqual([]);
  });
  test("identifiers named for a key (a tree's root_key, OAuth1's public client_key) are no credentials", () => {
    const py = { path: "app/envelope.py", content: lines("def unwrap(doc, key, root_key):", "    if key == root_key:", "        return doc[key]", "    return doc") };
    expect(found([py], /^insecure-compare$/)).toEqual([]);
  });
  test("Pothos: a password reset mutation is open by design; a query field is not held to the mutations' scopes", () => {
    const schema = (name: string, field = "mutationField") => ({ path: "src/schema/users.ts", content: lines(
      'builder.mutationField("updateProfile", (t) => t.field({ type: UserRef, authScopes: { loggedIn: true }, resolve: (_r, a, ctx) => update(ctx, a) }));',
      'builder.mutationField("changeEmail", (t) => t.field({ type: UserRef, authScopes: { loggedIn: true }, resolve: (_r, a, ctx) => email(ctx, a) }));',
      'builder.mutationField("deleteAccount", (t) => t.field({ type: UserRef, authScopes: { loggedIn: true }, resolve: (_r, a, ctx) => remove(ctx, a) }));',
      `builder.${field}("${name}", (t) => t.field({ type: UserRef, resolve: (_r, a, ctx) => act(ctx, a) }));`) });
    expect(found([schema("requestPasswordReset")], /^unwired-auth$/)).toEqual([]);
    expect(found([schema("setAvatar")], /^unwired-auth$/)).toEqual(["src/schema/users.ts:ts-unguarded-registration@4"]);
  });
});

describe("the corpora's word on the no-op-catch lead and throw-based checks", () => {
  test("a no-op catch around a push, a queued job, a mark or an ack stays a claim; around a close it is a lead", () => {
    const ts = (call: string) => ({ path: "src/publish.ts", content: lines("export async function publish(item: Item) {", `  ${call}.catch(() => {});`, "  return item;", "}") });
    for (const call of ["syndication.pushStory(item, null)", "this.loyaltyService.queueAward(ctx, order)", "store.markReminded(item, now)", "this.store.ack(item.id)"]) {
      expect(found([ts(call)], /^swallowed-error$/)).toEqual(["src/publish.ts:ts-catch-noop@2"]);
    }
    expect(found([ts("socket.close()")], /^swallowed-error$/)).toEqual(["src/publish.ts:ts-catch-noop@2 note"]);
  });
  test("a throw inside the function under test that simulates failure is no check of the test's", () => {
    const t = { path: "test/retry.test.ts", content: lines(
      "test('calls onRetry between attempts', async () => {",
      "  const seen: number[] = [];",
      "  await withRetry(async (n) => {",
      "    if (n < 3) throw new Error('again');",
      "  }, { attempts: 3, onRetry: (_err, attempt) => seen.push(attempt) });",
      "});") };
    expect(found([t], /^assertion-free-test$/)).toEqual(["test/retry.test.ts:ts-assertion-free-test@1"]);
  });
});

describe("ignored-parameter: a Go default another package replaces", () => {
  test("a function literal bound to a package variable has the variable's signature; a function declaration does not (limit)", () => {
    const cfg = (decl: string) => ({ path: "mox-/config.go", content: lines("package mox", "// Set by packages webadmin and webmail to prevent cyclic dependencies.", decl) });
    expect(found([cfg("var NewWebmailHandler = func(maxMsgSize int64, basePath string) http.Handler { return nopHandler }")], /^ignored-parameter$/)).toEqual([]);
    expect(found([cfg("func NewWebmailHandler(maxMsgSize int64, basePath string) http.Handler { return serve(basePath) }")], /^ignored-parameter$/)).toEqual(["mox-/config.go:go-ignored-option-parameter@3"]);
  });
});
