// Readings of the fourteenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("assertion-free-test (Python): a helper handed the test case asserts through it", () => {
  const checks = (ret: string, check = "test.assertEqual(rv.status_code, 401)") => ({ path: "tests/test_endpoints/checks.py", content: lines(
    "from .util import fetch_header",
    "",
    "def check_requires_token(test, url):",
    '    """Test that authorization is required."""',
    "    rv = test.client.get(url)",
    `    ${check}`,
    "    rv = test.client.get(url, headers=fetch_header(test.client))",
    ret) });
  const events = { path: "tests/test_endpoints/test_events.py", content: lines(
    "import unittest",
    "from .checks import check_requires_token",
    "",
    "class TestEvents(unittest.TestCase):",
    "    def test_get_events_requires_token(self):",
    '        check_requires_token(self, "/api/events/")') };
  test("unittest's checks called on the handed case count, whatever the helper hands back", () => {
    expect(found([checks("    return rv.json"), events], /^assertion-free-test$/)).toEqual([]);
    expect(found([checks(""), events], /^assertion-free-test$/)).toEqual([]);
  });
  test("...while a helper that only uses the handed case to make requests checks nothing", () => {
    expect(found([checks("    return rv.json", "test.client.delete(url)"), events], /^assertion-free-test$/)).toEqual(["tests/test_endpoints/test_events.py:py-assertion-free-test@5"]);
  });
});

describe("unwired-auth: a middleware that refuses on its own condition and is mounted nowhere", () => {
  const mw = (onRequest: string) => ({ path: "src/middleware.ts", content: lines(
    'import { defineMiddleware, sequence } from "astro:middleware";',
    'import { json } from "./lib/http";',
    "",
    "const withUser = defineMiddleware(async (context, next) => {",
    "  context.locals.user = await loadUser(context.cookies);",
    "  return next();",
    "});",
    "",
    "const sameOriginWrites = defineMiddleware(async (context, next) => {",
    '  if (context.request.method === "GET") return next();',
    '  if (context.request.headers.get("origin") !== context.url.origin) {',
    '    return json({ error: "cross-site request rejected" }, { status: 403 });',
    "  }",
    "  return next();",
    "});",
    "",
    onRequest) });
  test("a same-origin gate nothing mounts is reported, whoever it asks about", () => {
    expect(found([mw("export const onRequest = sequence(withUser);")], /^unwired-auth$/)).toEqual(["src/middleware.ts:ts-unwired-auth@9"]);
  });
  test("...not once it is mounted", () => {
    expect(found([mw("export const onRequest = sequence(sameOriginWrites, withUser);")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: a peer opening with a weaker check than its peers", () => {
  const auth = (admin: string) => ({ path: "src/lib/auth.ts", content: lines(
    "export function requireUser(context: APIContext): SessionUser {",
    "  const user = context.locals.user;",
    '  if (!user) throw new HttpError(401, "authentication required");',
    "  return user;",
    "}",
    "",
    "export function requireAdmin(context: APIContext): SessionUser {",
    `  ${admin}`,
    '  if (user.role !== "admin") throw new HttpError(403, "admin role required");',
    "  return user;",
    "}") });
  const route = (oddVerb = "DELETE", oddCheck = "requireUser", firstVerb = "GET") => ({ path: "src/pages/api/admin/users.ts", content: lines(
    'import type { APIRoute } from "astro";',
    'import { requireAdmin, requireUser } from "../../../lib/auth";',
    "",
    `export const ${firstVerb}: APIRoute = async (context) => {`,
    "  const admin = requireAdmin(context);",
    "  return json({ users: await listUsers(admin.orgId) });",
    "};",
    "",
    "export const POST: APIRoute = async (context) => {",
    "  const admin = requireAdmin(context);",
    "  return json({ user: await invite(admin.orgId, await context.request.json()) }, { status: 201 });",
    "};",
    "",
    `export const ${oddVerb}: APIRoute = async (context) => {`,
    `  const actor = ${oddCheck}(context);`,
    '  await disableUser(actor.orgId, context.url.searchParams.get("id"));',
    "  return new Response(null, { status: 204 });",
    "};") });
  test("the odd handler's check is one the peers' check builds on: reported", () => {
    expect(found([auth("const user = requireUser(context);"), route()], /^unwired-auth$/)).toEqual(["src/pages/api/admin/users.ts:ts-unguarded-peer@14"]);
  });
  test("...not when the two checks are unrelated (each may be complete), nor when the odd one is a read", () => {
    expect(found([auth("const user = context.locals.user!;"), route()], /^unwired-auth$/)).toEqual([]);
    expect(found([auth("const user = requireUser(context);"), route("GET", "requireUser", "PATCH")], /^unwired-auth$/)).toEqual([]);
  });
  test("...nor when the odd handler's check is the one that builds on the peers' (it asks more)", () => {
    const flipped = { path: "src/lib/auth.ts", content: lines(
      "export function requireAdmin(context: APIContext): SessionUser {",
      "  const user = context.locals.user;",
      '  if (!user) throw new HttpError(401, "authentication required");',
      "  return user;",
      "}",
      "",
      "export function requireUser(context: APIContext): SessionUser {",
      "  const user = requireAdmin(context);",
      '  if (!user.verified) throw new HttpError(403, "verified account required");',
      "  return user;",
      "}") };
    expect(found([flipped, route()], /^unwired-auth$/)).toEqual([]);
  });
});

describe("ignored-parameter (Go): a context parameter under the name its file imports the package as", () => {
  const api = (imp: string, type: string) => ({ path: "service/internal/api/api.go", content: lines(
    "package api",
    "",
    `import (${imp}; "connectrpc.com/connect")`,
    "",
    `func (api *oliveTinAPI) PasswordHash(ctx ${type}, req *connect.Request[apiv1.PasswordHashRequest]) (*connect.Response[apiv1.PasswordHashResponse], error) {`,
    "\thash, err := createHash(req.Msg.Password)",
    "\tif err != nil {",
    "\t\treturn nil, err",
    "\t}",
    "\treturn connect.NewResponse(&apiv1.PasswordHashResponse{Hash: hash}), nil",
    "}") });
  test("`import ctx \"context\"` makes `ctx ctx.Context` the convention a plain context.Context is", () => {
    expect(found([api('ctx "context"', "ctx.Context")], /^ignored-parameter$/)).toEqual([]);
    expect(found([api('"context"', "context.Context")], /^ignored-parameter$/)).toEqual([]);
  });
  // Fifteenth session: any type named Context is the convention (a framework's or the project's own request context,
  // ezbookkeeping's `core.Context`); a type of another name from that package is a parameter like any other.
  test("...while a type of another package not named Context is a parameter like any other", () => {
    expect(found([api('ctx "example.com/app/reqctx"', "ctx.Options")], /^ignored-parameter$/)).toEqual(["service/internal/api/api.go:go-ignored-option-parameter@5"]);
  });
});

describe("ignored-parameter (Rust): fields read by a pattern of the record", () => {
  const form = (handler: string[]) => ({ path: "crates/frontend/src/routes/app_token.rs", content: lines(
    "use axum::extract::Form;",
    "use serde::Deserialize;",
    "",
    "#[derive(Debug, Clone, Deserialize)]",
    "pub struct PostAppTokenForm {",
    "    name: String,",
    "    #[serde(default)]",
    "    apple: bool,",
    "}",
    "",
    ...handler) });
  const bound = ["pub async fn route_post_app_token(", "    user: Principal,", "    Form(PostAppTokenForm { apple, name }): Form<PostAppTokenForm>,", ") -> Response {", "    let token = create_token(&user, name).await;", "    if apple { mobileconfig(token) } else { token.into_response() }", "}"];
  test("a handler's parameter pattern (`Form(PostAppTokenForm { apple, name }): Form<..>`) reads its fields", () => {
    expect(found([form(bound)], /^ignored-parameter$/)).toEqual([]);
  });
  test("...while a field nothing reads is still reported", () => {
    const dotted = ["pub async fn route_post_app_token(user: Principal, Form(form): Form<PostAppTokenForm>) -> Response {", "    create_token(&user, form.name).await.into_response()", "}"];
    expect(found([form(dotted)], /^ignored-parameter$/)).toEqual(["crates/frontend/src/routes/app_token.rs:rs-unread-option-field@8"]);
  });
  const args = { path: "client/src/args/create.rs", content: lines(
    "/// Create a new API key.",
    "#[derive(Debug, Clone, clap::Parser)]",
    "pub struct CreateApiKey {",
    "  pub name: Option<String>,",
    "  #[arg(long = \"for\", short = 'f')]",
    "  pub for_user: Option<String>,",
    "  #[arg(long, short = 'a', default_value_t = false)]",
    "  pub use_api: bool,",
    "}") };
  const command = (pattern: string) => ({ path: "bin/cli/src/command/create/api_key.rs", content: lines(
    "use client::args::create::CreateApiKey;",
    "",
    "pub async fn create(",
    `  ${pattern}: &CreateApiKey,`,
    ") -> anyhow::Result<()> {",
    "  let key = if let Some(user) = for_user { key_for(user, name) } else { service_key(name) };",
    "  if *use_api { via_api(key).await } else { via_db(key).await }",
    "}") });
  test("a pattern of the record in another file (the command's parameter) reads the fields it names", () => {
    expect(found([args, command("CreateApiKey { name, for_user, use_api }")], /^ignored-parameter$/)).toEqual([]);
    expect(found([args, command("CreateApiKey { name, .. }")], /^ignored-parameter$/)).toEqual(["client/src/args/create.rs:rs-unread-option-field@6", "client/src/args/create.rs:rs-unread-option-field@8"]);
  });
});

describe("unwired-auth (Django): a view class guarded where its route is registered", () => {
  const views = { path: "umap/views.py", content: lines(
    "from django.contrib.auth.mixins import LoginRequiredMixin",
    "from django.views.generic import CreateView, DeleteView, DetailView",
    "",
    "class TeamNew(CreateView):",
    "    model = Team",
    "    fields = ['name']",
    "",
    "class TeamDelete(DeleteView):",
    "    model = Team",
    "",
    "class WhoAmI(LoginRequiredMixin, DetailView):",
    "    model = User",
    "",
    "team_delete = TeamDelete.as_view()") };
  const urls = (routes: string[]) => ({ path: "umap/urls.py", content: lines(
    "from django.contrib.auth.decorators import login_required",
    "from django.urls import path",
    "from . import views",
    "from .decorators import team_members_only",
    "from .utils import decorated_patterns",
    "",
    "i18n_urls = []",
    ...routes) });
  test("wrapped by a call handed a guard, in a route list handed to one, or bound to a name a guard wraps", () => {
    expect(found([views, urls([
      "i18n_urls += decorated_patterns(",
      "    [login_required],",
      '    path("team/create/", views.TeamNew.as_view(), name="team_new"),',
      ")",
      'i18n_urls += [path("team/<int:pk>/delete/", login_required(views.team_delete), name="team_delete")]'])], /^unwired-auth$/)).toEqual([]);
    expect(found([views, urls([
      'team_urls = [path("team/create/", views.TeamNew.as_view(), name="team_new")]',
      "i18n_urls += decorated_patterns([login_required, team_members_only], *team_urls)",
      'i18n_urls += [path("team/<int:pk>/delete/", login_required(views.team_delete))]'])], /^unwired-auth$/)).toEqual([]);
  });
  test("...while a route that registers it bare, or a wrapper that names no guard, leaves it reported", () => {
    expect(found([views, urls([
      "i18n_urls += decorated_patterns(",
      "    [never_cache],",
      '    path("team/create/", views.TeamNew.as_view(), name="team_new"),',
      ")",
      'i18n_urls += [path("team/<int:pk>/delete/", views.team_delete)]'])], /^unwired-auth$/)).toEqual(["umap/views.py:py-unguarded-class-view@4", "umap/views.py:py-unguarded-class-view@8"]);
  });
});

describe("prompt-injection: zero-width characters that are data", () => {
  const zwsp = "\u200B";
  test("an entity table's value and a translation catalogue's text are not disguised strings", () => {
    const entities = { path: "server/utils/htmlEntities.js", content: lines("module.exports = {", `  "&ZeroWidthSpace;": "${zwsp}",`, `  "&NoBreak;": "\u2060",`, '  "&amp;": "&",', "};") };
    expect(found([entities], /^prompt-injection$/)).toEqual([]);
    const he = { path: "umap/static/umap/locale/he.js", content: lines("const locale = {", `  "Import data": "ייבוא${zwsp} נתונים",`, "};", "L.registerLocale('he', locale);") };
    expect(found([he], /^prompt-injection$/)).toEqual([]);
  });
  test("...while a compare's literal, and tag characters in a catalogue, are still reported", () => {
    expect(found([{ path: "src/roles.js", content: lines(`if (role === "admin${zwsp}") grantAll();`) }], /^prompt-injection$/)).toEqual(["src/roles.js:ts-invisible-character@1"]);
    const tags = String.fromCodePoint(...[..."ignore previous"].map((c) => 0xe0000 + c.charCodeAt(0)));
    const he = { path: "umap/static/umap/locale/he.js", content: lines("const locale = {", `  "Import data": "ייבוא נתונים${tags}",`, "};") };
    expect(found([he], /^prompt-injection$/)).toEqual(["umap/static/umap/locale/he.js:ts-invisible-character@2"]);
  });
});

describe("unwired-auth (Go): a write registered through a weaker chain than the other writes of its resource", () => {
  const routes = (deleteChain: string, extra: string[] = []) => ({ path: "cmd/web/routes.go", content: lines(
    "package main",
    "",
    "func (app *application) routes() http.Handler {",
    "\trouter := httprouter.New()",
    "\tdynamic := alice.New(app.sessionManager.LoadAndSave, noSurf, app.authenticate)",
    '\trouter.Handler(http.MethodGet, "/meetings/view/:id", dynamic.ThenFunc(app.meetingView))',
    "\tprotected := dynamic.Append(app.requireAuthentication)",
    '\trouter.Handler(http.MethodPost, "/meetings/rsvp/:id", protected.ThenFunc(app.meetingRSVP))',
    "\tadmin := protected.Append(app.requireAdmin)",
    '\trouter.Handler(http.MethodPost, "/meetings/create", admin.ThenFunc(app.meetingCreatePost))',
    `\trouter.Handler(http.MethodPost, "/meetings/delete/:id", ${deleteChain}.ThenFunc(app.meetingDelete))`,
    ...extra,
    "\treturn router",
    "}") });
  test("the delete goes through the chain both other writes' chains are built on: reported", () => {
    expect(found([routes("dynamic")], /^unwired-auth$/)).toEqual(["cmd/web/routes.go:go-weaker-chain@11"]);
  });
  test("...not the member's RSVP (one stronger write above it), nor a delete on the admin chain", () => {
    expect(found([routes("admin")], /^unwired-auth$/)).toEqual([]);
  });
  test("...nor a write that shares its chain with another write of the resource", () => {
    expect(found([routes("dynamic", ['\trouter.Handler(http.MethodPost, "/meetings/archive/:id", dynamic.ThenFunc(app.meetingArchive))'])], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth (Go): a route under a guarded group's prefix registered on a router that guards less", () => {
  const app = (route: string) => ({ path: "actions/app.go", content: lines(
    "package actions",
    "",
    "func App() *buffalo.App {",
    "\tapp := buffalo.New(buffalo.Options{})",
    "\tapp.Use(SetCurrentUser)",
    "\tapp.Use(Authorize)",
    '\tapp.GET("/", HomeHandler)',
    '\tadmin := app.Group("/admin")',
    "\tadmin.Use(RequireAdmin)",
    '\tadmin.GET("/clients", AdminClientsList)',
    '\tadmin.POST("/clients/{client_id}/role", AdminSetRole)',
    `\t${route}`,
    "\treturn app",
    "}") });
  test("app.DELETE(\"/admin/clients/{id}\") beside admin.Use(RequireAdmin) bypasses the group's guard", () => {
    expect(found([app('app.DELETE("/admin/clients/{client_id}", AdminDeleteClient)')], /^unwired-auth$/)).toEqual(["actions/app.go:go-unguarded-route@12"]);
  });
  test("...while the same route on the group, or a route outside its prefix, is guarded by what the router mounts", () => {
    expect(found([app('admin.DELETE("/clients/{client_id}", AdminDeleteClient)')], /^unwired-auth$/)).toEqual([]);
    expect(found([app('app.DELETE("/appointments/{id}", AppointmentsDestroy)')], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth (Rust): a route the outer router registers under a nested router's prefix", () => {
  const blueprint = (refund: string, adminBody = "bp.pre_process(f!(crate::auth::require_admin));") => ({ path: "app/src/blueprint.rs", content: lines(
    "pub fn blueprint() -> Blueprint {",
    "    let mut bp = Blueprint::new();",
    '    bp.route(GET, "/health", f!(crate::routes::health));',
    '    bp.nest_at("/admin", admin_bp());',
    `    ${refund}`,
    "    bp",
    "}",
    "",
    "fn admin_bp() -> Blueprint {",
    "    let mut bp = Blueprint::new();",
    `    ${adminBody}`,
    '    bp.route(POST, "/plans", f!(crate::routes::admin::create_plan));',
    "    bp",
    "}") });
  test("Pavex: bp.route(POST, \"/admin/refunds\", ..) beside bp.nest_at(\"/admin\", admin_bp()) whose builder pre-processes", () => {
    expect(found([blueprint('bp.route(POST, "/admin/refunds", f!(crate::routes::admin::issue_refund));')], /^unwired-auth$/)).toEqual(["app/src/blueprint.rs:rs-route-beside-nest@5"]);
  });
  test("...not a route outside the prefix, nor beside a nested router with no middleware", () => {
    expect(found([blueprint('bp.route(POST, "/billing/refunds", f!(crate::routes::issue_refund));')], /^unwired-auth$/)).toEqual([]);
    expect(found([blueprint('bp.route(POST, "/admin/refunds", f!(crate::routes::admin::issue_refund));', "")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth (Python): snake-case guards named for a check (`has_access`, `is_admin`, `can_edit`)", () => {
  const view = (adjustMarks: string[]) => ({ path: "app/views.py", content: lines(
    "from flask_appbuilder import BaseView, expose, has_access",
    "",
    "class StockOpsView(BaseView):",
    '    route_base = "/stockops"',
    "",
    '    @expose("/dashboard/")',
    "    @has_access",
    "    def dashboard(self):",
    '        return self.render_template("stockops/dashboard.html")',
    "",
    '    @expose("/import/", methods=["GET", "POST"])',
    "    @has_access",
    "    def import_sheet(self):",
    "        return import_rows(request.files['sheet'])",
    "",
    '    @expose("/adjust/<int:item_id>", methods=["POST"])',
    ...adjustMarks,
    "    def adjust(self, item_id):",
    "        record_movement(item_id, int(request.form['delta']))",
    "        return jsonify(ok=True)") });
  test("Flask-AppBuilder's @has_access on two siblings makes the bare POST view a claim", () => {
    expect(found([view([])], /^unwired-auth$/)).toEqual(["app/views.py:py-unguarded-sibling@16"]);
  });
  test("...not once it carries the guard", () => {
    expect(found([view(["    @has_access"])], /^unwired-auth$/)).toEqual([]);
  });
});

describe("swallowed-error: money owed or moved is a record, whatever the comment says", () => {
  const cancel = (call: string) => ({ path: "api/controllers/appointments/cancel-appointment.js", content: lines(
    "module.exports = {",
    "  fn: async function ({ id }) {",
    "    const appointment = await Appointment.findOne({ id });",
    "    try {",
    `      await ${call};`,
    "    } catch (unusedErr) {",
    "      // Finance reconciles these from the provider dashboard.",
    "    }",
    "    return appointment;",
    "  },",
    "};") });
  test("a refund swallowed under a comment is reported; a cache warm-up under the same comment is not", () => {
    expect(found([cancel("sails.helpers.payments.refund(appointment.paymentIntentId, appointment.amountPaid)")], /^swallowed-error$/)).toEqual(["api/controllers/appointments/cancel-appointment.js:ts-empty-catch@6"]);
    expect(found([cancel("sails.helpers.cache.warm(appointment.id)")], /^swallowed-error$/)).toEqual([]);
  });
  const booking = (call: string) => ({ path: "internal/handlers/bookings.go", content: lines(
    "package handlers",
    "",
    "func (h *Handler) Create(ctx context.Context, b Booking) error {",
    "\tif err := h.Store.Save(ctx, b); err != nil {",
    "\t\treturn err",
    "\t}",
    "\t// reconciled nightly",
    `\t_ = ${call}`,
    "\treturn nil",
    "}") });
  test("a dropped invoice under a comment is a claim; a dropped notification under the same comment is left alone", () => {
    expect(found([booking("h.Billing.CreateInvoice(ctx, b.ID)")], /^swallowed-error$/)).toEqual(["internal/handlers/bookings.go:go-discarded-error@8"]);
    expect(found([booking("h.Notifier.Ping(ctx, b.ID)")], /^swallowed-error$/)).toEqual([]);
  });
});
