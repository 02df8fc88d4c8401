// Readings of the fifteenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("ignored-parameter (Rust): an error enum is no command line because its messages say 'long' or 'short'", () => {
  const errors = (derive: string, attr: string) => ({ path: "src/errors/label.rs", content: lines(
    "use thiserror::Error;",
    "",
    `#[derive(${derive})]`,
    "pub enum LabelError {",
    `    ${attr}`,
    "    DescriptionTooLong { length: usize, max_length: usize },",
    "}",
    "",
    "pub fn status(e: &LabelError) -> u16 {",
    "    match e {",
    "        LabelError::DescriptionTooLong { .. } => 400,",
    "    }",
    "}") });
  test("thiserror's #[error(\"... too long ...\")] names no flag", () => {
    expect(found([errors("Error, Debug", '#[error("Label description too long: {length} characters (max: {max_length})")]')], /^ignored-parameter$/)).toEqual([]);
  });
  test("...while a derive-based parser whose variant fields carry `long` is still a command line", () => {
    expect(found([errors("StructOpt, Debug", "#[structopt(long)]")], /^ignored-parameter$/)).toEqual(["src/errors/label.rs:rs-unread-option-field@6"]);
  });
});

describe("ignored-parameter (Rust): a raw identifier read by a format string under its bare name", () => {
  const migrate = (message: string) => ({ path: "src/config/pmtiles.rs", content: lines(
    "pub struct Migrator { profile: Option<String> }",
    "impl Migrator {",
    "    pub fn migrate_aws_profile(&mut self, r#type: &'static str, key: &str, value: String) {",
    `        log::warn!("${message}");`,
    "        self.profile = Some(value);",
    "    }",
    "}") });
  test("`r#type` is read by \"{type}\"", () => {
    expect(found([migrate("{type} {key} is deprecated")], /^ignored-parameter$/)).toEqual([]);
  });
  test("...and still unread when no format string names it", () => {
    expect(found([migrate("{key} is deprecated")], /^ignored-parameter$/)).toEqual(["src/config/pmtiles.rs:rs-ignored-option-parameter@3"]);
  });
});

describe("assertion-free-test (Go): a helper of an imported test package, called through the package's name", () => {
  const helper = { path: "internal/test/TestHelper.go", content: lines(
    "package test",
    "",
    "type MockT interface {",
    "\tErrorf(format string, args ...interface{})",
    "\tHelper()",
    "}",
    "",
    "func IsEqual(t MockT, got, expected any) {",
    "\tt.Helper()",
    "\tif got != expected {",
    "\t\tt.Errorf(\"not equal: %v and %v\", got, expected)",
    "\t}",
    "}") };
  const tests = (importLine: string) => ({ path: "internal/database/Database_test.go", content: lines(
    "package database",
    "",
    "import (",
    "\t\"testing\"",
    importLine,
    ")",
    "",
    "func TestApiKeys(t *testing.T) {",
    "\trunAllTypesCompareOutput(t, func() any { return GetAllApiKeys() }, 0)",
    "}",
    "",
    "func runAllTypesCompareOutput(t *testing.T, run func() any, want any) {",
    "\tt.Helper()",
    "\tfor _, database := range availableDatabases {",
    "\t\tdb = database",
    "\t\ttest.IsEqual(t, run(), want)",
    "\t}",
    "}") });
  test("`test.IsEqual(t, ..)` through the imported package asserts", () => {
    expect(found([helper, tests('\t"example.com/gokapi/internal/test"')], /^assertion-free-test$/)).toEqual([]);
  });
  test("...while the same call on a value of the file (no such import) is a method the floor cannot follow", () => {
    expect(found([helper, tests('\t"example.com/gokapi/internal/other"')], /^assertion-free-test$/)).toEqual(["internal/database/Database_test.go:go-assertion-free-test@8"]);
  });
});

describe("ignored-parameter (Go): a project's own request context is the context convention", () => {
  const reader = (ctxType: string, body = "return strings.Split(line, \",\"), nil") => ({ path: "pkg/converters/iif/reader.go", content: lines(
    "package iif",
    "",
    'import "github.com/mayswind/ezbookkeeping/pkg/core"',
    "",
    `func ReadAccountLine(ctx ${ctxType}, line string) ([]string, error) {`,
    `\t${body}`,
    "}") });
  test("an unread `ctx core.Context` (or `*gin.Context`) is threaded, not dropped", () => {
    expect(found([reader("core.Context")], /^ignored-parameter$/)).toEqual([]);
    expect(found([reader("*gin.Context")], /^ignored-parameter$/)).toEqual([]);
  });
  test("...while one beside work the caller could have cancelled is still dropped, and another type is still judged", () => {
    expect(found([reader("core.Context", "resp, err := http.Get(line)\n\treturn []string{resp.Status}, err")], /^ignored-parameter$/)).toEqual(["pkg/converters/iif/reader.go:go-ignored-option-parameter@5"]);
    expect(found([reader("core.Options")], /^ignored-parameter$/)).toEqual(["pkg/converters/iif/reader.go:go-ignored-option-parameter@5"]);
  });
});

describe("stub: a handler with no path that serves the call (the unserved-handler rules)", () => {
  const view = (ending: string) => ({ path: "billing/views.py", content: lines(
    "from rest_framework import status, viewsets",
    "from rest_framework.decorators import action",
    "from rest_framework.response import Response",
    "",
    "class InvoiceViewSet(viewsets.ModelViewSet):",
    '    @action(detail=True, methods=["get"])',
    "    def pdf(self, request, pk=None):",
    "        self.get_object()",
    ending) });
  test("checks first, then 501 as the last statement: reported", () => {
    expect(found([view('        return Response({"detail": "not available"}, status=status.HTTP_501_NOT_IMPLEMENTED)')], /^stub$/)).toEqual(["billing/views.py:py-unserved-handler@9"]);
  });
  test("...not when a path serves the call first", () => {
    expect(found([view('        invoice = self.get_object()\n        if invoice.pdf:\n            return Response(invoice.pdf)\n        return Response(status=501)')], /^stub$/)).toEqual([]);
  });
  const go = (name: string) => ({ path: "internal/dhcpd/http_windows.go", content: lines(
    "package dhcpd",
    "",
    `func (s *server) ${name}(w http.ResponseWriter, r *http.Request) {`,
    "\tif err := s.requireAdmin(r); err != nil {",
    "\t\thttp.Error(w, \"forbidden\", http.StatusForbidden)",
    "\t\treturn",
    "\t}",
    "\twriteJSON(r.Context(), w, http.StatusNotImplemented, &jsonError{Message: \"dhcp\"})",
    "}") });
  test("a function named for the refusal it answers is a sentinel, not a handler missing its work", () => {
    expect(found([go("handleLeases")], /^stub$/)).toEqual(["internal/dhcpd/http_windows.go:go-unserved-handler@8"]);
    expect(found([go("notImplemented")], /^stub$/)).toEqual([]);
  });
  test("a 501 inside a branch of the last statement decides elsewhere (an else falling back to it)", () => {
    const rs = { path: "src/routes/sync.rs", content: lines(
      "pub async fn trigger_sync(auth: AuthUser, state: State<AppState>) -> Result<StatusCode, StatusCode> {",
      "    let source = state.db.get_source(auth.id).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;",
      "    if let Some(s) = &state.scheduler {",
      "        s.trigger(source.id).await;",
      "        Ok(StatusCode::OK)",
      "    } else {",
      "        Err(StatusCode::NOT_IMPLEMENTED)",
      "    }",
      "}") };
    expect(found([rs], /^stub$/)).toEqual([]);
  });
});

describe("unwired-auth (Go): routes guarded by a chained .Bind, and handlers of another file deciding access", () => {
  const routes = (cancel: string) => ({ path: "internal/routes/routes.go", content: lines(
    "package routes",
    "",
    "func Register(app *pocketbase.PocketBase, h *handlers) {",
    "\tapp.OnServe().BindFunc(func(se *core.ServeEvent) error {",
    "\t\tse.Router.POST(\"/api/bookings/{id}/checkout\", h.checkout).Bind(apis.RequireAuth())",
    "\t\tse.Router.GET(\"/api/bookings/{id}/invoice\", h.invoice).Bind(apis.RequireAuth())",
    `\t\tse.Router.POST("/api/bookings/{id}/cancel", h.cancel)${cancel}`,
    "\t\tse.Router.POST(\"/api/kiosk/checkin\", h.kioskCheckin)",
    "\t\treturn se.Next()",
    "\t})",
    "}") });
  const handlers = { path: "internal/routes/bookings.go", content: lines(
    "package routes",
    "",
    "func (h *handlers) cancel(e *core.RequestEvent) error {",
    "\tbooking, err := h.app.FindRecordById(\"bookings\", e.Request.PathValue(\"id\"))",
    "\tif err != nil {",
    "\t\treturn e.NotFoundError(\"no booking\", err)",
    "\t}",
    "\tbooking.Set(\"status\", \"cancelled\")",
    "\treturn h.app.Save(booking)",
    "}",
    "",
    "func (h *handlers) kioskCheckin(e *core.RequestEvent) error {",
    "\tkey := e.Request.Header.Get(\"X-Kiosk-Key\")",
    "\tif subtle.ConstantTimeCompare([]byte(key), []byte(h.cfg.KioskKey)) != 1 {",
    "\t\treturn e.UnauthorizedError(\"invalid kiosk key\", nil)",
    "\t}",
    "\treturn h.checkIn(e)",
    "}") };
  test("a state-changing route beside siblings guarded by their chain is reported; the kiosk route whose handler refuses by itself is not", () => {
    expect(found([routes(""), handlers], /^unwired-auth$/)).toEqual(["internal/routes/routes.go:go-unguarded-route@7"]);
  });
  test("...and the route carrying the chain itself is guarded", () => {
    expect(found([routes(".Bind(apis.RequireAuth())"), handlers], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: guards known by where they live and by what their marks require", () => {
  const router = (binding: string, bulk: string) => ({ path: "app/router.ts", content: lines(
    "import { Application } from 'egg';",
    "",
    "export default (app: Application) => {",
    "  const { controller, router, middleware } = app;",
    `  ${binding}`,
    "  router.post('/api/items', auth({ role: 'editor' }), controller.item.create);",
    "  router.delete('/api/items/:id', auth({ role: 'admin' }), controller.item.destroy);",
    `  router.post('/api/items/bulk-delete', ${bulk}controller.item.bulkDestroy);`,
    "};") });
  test("Egg: a member of the middleware registry named for who is asking is a guard; the route without it is reported", () => {
    expect(found([router("const auth = middleware.auth;", "")], /^unwired-auth$/)).toEqual(["app/router.ts:ts-unguarded-route@8"]);
    expect(found([router("const { auth } = app.middleware;", "")], /^unwired-auth$/)).toEqual(["app/router.ts:ts-unguarded-route@8"]);
    expect(found([router("const auth = middleware.auth;", "auth({ role: 'admin' }), ")], /^unwired-auth$/)).toEqual([]);
  });
  test("...while a registry member that names no subject (a request logger) is no guard", () => {
    expect(found([router("const auth = middleware.requestLog;", "")], /^unwired-auth$/)).toEqual([]);
  });
  const admin = (mark: string) => ({ path: "src/handlers/admin.rs", content: lines(
    "use actix_web::{post, web, HttpResponse};",
    "use actix_web_grants::protect;",
    "",
    '#[post("/licenses")]',
    '#[protect("ROLE_ADMIN")]',
    "pub async fn issue(state: web::Data<AppState>, body: web::Json<IssueBody>) -> HttpResponse { db::insert_license(&state.pool, &body).await; HttpResponse::Created().finish() }",
    "",
    '#[post("/licenses/{id}/revoke")]',
    '#[protect("ROLE_ADMIN")]',
    "pub async fn revoke(state: web::Data<AppState>, id: web::Path<Uuid>) -> HttpResponse { db::revoke(&state.pool, *id).await; HttpResponse::NoContent().finish() }",
    "",
    '#[post("/licenses/{id}/seats")]',
    mark,
    "pub async fn set_seats(state: web::Data<AppState>, id: web::Path<Uuid>, body: web::Json<SeatsBody>) -> HttpResponse { db::set_seats(&state.pool, *id, body.seats).await; HttpResponse::NoContent().finish() }") });
  test("actix-web-grants: #[protect(\"ROLE_ADMIN\")] is a guard mark; the sibling without it is reported", () => {
    expect(found([admin("")], /^unwired-auth$/)).toEqual(["src/handlers/admin.rs:rs-unguarded-sibling@12"]);
    expect(found([admin('#[protect("ROLE_ADMIN")]')], /^unwired-auth$/)).toEqual([]);
  });
});

describe("swallowed-error: audits in any spelling, `continue` as a swallow, a rollback after setting fields", () => {
  test("a dropped `writeAudit(..)` under a comment is reported (camelCase audit is an audit)", () => {
    const f = (call: string) => ({ path: "routes/api/expenses/[id].ts", content: lines(
      "export const handler = {",
      "  async PATCH(req, ctx) {",
      "    await saveExpense(expense);",
      "    // the trail is secondary to the approval itself",
      `    ${call}(session.userId, "expense.approved", expense.id).catch(() => {});`,
      "    return Response.json(expense);",
      "  },",
      "};") });
    expect(found([f("writeAudit")], /^swallowed-error$/)).toEqual(["routes/api/expenses/[id].ts:ts-catch-noop@5"]);
    expect(found([f("notifyWatchers")], /^swallowed-error$/)).toEqual([]);
  });
  test("`except DatabaseError: continue` around a save loses the write", () => {
    const cmd = (handler: string) => ({ path: "billing/management/commands/reconcile.py", content: lines(
      "from django.db import DatabaseError, transaction",
      "",
      "def reconcile(invoices):",
      "    for invoice in invoices:",
      "        try:",
      "            with transaction.atomic():",
      "                invoice.status = 'paid'",
      "                invoice.save(update_fields=['status'])",
      "        except DatabaseError:",
      `            ${handler}`) });
    expect(found([cmd("continue")], /^swallowed-error$/)).toEqual(["billing/management/commands/reconcile.py:py-except-pass-on-write@9"]);
    expect(found([cmd("raise")], /^swallowed-error$/)).toEqual([]);
  });
  test("a rollback-only handler after setting a record's fields and committing", () => {
    const ack = { path: "oncall/listeners/actions.py", content: lines(
      "def acknowledge(db, incident, user):",
      "    try:",
      '        incident.status = "acknowledged"',
      '        incident.commander_id = incident.commander_id or user["id"]',
      "        db.commit()",
      "    except SQLAlchemyError:",
      "        db.rollback()",
      '    notify(user, "acknowledged")') };
    expect(found([ack], /^swallowed-error$/)).toEqual(["oncall/listeners/actions.py:py-except-rollback-only@6"]);
  });
});

describe("ignored-parameter (TypeScript): an options object typed in place", () => {
  const list = (use: string) => ({ path: "utils/db.ts", content: lines(
    "export async function listExpenses(",
    "  teamId: string,",
    "  opts: { limit: number; cursor?: string },",
    "): Promise<Page> {",
    `  const iter = kv.list({ prefix: ["expenses", teamId] }, { limit: opts.limit${use} });`,
    "  return collect(iter);",
    "}") });
  const route = (arg: string) => ({ path: "routes/api/expenses/index.ts", content: lines(
    'import { listExpenses } from "../../../utils/db.ts";',
    "export const handler = {",
    "  async GET(req, ctx) {",
    '    const cursor = new URL(req.url).searchParams.get("cursor") ?? undefined;',
    `    return Response.json(await listExpenses(ctx.state.teamId, ${arg}));`,
    "  },",
    "};") });
  test("a field of the literal the function never reads, which a caller sets, is an ignored option", () => {
    expect(found([list(""), route("{ limit: 50, cursor }")], /^ignored-parameter$/)).toEqual(["utils/db.ts:ts-ignored-option-parameter@3"]);
  });
  test("...not where no call of the repository sets it (left at its default, dropping it changes nothing)", () => {
    expect(found([list(""), route("{ limit: 50 }")], /^ignored-parameter$/)).toEqual([]);
    expect(found([list("")], /^ignored-parameter$/)).toEqual([]);
  });
  test("...not when every field is read, or the object is handed on whole", () => {
    expect(found([list(", cursor: opts.cursor"), route("{ limit: 50, cursor }")], /^ignored-parameter$/)).toEqual([]);
    expect(found([list(", ...opts"), route("{ limit: 50, cursor }")], /^ignored-parameter$/)).toEqual([]);
  });
});

describe("swallowed-error: a field named for an audit is no audit record", () => {
  test("an empty catch around reads that set `usedAuditTrial` is not reported as a lost write", () => {
    const loader = { path: "app/routes/welcome.tsx", content: lines(
      "export async function loader({ context }) {",
      "  let usedAuditTrial = false;",
      "  try {",
      "    const org = await db.organization.findUnique({ where: { id }, select: { usedAuditTrial: true } });",
      "    usedAuditTrial = org?.usedAuditTrial ?? false;",
      "  } catch {",
      "    // personal org not found yet - that's ok during onboarding",
      "  }",
      "  return json({ usedAuditTrial });",
      "}") };
    expect(found([loader], /^swallowed-error$/)).toEqual([]);
  });
});

describe("unwired-auth (dispatch): a predicate naming what it checks is an access check in every language", () => {
  const command = (check: string) => ({ path: "server/command.go", content: lines(
    "package main",
    "",
    "func (p *Plugin) ExecuteCommand(c *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {",
    "\tfields := strings.Fields(args.Command)",
    "\tswitch fields[1] {",
    '\tcase "link":',
    `\t\tif !${check}(args.UserId, model.PermissionManageSystem) {`,
    '\t\t\treturn ephemeral("Only system admins can link channels."), nil',
    "\t\t}",
    "\t\treturn p.commandLink(args, fields[2]), nil",
    '\tcase "purge":',
    "\t\treturn p.commandPurge(args), nil",
    "\tdefault:",
    "\t\treturn ephemeral(helpText), nil",
    "\t}",
    "}") });
  test("`p.API.HasPermissionTo(..)` in one arm makes the purge arm without it a claim", () => {
    expect(found([command("p.API.HasPermissionTo")], /^unwired-auth$/)).toEqual(["server/command.go:go-unguarded-dispatch@11"]);
  });
  test("...while a predicate that names no subject checks nothing about who is asking", () => {
    expect(found([command("p.HasQueue")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: a table of verb handlers whose siblings refuse callers who are not allowed", () => {
  const users = (del: string) => ({ path: "routes/api/admin/users.ts", content: lines(
    "function forbidden() { return Response.json({ error: \"admin only\" }, { status: 403 }); }",
    "export const handler: Handlers<unknown, State> = {",
    "  async GET(_req, ctx) {",
    "    if (!ctx.state.session!.isAdmin) return forbidden();",
    "    return Response.json(await listUsers(ctx.state.session!.teamId));",
    "  },",
    "  async POST(req, ctx) {",
    "    if (!ctx.state.session!.isAdmin) return forbidden();",
    "    return Response.json(await createUser(await req.json()), { status: 201 });",
    "  },",
    "  async DELETE(req, ctx) {",
    del,
    "    await deleteUser(ctx.state.session!.teamId, new URL(req.url).searchParams.get(\"id\"));",
    "    return new Response(null, { status: 204 });",
    "  },",
    "};") });
  test("DELETE without the admin refusal GET and POST make is reported", () => {
    expect(found([users("")], /^unwired-auth$/)).toEqual(["routes/api/admin/users.ts:ts-unguarded-verb-handler@11"]);
  });
  test("...and not once it refuses too", () => {
    expect(found([users("    if (!ctx.state.session!.isAdmin) return forbidden();")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("fixes after the final sweep: camel-case entry points, and actix's builder named", () => {
  test("a password reset named in camel case is authentication's own entry point, whatever its siblings' guard", () => {
    const ctl = (name: string) => ({ path: "src/auth/auth.controller.ts", content: lines(
      "@Controller('auth')",
      "export class AuthController {",
      "  @Post('totp/enable') @UseGuards(JwtGuard) async enableTotp(@Body() dto: EnableTotpDTO) { return this.totp.enable(dto); }",
      "  @Post('totp/disable') @UseGuards(JwtGuard) async disableTotp(@Body() dto: DisableTotpDTO) { return this.totp.disable(dto); }",
      "  @Patch('password') @UseGuards(JwtGuard) async updatePassword(@Body() dto: UpdatePasswordDTO) { return this.auth.updatePassword(dto); }",
      `  @Post('${name}') async ${name}(@Body() dto: ResetDTO) { return this.auth.${name}(dto); }`,
      "}") });
    expect(found([ctl("requestResetPassword")], /^unwired-auth$/)).toEqual([]);
    expect(found([ctl("deleteShare")], /^unwired-auth$/)).toEqual(["src/auth/auth.controller.ts:ts-unguarded-sibling@6"]);
  });
  test("an enum variant named NotImplemented in a match is no 501 answer", () => {
    const fmt = { path: "src/render.rs", content: lines(
      "impl std::fmt::Display for RenderError {",
      "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {",
      "        match self {",
      '            Self::NotImplemented(what) => write!(f, "{what} is not supported"),',
      '            Self::Io(e) => write!(f, "{e}"),',
      "        }",
      "    }",
      "}") };
    expect(found([fmt], /^stub$/)).toEqual([]);
  });
});
