// Panel-8 fixes (names that look like values, record ids with a vendor-like prefix, compares against constants,
// Go template errors after the response is written): each shape with a case the floor must stay quiet on and a
// decoy it must still report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const secrets = (path: string, content: string) => foundIn([{ path, content }], /^hardcoded-secret$/);

describe("hardcoded-secret: a value shaped like a name", () => {
  test("CSS custom properties and camelCase or PascalCase word runs are names, not credentials", () => {
    expect(secrets("src/theme.ts", lines(
      "export const palette = [",
      '  { name: "surface", token: "--surface-elevated-900" },',
      '  { name: "accent", token: "--accent-mint-300" },',
      "];",
      'const permissionKey = { grantToken: "allowInviteTokenReuse" };',
      'export const SECRET_FIELD = "ServerSigningSecret";'))).toEqual([]);
  });
  test("a random run under a secret name is still reported", () => {
    expect(secrets("src/theme.ts", lines(
      'const uploadToken = "--u7Hq2ZmR4kTx9WbLs3Ve";',
      'const apiSecret = "qT7mWx2LpZ9vRk4NbY3c";'))).toEqual(["hardcoded-secret@src/theme.ts:1", "hardcoded-secret@src/theme.ts:2"]);
  });
});

describe("hardcoded-secret: a vendor-shaped literal bound to an id", () => {
  test("record ids share the prefix-and-random-tail shape and are not reported", () => {
    expect(secrets("src/webhooks/samples.ts", lines(
      "export const sampleEvent = {",
      '  id: "evt_9RqT2mXw7LpZk4NbY3cV",',
      '  customerId: "cus_4Hq8ZmR2kTx7WbLs9VeP",',
      '  team_id: "team_Jk3Lm9Pq2Rs7Tu4Vw8Xy",',
      "};"))).toEqual([]);
  });
  test("the same shape under any other name is reported", () => {
    expect(secrets("src/billing.ts", lines(
      "export const client = new Billing({",
      '  auth: "sk_live_9RqT2mXw7LpZk4NbY3cV",',
      "});"))).toEqual(["hardcoded-secret@src/billing.ts:2"]);
  });
});

const compares = (...files: { path: string; content: string }[]) => foundIn(files, /^insecure-compare$/);

describe("insecure-compare (Go): a compare against a package's declaration", () => {
  const authn = lines(
    "package authz",
    "",
    "const (",
    "\tAuthnTypeCookie = iota",
    "\tAuthnTypeAuthorization",
    ")",
    "",
    "func classify(a Authn) string {",
    "\tif a.Type == AuthnTypeAuthorization {",
    '\t\treturn "header"',
    "\t}",
    '\treturn "cookie"',
    "}");
  test("a constant of the file's own package names a case, not a secret", () => {
    expect(compares({ path: "internal/authz/authn.go", content: authn })).toEqual([]);
  });
  test("a dependency's exported name (a package no walked file belongs to) is its API, not configuration", () => {
    expect(compares({ path: "internal/authz/intro.go", content: lines(
      "package authz",
      "",
      'import "github.com/acme/oauthkit"',
      "",
      "func isAccess(use string) bool {",
      "\treturn use == oauthkit.AccessToken",
      "}",
      "",
      "func isProxyHeader(name string) bool {",
      "\treturn strings.EqualFold(oauthkit.HeaderProxyAuthorization, name)",
      "}") })).toEqual([]);
  });
  test("a package-level var loaded from the environment is compared in time: reported", () => {
    const files = [
      { path: "internal/conf/conf.go", content: lines("package conf", "", 'import "os"', "", 'var ServiceToken = os.Getenv("SERVICE_TOKEN")') },
      { path: "internal/authz/admin.go", content: lines(
        "package authz",
        "",
        'import "example.com/app/internal/conf"',
        "",
        "func allowAdmin(r *http.Request) bool {",
        '\treturn r.Header.Get("X-Admin") == conf.ServiceToken',
        "}") },
      { path: "internal/authz/local.go", content: lines(
        "package authz",
        "",
        'var sharedSecret = os.Getenv("SHARED_SECRET")',
        "",
        "func allowPeer(r *http.Request) bool {",
        '\treturn r.Header.Get("X-Peer") == sharedSecret',
        "}") },
    ];
    expect(compares(...files)).toEqual(["insecure-compare@internal/authz/admin.go:6", "insecure-compare@internal/authz/local.go:6"]);
  });
});

describe("swallowed-error (Go): a failed write of the response body is only logged", () => {
  const handler = (call: string) => lines(
    "package web",
    "",
    "func handleArchive(app *App, w http.ResponseWriter, r *http.Request) error {",
    "\tpage := app.archivePage(r)",
    `\terr := ${call}`,
    "\tif err != nil {",
    '\t\tlog.Error("render archive: %v", err)',
    "\t}",
    "\treturn nil",
    "}");
  test("a template executed into the handler's ResponseWriter has already streamed: logging is all that is left", () => {
    expect(foundIn([{ path: "web/archive.go", content: handler('pages["archive"].ExecuteTemplate(w, "archive", page)') }], /^swallowed-error$/)).toEqual([]);
  });
  test("the same logged-only failure of a store write is still reported", () => {
    expect(foundIn([{ path: "web/archive.go", content: handler("app.db.SaveArchive(page.ID)") }], /^swallowed-error$/)).toEqual(["swallowed-error@web/archive.go:6"]);
  });
});

describe("swallowed-error (Go): a call handed the ResponseWriter that is not the response's last word", () => {
  test("a session saved into the writer before a redirect could still have answered its failure: reported", () => {
    expect(foundIn([{ path: "web/login.go", content: lines(
      "package web",
      "",
      "func handleLogin(app *App, w http.ResponseWriter, r *http.Request) error {",
      "\tsession := app.sessions.Get(r)",
      "\terr := session.Save(r, w)",
      "\tif err != nil {",
      '\t\tlog.Error("login: save session: %v", err)',
      "\t}",
      '\thttp.Redirect(w, r, "/", http.StatusFound)',
      "\treturn nil",
      "}") }], /^swallowed-error$/)).toEqual(["swallowed-error@web/login.go:6"]);
  });
});

describe("assertion-free-test (Python): Playwright's web-first assertions", () => {
  const browserTest = (check: string) => lines(
    "from playwright.sync_api import Page, expect",
    "",
    "def test_create_calendar(page: Page, server: str) -> None:",
    '    page.goto(server + "/calendars")',
    "    page.click('a[data-name=\"new\"]')",
    `    ${check}`);
  test("expect(locator).to_be_visible() is an assertion", () => {
    expect(foundIn([{ path: "integ_tests/test_calendars.py", content: browserTest('expect(page.locator("#create")).to_be_visible()') }], /^assertion-free-test$/)).toEqual([]);
    expect(foundIn([{ path: "integ_tests/test_calendars.py", content: browserTest('expect(page.locator("#create")).not_to_have_class("busy")') }], /^assertion-free-test$/)).toEqual([]);
  });
  test("a test that only clicks and reads is still reported", () => {
    expect(foundIn([{ path: "integ_tests/test_calendars.py", content: browserTest('title = page.locator("#create").inner_text()') }], /^assertion-free-test$/)).toEqual(["assertion-free-test@integ_tests/test_calendars.py:3"]);
  });
});

describe("hardcoded-secret: a translated label under a secret name", () => {
  test("a value with characters outside printable ASCII is prose", () => {
    expect(secrets("src/locales/es/account.ts", lines(
      "export const account = {",
      '  password: "Contraseña",',
      '  api_key: "Clave_de_API_pública",',
      "};"))).toEqual([]);
  });
  test("an ASCII credential in the same place is reported", () => {
    expect(secrets("src/locales/es/account.ts", lines(
      "export const account = {",
      '  password: "Xq7#mZ2pLw9!vR4t",',
      "};"))).toEqual(["hardcoded-secret@src/locales/es/account.ts:2"]);
  });
});

describe("ignored-parameter (Go): an unread context", () => {
  const method = (body: string) => lines(
    "package oidc",
    "",
    "func (c *Config) GetRefreshTokenLifespan(ctx context.Context) time.Duration {",
    `\t${body}`,
    "}");
  test("a getter that keeps the context its interface requires drops nothing", () => {
    expect(foundIn([{ path: "internal/oidc/config.go", content: method("return c.Lifespans.RefreshToken") }], /^ignored-parameter$/)).toEqual([]);
  });
  test("work started under a fresh context drops the caller's cancellation: reported", () => {
    expect(foundIn([{ path: "internal/oidc/config.go", content: method("return c.store.Lifespan(context.Background())") }], /^ignored-parameter$/)).toEqual(["ignored-parameter@internal/oidc/config.go:3"]);
  });
});

describe("swallowed-error (Go): a dropped call the repository declares without an error", () => {
  const handler = { path: "server/api/repo.go", content: lines(
    "package api",
    "",
    "func PatchRepo(c *gin.Context) {",
    "\trepo := session.Repo(c)",
    "\tin := new(model.RepoPatch)",
    "\tif err := c.Bind(in); err != nil {",
    "\t\tc.AbortWithStatus(http.StatusBadRequest)",
    "\t\treturn",
    "\t}",
    "\trepo.Update(in)",
    '\tc.JSON(http.StatusOK, repo)',
    "}") };
  const model = (result: string) => ({ path: "server/model/repo.go", content: lines(
    "package model",
    "",
    `func (r *Repo) Update(from *RepoPatch)${result} {`,
    "\tif from.Name != nil {",
    "\t\tr.Name = *from.Name",
    "\t}",
    result ? "\treturn nil" : "",
    "}") });
  test("every declaration answers no error: nothing was dropped", () => {
    expect(foundIn([handler, model("")], /^swallowed-error$/)).toEqual([]);
  });
  test("a declaration that answers an error keeps the drop reported", () => {
    expect(foundIn([handler, model(" error")], /^swallowed-error$/)).toEqual(["swallowed-error@server/api/repo.go:10"]);
  });
});

describe("swallowed-error (Go): a call handed the ResponseWriter before a returned answer", () => {
  test("a session saved before the handler returns a redirect for the framework to write: reported", () => {
    expect(foundIn([{ path: "web/unlock.go", content: lines(
      "package web",
      "",
      "func handleUnlock(app *App, w http.ResponseWriter, r *http.Request) error {",
      "\tsession := app.sessions.Get(r)",
      "\terr := session.Save(r, w)",
      "\tif err != nil {",
      '\t\tlog.Error("unlock: save session: %v", err)',
      "\t}",
      '\treturn HTTPError{http.StatusFound, "/"}',
      "}") }], /^swallowed-error$/)).toEqual(["swallowed-error@web/unlock.go:6"]);
  });
});

describe("unwired-auth (Go): an exported method named like a guard", () => {
  const config = lines(
    "package oidc",
    "",
    "// GetAuthorizeEndpointHandlers returns the handlers the provider runs at the authorize endpoint.",
    "func (c *Config) GetAuthorizeEndpointHandlers(ctx context.Context) AuthorizeEndpointHandlers {",
    "\treturn c.Handlers.Authorize",
    "}");
  test("a library may call it through an interface: its name alone is no evidence", () => {
    expect(foundIn([{ path: "internal/oidc/config.go", content: config }], /^unwired-auth$/)).toEqual([]);
  });
  test("unexported, or middleware by its shape, an unreferenced guard is still reported", () => {
    const unexported = config.replaceAll("GetAuthorizeEndpointHandlers", "requireAdminSession");
    expect(foundIn([{ path: "internal/oidc/config.go", content: unexported }], /^unwired-auth$/)).toEqual(["unwired-auth@internal/oidc/config.go:4"]);
    expect(foundIn([{ path: "internal/web/mw.go", content: lines(
      "package web",
      "",
      "func (m *Middleware) RequireAdmin(next http.Handler) http.Handler {",
      "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
      '\t\tif !m.isAdmin(r) { http.Error(w, "forbidden", http.StatusForbidden); return }',
      "\t\tnext.ServeHTTP(w, r)",
      "\t})",
      "}") }], /^unwired-auth$/)).toEqual(["unwired-auth@internal/web/mw.go:3"]);
  });
});

describe("swallowed-error (Go): which declaration a dropped call means", () => {
  const handler = (call: string) => ({ path: "server/api/user.go", content: lines(
    "package api",
    "",
    "func CreateDefaultUser(db *gorm.DB, name string) {",
    "\tuser := &model.User{Name: name}",
    `\t${call}`,
    "}") });
  const apiCreate = { path: "server/api/handlers.go", content: lines(
    "package api",
    "",
    "func (a *UserAPI) Create(ctx *gin.Context) {",
    "\tctx.JSON(201, nil)",
    "}") };
  test("a library's method named like a handler of the repository is not that handler: reported", () => {
    expect(foundIn([handler("db.Create(user)"), apiCreate], /^swallowed-error$/)).toEqual(["swallowed-error@server/api/user.go:5"]);
  });
});

describe("swallowed-error (Go): template output followed by background work", () => {
  test("a goroutine after the render returns nothing the framework writes", () => {
    expect(foundIn([{ path: "web/post.go", content: lines(
      "package web",
      "",
      "func viewPost(app *App, w http.ResponseWriter, r *http.Request) error {",
      "\tp := app.post(r)",
      '\tif err := tmpl.ExecuteTemplate(w, "post", p); err != nil {',
      '\t\tlog.Error("render post: %v", err)',
      "\t}",
      "\tgo func() {",
      "\t\tif p.OwnerID == 0 {",
      "\t\t\treturn",
      "\t\t}",
      "\t\tapp.countView(p.ID)",
      "\t}()",
      "\treturn nil",
      "}") }], /^swallowed-error$/)).toEqual([]);
  });
});

describe("swallowed-error (Go): an error logged, then returned after other work", () => {
  const fn = (between: string) => lines(
    "package store",
    "",
    "func (s *Service) Archive(ctx context.Context, id string) error {",
    "\terr := s.repo.Delete(ctx, id)",
    "\tif err != nil {",
    '\t\tlog.Printf("archive %s: %v", id, err)',
    "\t}",
    `\t${between}`,
    "\treturn err",
    "}");
  test("handed to the caller a few statements later, it was not swallowed", () => {
    expect(foundIn([{ path: "store/archive.go", content: fn("s.metrics.Inc(\"archive\")") }], /^swallowed-error$/)).toEqual([]);
  });
  test("overwritten before the return, the logged failure is gone: reported", () => {
    expect(foundIn([{ path: "store/archive.go", content: fn("err = s.audit.Record(ctx, id)") }], /^swallowed-error$/)).toEqual(["swallowed-error@store/archive.go:5"]);
  });
});

describe("hardcoded-secret: names, routes and sample data", () => {
  test("a camelCase custom property, an env var's name in any case, a namespaced property, a route key", () => {
    expect(secrets("src/ui/settings.ts", lines(
      'export const nav = [{ token: "--color-customDashboards", usedBy: "nav" }];',
      'export const envFor = { cookie_secret: "APP__server_COOKIE_SECRET" };',
      "export class Share {",
      '  static #_SHARE_TOKEN = "APP:share-token";',
      "}",
      'export const operations = { "PATCH /users/:userId/password": "Upd4tePassw0rdOp" };'))).toEqual([]);
  });
  test("a credential three data literals deep is a sample payload; one or two deep it is configuration", () => {
    expect(secrets("src/sources/chat.ts", lines(
      "export const examples = [",
      '  { name: "message", payload: { event: { token: "Jhj5dZrVaK7ZwHHjRyZWjbDl" } } },',
      "];"))).toEqual([]);
    expect(secrets("src/sources/chat.ts", lines(
      'export const config = { chat: { token: "Jhj5dZrVaK7ZwHHjRyZWjbDl" } };'))).toEqual(["hardcoded-secret@src/sources/chat.ts:1"]);
  });
});

describe("assertion-free-test (Python): a helper method of the test's base class asserts", () => {
  const helpers = { path: "app/tests/helpers.py", content: lines(
    "from rest_framework.test import APITestCase",
    "",
    "class ApiTestCase(APITestCase):",
    "    def get(self, url, expected_status_code=200):",
    "        response = self.client.get(url)",
    "        self.assertEqual(response.status_code, expected_status_code)",
    "        return response") };
  const testFile = (base: string) => ({ path: "app/tests/test_bookmarks_api.py", content: lines(
    "from app.tests.helpers import ApiTestCase",
    "",
    `class BookmarksApiTest(${base}):`,
    "    def test_list_bookmarks(self):",
    // no expectation keyword: the call is checked only by the helper's default, so only where the base has the helper
    '        self.get("/api/bookmarks/")') });
  test("self.get(..) of ApiTestCase, defined in another test file, asserts for it", () => {
    expect(foundIn([helpers, testFile("ApiTestCase")], /^assertion-free-test$/)).toEqual([]);
  });
  test("the same call in a class that does not extend it is reported", () => {
    expect(foundIn([helpers, testFile("APITestCase")], /^assertion-free-test$/)).toEqual(["assertion-free-test@app/tests/test_bookmarks_api.py:4"]);
  });
});

describe("assertion-free-test (TypeScript): Cypress's implicit assertions", () => {
  const spec = (body: string) => lines(
    'describe("dashboards", () => {',
    '  it("saves a dashboard", () => {',
    '    cy.intercept("POST", "/api/dashboards").as("save");',
    '    cy.get("[data-test=save]").click();',
    `    ${body}`,
    "  });",
    "});");
  test("cy.contains(..) and cy.wait(\"@alias\") fail the test when nothing comes", () => {
    expect(foundIn([{ path: "cypress/e2e/dashboards.cy.ts", content: spec('cy.contains("Dashboard saved");') }], /^assertion-free-test$/)).toEqual([]);
    expect(foundIn([{ path: "cypress/e2e/dashboards.cy.ts", content: spec('cy.wait("@save");') }], /^assertion-free-test$/)).toEqual([]);
  });
  test("clicking alone checks nothing: reported", () => {
    expect(foundIn([{ path: "cypress/e2e/dashboards.cy.ts", content: spec('cy.get("[data-test=close]").click();') }], /^assertion-free-test$/)).toEqual(["assertion-free-test@cypress/e2e/dashboards.cy.ts:2"]);
  });
});

describe("swallowed-error (Go): a secondary failure logged on the error path", () => {
  const fn = (ret: string) => lines(
    "package pipeline",
    "",
    "func (s *Service) Create(ctx context.Context, p *Pipeline) error {",
    "\tif p.Filtered() {",
    "\t\terr := s.store.DeletePipeline(p)",
    "\t\tif err != nil {",
    '\t\t\tlog.Error().Err(err).Msg("delete filtered pipeline")',
    "\t\t}",
    `\t\t${ret}`,
    "\t}",
    "\treturn nil",
    "}");
  test("the function goes on to answer its caller a failure: not swallowed", () => {
    expect(foundIn([{ path: "server/pipeline/create.go", content: fn("return ErrFiltered") }], /^swallowed-error$/)).toEqual([]);
  });
  test("the function goes on to answer success: reported", () => {
    expect(foundIn([{ path: "server/pipeline/create.go", content: fn("return nil") }], /^swallowed-error$/)).toEqual(["swallowed-error@server/pipeline/create.go:6"]);
  });
});
