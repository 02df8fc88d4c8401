// Readings of the thirteenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { placeOfPath } from "../pipeline/rules/place";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("unwired-auth: the odd procedure of a router built from a weaker builder than its siblings", () => {
  const trpc = (defs: string[]) => ({ path: "src/trpc.ts", content: lines(
    'import { initTRPC } from "@trpc/server";',
    "const t = initTRPC.context<Context>().create();",
    "export const router = t.router;",
    ...defs) });
  const routerFile = (odd: string, key = "resetPin", body = "({ input }) => resetPin(input.driverId)") => ({ path: "src/routers/admin.ts", content: lines(
    'import { adminProcedure, protectedProcedure, publicProcedure, router } from "../trpc";',
    "export const adminRouter = router({",
    "  deactivate: adminProcedure.input(idInput).mutation(({ input }) => deactivate(input.id)),",
    `  ${key}: ${odd}.input(idInput).mutation(${body}),`,
    "  retire: adminProcedure.input(idInput).mutation(({ input }) => retire(input.id)),",
    "});") });
  const chained = ["export const publicProcedure = t.procedure.use(timing);", "export const protectedProcedure = publicProcedure.use(isAuthed);", "export const adminProcedure = protectedProcedure.use(isAdmin);"];
  test("a member built from a builder its siblings' builder derives from (in another file) is reported", () => {
    expect(found([trpc(chained), routerFile("protectedProcedure")], /^unwired-auth$/)).toEqual(["ts-weaker-procedure@4"]);
    expect(found([trpc(chained), routerFile("publicProcedure")], /^unwired-auth$/)).toEqual(["ts-weaker-procedure@4"]);
  });
  test("...not when the odd builder derives from the siblings' one (it guards more)", () => {
    const flipped = ["export const publicProcedure = t.procedure;", "export const adminProcedure = publicProcedure.use(isAuthed);", "export const protectedProcedure = adminProcedure.use(isAdmin);"];
    expect(found([trpc(flipped), routerFile("protectedProcedure")], /^unwired-auth$/)).toEqual([]);
  });
  test("...nor when the two builders are unrelated: each may be a complete guard", () => {
    const apart = ["export const protectedProcedure = t.procedure.use(isAuthed).use(enforceAccess);", "export const adminProcedure = t.procedure.use(isAdmin);"];
    expect(found([trpc(apart), routerFile("protectedProcedure")], /^unwired-auth$/)).toEqual([]);
  });
  test("...nor for a member named for an open purpose or refusing callers itself", () => {
    expect(found([trpc(chained), routerFile("publicProcedure", "login")], /^unwired-auth$/)).toEqual([]);
    const verifies = "async ({ input }) => { if (input.signature !== sign(input.body)) throw new TRPCError({ code: 'UNAUTHORIZED' }); return ingest(input); }";
    expect(found([trpc(chained), routerFile("publicProcedure", "inbound", verifies)], /^unwired-auth$/)).toEqual([]);
  });
});

describe("assertion-free-test (Python): a call told what it must find checks it", () => {
  const base = { path: "tests/unit/test_v3.py", content: lines(
    "import http.client",
    "from tests.unit import rest",
    "",
    "class RestfulTestCase(rest.RestfulTestCase):",
    "    def v3_request(self, path, **kwargs):",
    "        return self.admin_request(path='/v3' + path, **kwargs)",
    "",
    "    def post(self, path, expected_status=http.client.CREATED, **kwargs):",
    "        return self.v3_request(path, method='POST', expected_status=expected_status, **kwargs)",
    "",
    "    def fetch(self, path, expected_status=None, **kwargs):",
    "        return self.v3_request(path, method='GET', **kwargs)") };
  const test_ = (body: string[]) => ({ path: "tests/unit/test_v3_resource.py", content: lines(
    "import http.client",
    "from tests.unit import test_v3",
    "",
    "class ResourceTestCase(test_v3.RestfulTestCase):",
    "    def test_create_domain(self):",
    ...body.map((l) => `        ${l}`)) });
  test("a keyword naming an expectation (`expected_status=404`) hands the check to the call", () => {
    expect(found([base, test_(["self.delete('/projects/x/tags/y', expected_status=http.client.NOT_FOUND)"])], /^assertion-free-test$/)).toEqual([]);
    expect(found([base, test_(["self.delete('/projects/x/tags/y')"])], /^assertion-free-test$/)).toEqual(["py-assertion-free-test@5"]);
  });
  test("...and so does a base-class helper whose expectation has a default it hands on", () => {
    expect(found([base, test_(["self.post('/domains', body={'domain': ref})"])], /^assertion-free-test$/)).toEqual([]);
    // a default of None checks nothing, nor does an expectation the helper never hands on
    expect(found([base, test_(["self.fetch('/domains')"])], /^assertion-free-test$/)).toEqual(["py-assertion-free-test@5"]);
  });
  test("a local named `expected` is not a keyword handed to a call", () => {
    expect(found([base, test_(["expected = make_domain()", "self.delete('/domains/x')"])], /^assertion-free-test$/)).toEqual(["py-assertion-free-test@5"]);
  });
});

describe("assertion-free-test (Python): a test that opens by skipping is skipped", () => {
  const t = (body: string[]) => found([{ path: "tests/test_backend_ldap.py", content: lines(
    "import unittest",
    "",
    "class LDAPIdentity(unittest.TestCase):",
    "    def test_move_user_between_domains(self):",
    ...body.map((l) => `        ${l}`)) }], /^assertion-free-test$/);
  test("a class helper named for skipping, skipTest, pytest.skip, SkipTest, after a docstring", () => {
    expect(t(["self.skip_test_overrides('N/A: LDAP does not support multiple domains')"])).toEqual([]);
    expect(t(['"""Domains are read-only here."""', "self.skipTest('read-only')"])).toEqual([]);
    expect(t(["raise unittest.SkipTest('read-only')"])).toEqual([]);
  });
  test("...while a skip after the work is not an opening skip", () => {
    expect(t(["move_user(1, 2)", "self.skip_cleanup()"])).toEqual(["py-assertion-free-test@4"]);
  });
});

describe("assertion-free-test (Go): a wrapper built from the test handle asserts for it", () => {
  const t = (body: string[]) => found([{ path: "server/console_test.go", content: lines(
    "package server",
    "",
    'import ("testing"; . "github.com/franela/goblin")',
    "",
    "func TestThrottler(t *testing.T) {",
    ...body.map((l) => `\t${l}`),
    "}") }], /^assertion-free-test$/);
  test("goblin's g.Assert(..) on `g := Goblin(t)` is the test's assertion", () => {
    expect(t(["g := Goblin(t)", 'g.Describe("Throttler", func() {', '\tg.It("allows", func() { g.Assert(newThrottler().Allow()).IsTrue() })', "})"])).toEqual([]);
  });
  test("...while a wrapper whose methods check nothing leaves the test assertion-free", () => {
    expect(t(["s := newServer(t)", "s.Start()", "s.Stop()"])).toEqual(["go-assertion-free-test@5"]);
    // a fixture pair whose mock only sets expectations nobody checks
    expect(t(["s, mock := newMock(t)", "mock.ExpectBegin()", "mock.ExpectCommit()", "_ = s.Create(ctx, order)"])).toEqual(["go-assertion-free-test@5"]);
  });
});

describe("assertion-free-test (TypeScript): callback tests that fail on a path", () => {
  const t = (body: string[], params = "done") => found([{ path: "test/nodes/switch_spec.js", content: lines(
    "describe('switch', function () {",
    `  it('drops null payloads', function (${params}) {`,
    ...body.map((l) => `    ${l}`),
    "  });",
    "});") }], /^assertion-free-test$/);
  test("done handed a failure it builds, done only on a branch, done only when an event comes", () => {
    expect(t(["n2.on('input', () => done(new Error('message passed through')));", "n1.receive({ payload: null });", "setTimeout(() => done(), 50);"])).toEqual([]);
    expect(t(["n2.on('input', (msg) => { if (msg.payload === null) { done(); } });", "n1.receive({ payload: null });"])).toEqual([]);
    expect(t(["ws.on('disconnect', () => { done(); });", "ws.close();"])).toEqual([]);
  });
  test("jasmine's fail(..), also handed on as a rejection handler", () => {
    expect(t(["obj.save().then(() => fail('should not save'), () => done());"])).toEqual([]);
    expect(t(["obj.fetch().then(fail, () => {});"], "")).toEqual([]);
  });
  test("...while done(err) in a catch and a done() at the end check nothing", () => {
    expect(t(["runtime.start().then(() => {", "  try { log.warn.calledWithMatch('x'); done(); } catch (err) { done(err); }", "});"])).toEqual(["ts-assertion-free-test@2"]);
  });
});

describe("assertion-free-test (TypeScript): a helper of another test file that renders makes a smoke test", () => {
  const helper = { path: "test/genericFunctions.jsx", content: lines(
    "import { render } from '@testing-library/react';",
    "export const getCreateView = async (schemaObj) => {",
    "  await act(async () => { render(<SchemaView schema={schemaObj} mode='create' />); });",
    "};",
    "export const openDialog = async (schemaObj) => { await act(async () => { schemaObj.open(); }); };") };
  const spec = (call: string) => ({ path: "test/schema_ui_files/domain.ui.spec.js", content: lines(
    "import { getCreateView, openDialog } from '../genericFunctions';",
    "describe('DomainSchema', () => {",
    `  it('create', async () => { await ${call}(new DomainSchema()); });`,
    "});") });
  test("a test whose only call reaches a rendering helper is a smoke note", () => {
    expect(found([helper, spec("getCreateView")], /^assertion-free-test$/)).toEqual(["ts-assertion-free-test@3 note"]);
  });
  test("...and one whose helper neither renders nor asserts is still reported", () => {
    expect(found([helper, spec("openDialog")], /^assertion-free-test$/)).toEqual(["ts-assertion-free-test@3"]);
  });
});

describe("unwired-auth (Go): echo hands route middleware after the handler", () => {
  const routes = (post: string) => found([{ path: "internal/web/server/router.go", content: lines(
    "package server",
    "",
    "func (s *Server) registerRoutes() {",
    '\tr := NewRouter(s.echo.Group(""))',
    '\tr.GET("/-/all", gist.AllGists, checkRequireLogin, setMode("all"))',
    '\tr.GET("/-/liked", gist.AllGists, checkRequireLogin, setMode("liked"))',
    `\t${post}`,
    "}") }], /^unwired-auth$/);
  test("a state-changing route handing its own middleware after its handler is not claimed bare", () => {
    expect(routes('r.POST("/", gist.ProcessCreate, logged)')).toEqual([]);
  });
  test("...while one handing nothing but its handler is", () => {
    expect(routes('r.POST("/", gist.ProcessCreate)')).toEqual(["go-unguarded-route@7"]);
  });
});

describe("unwired-auth (TypeScript): a server action that skips the gate its module's actions open with", () => {
  const actions = (cancelBody: string[]) => found([{ path: "app/actions/appointments.ts", content: lines(
    '"use server";',
    'import { auth } from "@/auth";',
    "export async function bookAppointmentAction(formData: FormData) {",
    "  const session = await auth();",
    '  if (!session?.user?.id) redirect("/login");',
    "  await createAppointment(session.user.id, formData);",
    "}",
    "export async function cancelAppointmentAction(appointmentId: string, reason: string) {",
    ...cancelBody.map((l) => `  ${l}`),
    "}",
    "export async function dismissBannerAction(_prev: BannerState, formData: FormData) {",
    "  const session = await auth();",
    "  if (!session?.user?.id) return { dismissed: false };",
    "  await dismiss(session.user.id, formData);",
    "}") }], /^unwired-auth$/);
  test("an export that never calls the gate is reported, whatever its parameters", () => {
    expect(actions(["const appt = await getAppointment(appointmentId);", "await cancelAppointment(appt.id, reason);"])).toEqual(["ts-unguarded-peer@8"]);
  });
  test("...not when it calls the gate, or decides about the caller itself", () => {
    expect(actions(["const session = await auth();", "if (!session) throw new Error('unauthorized');", "await cancelAppointment(appointmentId, reason);"])).toEqual([]);
    expect(actions(["const user = await currentUser();", "if (!user) throw new Error('Unauthorized');", "await cancelAppointment(appointmentId, reason);"])).toEqual([]);
  });
});

describe("place: acceptance suites are test code", () => {
  test("files under acceptance/ are test code; a shipped module's name that only contains the word is not", () => {
    expect(placeOfPath("acceptance/support/s3.ts")).toBe("test");
    expect(placeOfPath("src/terms/acceptance.ts")).toBe("shipped");
  });
});

describe("assertion-free-test: the value the test is about goes unread", () => {
  test("Python: a CapWords method of a fixture the test is handed (`stub.Redeem(..)`) is a call, not a constructor", () => {
    const t = (call: string) => found([{ path: "tests/test_ledger.py", content: lines(
      "def test_redeem_points(stub, payouts):",
      `    ${call}(ledger_pb2.RedeemRequest(account_id="acct-1", points=200), metadata=bearer(TOKEN))`) }], /^assertion-free-test$/);
    expect(t("stub.Redeem")).toEqual(["py-assertion-free-test@1"]);
    // a class reached through its module is still a construction whose throw is the check
    expect(t("models.Redemption")).toEqual(["py-assertion-free-test@1 note"]);
  });
  test("Rust: a last statement binding an unused name, unwrapped first, only checked that the call succeeded: a smoke note", () => {
    const t = (last: string) => found([{ path: "tests/api.rs", content: lines(
      "#[async_std::test]",
      "async fn lists_shipments_for_customer() {",
      "    let h = setup().await;",
      "    let mut res: Response = h.app.respond(request(Method::Get, \"/api/v1/shipments\")).await.unwrap();",
      `    ${last}`,
      "}") }], /^assertion-free-test$/);
    expect(t("let _body = res.body_string().await.unwrap();")).toEqual(["rs-assertion-free-test@2 note"]);
    expect(t("assert_eq!(res.status(), 200);")).toEqual([]);
  });
});

describe("insecure-compare: codes, hashes and reset views", () => {
  test("Python: a bare token compared in a view class named for a password reset", () => {
    const t = (cls: string) => found([{ path: "toolshed/auth.py", content: lines(
      `class ${cls}(MethodView):`,
      "    def post(self, args):",
      "        reset = load_reset(args['member_id'])",
      "        if reset.token != args['token']:",
      "            abort(400, message='reset link invalid')") }], /^insecure-compare$/);
    expect(t("PasswordResetConfirm")).toEqual(["py-insecure-compare@4"]);
    expect(t("ShelfLabels")).toEqual([]);
  });
  test("Rust: an invite code is a credential by name", () => {
    const t = (field: string) => found([{ path: "src/handlers/user.rs", content: lines(
      "pub async fn join_staff(cfg: Arc<Config>, code: String) -> HandlerResult {",
      `    if code.trim() == cfg.${field} {`,
      "        grant_staff().await?;",
      "    }",
      "    Ok(())",
      "}") }], /^insecure-compare$/);
    expect(t("admin_invite_code")).toEqual(["rs-insecure-compare@2"]);
    expect(t("country_code")).toEqual([]);
  });
});
