// Readings of the sixteenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("unwired-auth (TS): middleware imported from another file that decides access guards the route, whatever its name", () => {
  // anything-llm's endpoints: `[validatedRequest, flexUserRoleValid([..])]` on every route, one sibling with an SSO
  // switch whose name reads as a guard; the two shared ones are guards by their shape in utils/middleware.
  const routes = { path: "server/endpoints/admin.js", content: lines(
    'const { validatedRequest } = require("../utils/middleware/validatedRequest");',
    'const { flexUserRoleValid } = require("../utils/middleware/roles");',
    'const { simpleSSOLoginDisabledMiddleware } = require("../utils/middleware/sso");',
    "function adminEndpoints(app) {",
    '  app.post(',
    '    "/admin/invite/new",',
    '    [',
    "      validatedRequest,",
    '      flexUserRoleValid([ROLES.admin]),',
    "      simpleSSOLoginDisabledMiddleware,",
    "    ],",
    "    async (req, res) => {",
    "      res.json(await Invite.create(req.body));",
    "    });",
    '  app.post("/admin/users/new", [validatedRequest, flexUserRoleValid([ROLES.admin])], async (req, res) => {',
    "    res.json(await User.create(req.body));",
    "  });",
    "}",
    "module.exports = { adminEndpoints };") };
  const validated = (refuses: boolean) => ({ path: "server/utils/middleware/validatedRequest.js", content: lines(
    "async function validatedRequest(request, response, next) {",
    '  const token = (request.header("Authorization") || "").split(" ")[1];',
    refuses ? '  if (!token || !(await verifyToken(token))) return response.status(401).json({ error: "No auth token found." });' : "  request.token = token;",
    "  next();",
    "}",
    "module.exports = { validatedRequest };") });
  const roles = (refuses: boolean) => ({ path: "server/utils/middleware/roles.js", content: lines(
    "function flexUserRoleValid(allowedRoles) {",
    "  return async (request, response, next) => {",
    "    const user = await userFromSession(request, response);",
    refuses ? "    if (!allowedRoles.includes(user?.role)) return response.sendStatus(403).end();" : "    response.locals.user = user;",
    "    next();",
    "  };",
    "}",
    "module.exports = { flexUserRoleValid };") });
  test("a route handing the shared guards is not reported for lacking its sibling's extra middleware", () => {
    expect(found([routes, validated(true), roles(true)], /^unwired-auth$/)).toEqual([]);
  });
  test("...a factory's closure that refuses counts as well as a plain function", () => {
    expect(found([routes, validated(false), roles(true)], /^unwired-auth$/)).toEqual([]);
  });
  test("...while middleware that decides nothing leaves the route reported", () => {
    expect(found([routes, validated(false), roles(false)], /^unwired-auth$/)).toEqual(["server/endpoints/admin.js:ts-unguarded-route@15"]);
  });
  test("a named function expression assigned to a member is a definition (`authorization.isPermitted = function isPermitted(..)`)", () => {
    const endpoints = { path: "lib/authorization/endpoints.js", content: lines(
      "function init(env, authorization) {",
      "  const endpoints = express.Router();",
      "  endpoints.post('/subjects', authorization.isPermitted('admin:api:subjects:create'), adminOnlySso, function createSubject(req, res) {",
      "    authorization.storage.createSubject(req.body, (err, created) => res.json(created));",
      "  });",
      "  endpoints.delete('/subjects/:_id', authorization.isPermitted('admin:api:subjects:delete'), function deleteSubject(req, res) {",
      "    authorization.storage.removeSubject(req.params._id, () => res.json({}));",
      "  });",
      "  return endpoints;",
      "}",
      "function adminOnlySso(req, res, next) { if (!req.session || !req.session.admin) return res.sendStatus(401); next(); }",
      "module.exports = init;") };
    const index = (refuses: boolean) => ({ path: "lib/authorization/index.js", content: lines(
      "function init(env) {",
      "  const authorization = {};",
      "  authorization.isPermitted = function isPermitted(permission) {",
      "    return function check(req, res, next) {",
      refuses ? "      if (!authorization.resolve(req).can(permission)) return res.sendStatus(401);" : "      req.permission = permission;",
      "      next();",
      "    };",
      "  };",
      "  return authorization;",
      "}",
      "module.exports = init;") });
    expect(found([endpoints, index(true)], /^unwired-auth$/)).toEqual([]);
    expect(found([endpoints, index(false)], /^unwired-auth$/)).toEqual(["lib/authorization/endpoints.js:ts-unguarded-route@6"]);
  });
});

describe("stub (Python): NotImplementedError as a plugin family's protocol, answered by the repository's dispatcher", () => {
  const plugin = { path: "alerta/plugins/blackout.py", content: lines(
    "from alerta.plugins import PluginBase",
    "",
    "class BlackoutHandler(PluginBase):",
    "    def pre_receive(self, alert, **kwargs):",
    "        return alert",
    "",
    "    def take_action(self, alert, action, text, **kwargs):",
    "        raise NotImplementedError") };
  const dispatcher = (caught: string) => ({ path: "alerta/utils/api.py", content: lines(
    "def process_action(alert, action, text):",
    "    for plugin in plugins.routing(alert):",
    "        try:",
    "            updated = plugin.take_action(alert, action, text)",
    `        except ${caught}:`,
    "            pass",
    "        except Exception as e:",
    "            logging.error('plugin %s failed: %s', plugin.name, e)",
    "    return alert") });
  test("a take_action the dispatcher calls inside `except NotImplementedError` is no stub", () => {
    expect(found([plugin, dispatcher("NotImplementedError")], /^stub$/)).toEqual([]);
  });
  test("...nor when the error sits in a tuple of the clause", () => {
    expect(found([plugin, dispatcher("(NotImplementedError, AttributeError)")], /^stub$/)).toEqual([]);
  });
  test("...while a dispatcher that catches something else leaves the stub reported", () => {
    expect(found([plugin, dispatcher("KeyError")], /^stub$/)).toEqual(["alerta/plugins/blackout.py:py-not-implemented@8"]);
  });
});

describe("stub (Python): a class named in the bases of a run-time `type(name, bases, dict)` is extended", () => {
  const builder = (bases: string) => ({ path: "alerta/database/base.py", content: lines(
    "class QueryBuilder:",
    "    def __init__(self, backend):",
    "        cls = backend.QueryBuilder",
    `        self.__class__.alerts = type('AlertsQueryBuilder', (${bases}), {})`,
    "",
    "    class Alerts:",
    "        @staticmethod",
    "        def from_params(params, customers=None):",
    "            raise NotImplementedError('AlertsQueryBuilder has no from_params() method for alerts')") });
  test("`type('AlertsQueryBuilder', (cls.Alerts, self.Alerts, QueryBuilder), {})` extends Alerts", () => {
    expect(found([builder("cls.Alerts, self.Alerts, QueryBuilder")], /^stub$/)).toEqual([]);
  });
  test("...while a type() call whose bases leave Alerts out extends nothing here", () => {
    expect(found([builder("cls.Heartbeats, QueryBuilder")], /^stub$/)).toEqual(["alerta/database/base.py:py-not-implemented@9"]);
  });
});

describe("ignored-parameter (TS): an options object typed in place declares its own members, not a nested type's", () => {
  const submit = (reads: string) => ({ path: "src/flow/submitValues.ts", content: lines(
    "export async function validateSubmitForm(options: {",
    "  form?: { validateFields?: (nameList?: any) => Promise<any> } | null;",
    "  skipValidator?: boolean;",
    "}) {",
    "  const { form, skipValidator } = options;",
    "  if (skipValidator) return;",
    `  ${reads}`,
    "}") });
  const caller = { path: "src/flow/FormModel.ts", content: lines(
    "export async function submit() {",
    "  await validateSubmitForm({ form: { validateFields: async () => true }, skipValidator: false });",
    "}") };
  test("`form.validateFields` is the nested type's member, read through `form`: no claim", () => {
    expect(found([submit("if (typeof form?.validateFields === 'function') await form.validateFields();"), caller], /^ignored-parameter$/)).toEqual([]);
  });
  test("...while an own member a caller sets and the body never reads is still claimed", () => {
    const drops = { path: "src/flow/list.ts", content: lines(
      "export function listRows(table: string, opts: {",
      "  limit?: number;",
      "  order?: { field: string; desc?: boolean };",
      "}) {",
      "  return db.select(table).take(opts.limit);",
      "}") };
    const calls = { path: "src/flow/page.ts", content: lines("export const rows = () => listRows('users', { limit: 20, order: { field: 'name' } });") };
    expect(found([drops, calls], /^ignored-parameter$/)).toEqual(["src/flow/list.ts:ts-ignored-option-parameter@3"]);
  });
});

describe("unwired-auth (TS): a decorated controller whose writes are mostly guarded while its reads are open", () => {
  const controller = (removeMarks: string) => ({ path: "src/controller/stock.controller.ts", content: lines(
    "import { Body, Controller, Del, Get, Param, Post, UseGuard } from '@midwayjs/core';",
    "import { Role, RoleGuard } from '../guard/role.guard';",
    "@Controller('/api/stock')",
    "export class StockController {",
    "  @Get('/')",
    "  async list() { return this.stockService.list(); }",
    "",
    "  @Get('/:sku')",
    "  async get(@Param('sku') sku: string) { return this.stockService.get(sku); }",
    "",
    "  @Post('/')",
    "  @UseGuard(RoleGuard)",
    "  @Role(['manager', 'admin'])",
    "  async create(@Body() body: CreateStockDTO) { return this.stockService.create(body); }",
    "",
    "  @Post('/:sku/adjust')",
    "  @UseGuard(RoleGuard)",
    "  @Role(['picker', 'manager'])",
    "  async adjust(@Param('sku') sku: string, @Body() body: AdjustStockDTO) { return this.stockService.adjust(sku, body.delta); }",
    "",
    "  @Del('/:sku')",
    ...(removeMarks ? [removeMarks] : []),
    "  async remove(@Param('sku') sku: string) { await this.stockService.remove(sku); }",
    "}") });
  test("the @Del registration without the guard two of three writes carry is reported, though the open reads leave no majority", () => {
    expect(found([controller("")], /^unwired-auth$/)).toEqual(["src/controller/stock.controller.ts:ts-unguarded-sibling@21"]);
  });
  test("...and not once it carries the guard", () => {
    expect(found([controller("  @UseGuard(RoleGuard)")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("assertion-free-test (Rust): a test that unwraps and calls a same-file helper method that asserts", () => {
  const queue = (helperBody: string) => ({ path: "src/queue.rs", content: lines(
    "#[cfg(test)]",
    "mod tests {",
    "    struct QueuesForTest { queues: Queues }",
    "    impl QueuesForTest {",
    "        fn fetch_test(&mut self, queue_id: &str, expected: &[&[u8]]) {",
    "            let resp = self.queues.fetch(queue_id).unwrap();",
    `            ${helperBody}`,
    "        }",
    "    }",
    "    #[tokio::test]",
    "    async fn test_simple() {",
    "        let mut queues = QueuesForTest::new().await;",
    "        queues.create_queue(\"q\").await.unwrap();",
    "        queues.fetch_test(\"q\", &[&b\"hello\"[..]]);",
    "    }",
    "}") });
  test("the helper's assert_eq! is the test's assertion", () => {
    expect(found([queue("assert_eq!(resp.records(), expected);")], /^assertion-free-test$/)).toEqual([]);
  });
  test("...while a helper that only logs leaves the test asserting nothing", () => {
    expect(found([queue("println!(\"{:?} {:?}\", resp, expected);")], /^assertion-free-test$/)).toEqual(["src/queue.rs:rs-assertion-free-test@11"]);
  });
});

describe("ignored-parameter (Go): a request struct passed as a call's argument is handed on whole", () => {
  const client = (submit: string) => ({ path: "internal/provider/client.go", content: lines(
    "package provider",
    "",
    "type Client struct{ base string }",
    "type Job struct{ ID string }",
    "type JobRequest struct {",
    "\tReference string",
    "\tSKU       string",
    "\tQuantity  int",
    "}",
    "",
    "func (c *Client) SubmitJob(ctx context.Context, jr JobRequest) (*Job, error) {",
    "\tvar j Job",
    `\t${submit}`,
    "\treturn &j, nil",
    "}",
    "",
    "func (c *Client) do(ctx context.Context, method, path string, in, out any) error { return post(ctx, c.base+path, in, out) }") });
  test("`c.do(ctx, \"POST\", \"/jobs\", jr, &j)` may read every field: no claim", () => {
    expect(found([client('if err := c.do(ctx, "POST", "/jobs", jr, &j); err != nil { return nil, err }')], /^ignored-parameter$/)).toEqual([]);
  });
});

describe("unwired-auth (Rust): a dispatch where most arms check is a convention an acting arm breaks, whatever its label", () => {
  const dispatch = (refundFirst: string) => ({ path: "src/dispatch.rs", content: lines(
    "pub async fn handle(ctx: &Ctx, env: Envelope) -> Result<Outcome, InvoicerError> {",
    "    match env.command {",
    "        Command::ChargeInvoice { invoice_id } => {",
    "            authorize(&env.producer, Action::Charge)?;",
    "            let invoice = load(&ctx.pool, invoice_id).await?;",
    "            payments::charge(&ctx.http, &invoice).await?;",
    "            Ok(Outcome::Charged(invoice_id))",
    "        }",
    "        Command::VoidInvoice { invoice_id } => {",
    "            authorize(&env.producer, Action::Void)?;",
    "            db::void_invoice(&ctx.pool, invoice_id).await?;",
    "            Ok(Outcome::Voided(invoice_id))",
    "        }",
    "        Command::SendReminder { invoice_id } => {",
    "            authorize(&env.producer, Action::Remind)?;",
    "            db::record_reminder(&ctx.pool, invoice_id).await?;",
    "            Ok(Outcome::Reminded(invoice_id))",
    "        }",
    "        Command::Refund { invoice_id, amount_cents } => {",
    `            ${refundFirst}`,
    "            if amount_cents <= 0 { return Err(InvoicerError::InvalidMessage(\"refund out of range\".into())); }",
    "            payments::refund(&ctx.http, invoice_id, amount_cents).await?;",
    "            db::record_refund(&ctx.pool, invoice_id, amount_cents).await?;",
    "            Ok(Outcome::Refunded(invoice_id))",
    "        }",
    "        Command::Heartbeat => Ok(Outcome::Alive),",
    "    }",
    "}") });
  test("the Refund arm, with a validation error but no access check, is reported", () => {
    expect(found([dispatch("let _span = tracing::info_span!(\"refund\");")], /^unwired-auth$/)).toEqual(["src/dispatch.rs:rs-unguarded-dispatch@19"]);
  });
  test("...and not once it makes the check", () => {
    expect(found([dispatch("authorize(&env.producer, Action::Refund)?;")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth (Python): handlers registered by calls whose siblings carry a guard keyword", () => {
  const register = (purge: string) => ({ path: "oncall/listeners/commands.py", content: lines(
    "from ..middleware import require_admin",
    "",
    "def register(app):",
    '    app.command("/oncall")(who_is_oncall)',
    '    app.command("/oncall-override", middleware=[require_admin])(override_shift)',
    `    ${purge}`,
    '    app.command("/oncall-report", middleware=[require_admin])(weekly_report)') });
  const handlers = (decorator: string) => ({ path: "oncall/listeners/handlers.py", content: lines(
    ...(decorator ? [decorator] : []),
    "def purge_history(ack, respond, command):",
    "    ack()",
    "    incidents.delete_resolved(days=90)",
    "",
    "def who_is_oncall(ack, respond, command):",
    "    respond(rotations.current())") });
  test("a purge registered without the middleware two siblings carry is reported at its registration", () => {
    expect(found([register('app.command("/oncall-purge")(purge_history)'), handlers("")], /^unwired-auth$/)).toEqual(["oncall/listeners/commands.py:py-unguarded-registration@6"]);
  });
  test("...not when it carries the keyword", () => {
    expect(found([register('app.command("/oncall-purge", middleware=[require_admin])(purge_history)'), handlers("")], /^unwired-auth$/)).toEqual([]);
  });
  test("...nor when the handler, in another file, is decorated with a guard", () => {
    expect(found([register('app.command("/oncall-purge")(purge_history)'), handlers("@admin_only")], /^unwired-auth$/)).toEqual([]);
  });
  test("python-telegram-bot: `filters=admins` on the siblings, none on the removal callback", () => {
    const main = { path: "standupbot/__main__.py", content: lines(
      "def build(token, admins):",
      "    app = Application.builder().token(token).build()",
      '    app.add_handler(CommandHandler("start", standup.help_command))',
      '    app.add_handler(CommandHandler("newteam", admin.new_team, filters=admins))',
      '    app.add_handler(CommandHandler("remove", admin.remove, filters=admins))',
      '    app.add_handler(CallbackQueryHandler(admin.confirm_removal, pattern=r"^rm:\\d+$"))',
      "    return app") };
    expect(found([main], /^unwired-auth$/)).toEqual(["standupbot/__main__.py:py-unguarded-registration@6"]);
  });
});

describe("stub: 501 answers in three more idioms", () => {
  test("tastypie's HttpNotImplemented after the resource's checks (Django's Http* casing)", () => {
    const api = (answer: string) => ({ path: "vehicles/api.py", content: lines(
      "class VehicleResource(ModelResource):",
      "    def export(self, request, **kwargs):",
      "        self.method_check(request, allowed=['get'])",
      "        self.is_authenticated(request)",
      `        return ${answer}`) });
    expect(found([api('HttpNotImplemented("CSV export is not available yet")')], /^stub$/)).toEqual(["vehicles/api.py:py-unserved-handler@5"]);
    expect(found([api("self.create_response(request, export_rows(request))")], /^stub$/)).toEqual([]);
  });
  test("Meteor's error code 'not-implemented' as the thrown error's first argument", () => {
    const methods = (code: string) => ({ path: "imports/api/members/methods.ts", content: lines(
      "Meteor.methods({",
      "  async 'members.exportMyData'() {",
      "    requireUser(this.userId);",
      `    throw new Meteor.Error('${code}', 'Data export is coming soon');`,
      "  },",
      "});") });
    expect(found([methods("not-implemented")], /^stub$/)).toEqual(["imports/api/members/methods.ts:ts-not-implemented@4"]);
    expect(found([methods("not-authorized")], /^stub$/)).toEqual([]);
  });
  test("Koa/Midway: 501 set first, then only a literal body returned", () => {
    const controller = (ret: string) => ({ path: "src/controller/shipment.controller.ts", content: lines(
      "export class ShipmentController {",
      "  async requestReturn(id: number, body: ReturnRequestDTO) {",
      "    this.ctx.status = 501;",
      `    ${ret}`,
      "  }",
      "}") });
    expect(found([controller("return { message: 'returns are handled by the legacy desk for now', id };")], /^stub$/)).toEqual(["src/controller/shipment.controller.ts:ts-not-implemented@3"]);
    expect(found([controller("return this.shipmentService.requestReturn(id, body);")], /^stub$/)).toEqual([]);
  });
});

describe("place: Go files the build never compiles, and hack/ scripts, are tools, not shipped code", () => {
  const gen = (constraint: string, path = "source/generate_help.go") => ({ path, content: lines(
    ...(constraint ? [constraint, ""] : []),
    "package main",
    "",
    "func main() {",
    '\tf, _ := os.Create("help.vue")',
    "\tf.WriteString(render())",
    "}") });
  const places = (files: File[]) => scanSnippets(files, /^swallowed-error$/).map((f) => `${f.file}:${f.place}`);
  test("`// +build ignore` and `//go:build ignore` make the file an example", () => {
    expect(places([gen("// +build ignore")])).toEqual(["source/generate_help.go:example"]);
    expect(places([gen("//go:build ignore")])).toEqual(["source/generate_help.go:example"]);
  });
  test("...another constraint (`//go:build linux`) leaves it shipped", () => {
    expect(places([gen("//go:build linux")])).toEqual(["source/generate_help.go:shipped"]);
  });
  test("a file under hack/ is an example", () => {
    expect(places([gen("", "hack/datagen/datagen.go")])).toEqual(["hack/datagen/datagen.go:example"]);
  });
});

describe("hardcoded-secret: illustrations of a shape are no secrets", () => {
  test("a documented token format whose parts count up, on a comment line", () => {
    const doc = (line: string) => ({ path: "apprise/plugins/slack.py", content: lines(
      "#        ... which might look something like:",
      line,
      "class NotifySlack:",
      "    pass") });
    expect(found([doc("#        slack://xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([doc("#        slack://xoxp-7731-2290-8812-4ddbc191d40ee098cbaae6f3523ada2d")], /^hardcoded-secret$/)).toEqual(["apprise/plugins/slack.py:py-secretlint@2"]);
  });
  test("a loopback connection string whose password is its user name (a local test database)", () => {
    const lib = (dsn: string) => ({ path: "integration/sql/lib.py", content: lines(`PG = "${dsn}"`) });
    expect(found([lib("postgres://pgdog:pgdog@127.0.0.1:5432/pgdog")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([lib("postgres://pgdog:Zq8vR2mXw4@127.0.0.1:5432/pgdog")], /^hardcoded-secret$/)).toEqual(["integration/sql/lib.py:py-secretlint@1"]);
    expect(found([lib("postgres://pgdog:pgdog@db.internal:5432/pgdog")], /^hardcoded-secret$/)).toEqual(["integration/sql/lib.py:py-secretlint@1"]);
  });
});

describe("hardcoded-path: a home directory inside a local URL with an empty host", () => {
  test("sqlite:////home/.. (Python) and sqlite:///home/.. (Rust) are reported; a web URL's /home path is not", () => {
    const py = (url: string) => ({ path: "standupbot/config.py", content: lines(`DATABASE_URL = os.getenv("DATABASE_URL", "${url}")`) });
    expect(found([py("sqlite:////home/mira/standupbot/standup.db")], /^hardcoded-path$/)).toEqual(["standupbot/config.py:py-hardcoded-path@1"]);
    expect(found([py("https://example.org/home/mira/standup")], /^hardcoded-path$/)).toEqual([]);
    const rs = { path: "src/config.rs", content: lines(
      "pub fn database_url() -> String {",
      '    std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite:///home/jdoe/.local/share/bookmarks.db?mode=rwc".into())',
      "}") };
    expect(found([rs], /^hardcoded-path$/)).toEqual(["src/config.rs:rs-hardcoded-path@2"]);
  });
});

describe("ignored-parameter (Python): a web handler that hands on its request's whole URL carries its query parameters", () => {
  const route = (use: string) => ({ path: "src/khoj/routers/api_automation.py", content: lines(
    '@api_automation.post("", response_class=Response)',
    '@requires(["authenticated"])',
    "def post_automation(",
    "    request: Request,",
    "    q: str,",
    "    subject: Optional[str] = None,",
    "    city: Optional[str] = None,",
    ") -> Response:",
    "    job = schedule(q, subject)",
    `    ${use}`,
    "    return Response(content=job.id)") });
  test("`str(request.url.replace(query=..))` carries `city`", () => {
    expect(found([route('calling_url = str(request.url.replace(query=f"{request.url.query}"))')], /^ignored-parameter$/)).toEqual([]);
  });
  test("...one part of the URL (`request.url.path`) does not", () => {
    expect(found([route("calling_url = request.url.path")], /^ignored-parameter$/)).toEqual(["src/khoj/routers/api_automation.py:py-ignored-option-parameter@7"]);
  });
});

describe("hardcoded-secret: a file path under a secret's name names where the secret lives", () => {
  const client = (value: string) => ({ path: "flexget/components/ftp/sftp_client.py", content: lines(
    "class SftpClient:",
    `    def __init__(self, host, port, username, password=None, private_key='${value}'):`,
    "        self.private_key = private_key") });
  test("`private_key='~/.ssh/id_rsa'` is a default key file, not key material", () => {
    expect(found([client("~/.ssh/id_rsa")], /^hardcoded-secret$/)).toEqual([]);
  });
  test("...while a generated value under the same name is still reported", () => {
    expect(found([client("kZ8x7QpL2mVn4RtY9wE3")], /^hardcoded-secret$/)).toEqual(["flexget/components/ftp/sftp_client.py:py-hardcoded-secret@2"]);
  });
});

describe("assertion-free-test (Python): a helper module beside the tests asserts for them", () => {
  const test_ = { path: "integration/python/test_asyncpg.py", content: lines(
    "from globals import normal_async, no_out_of_sync",
    "",
    "async def test_error_transaction():",
    "    conn = await normal_async()",
    "    for _ in range(25):",
    "        await conn.execute('BEGIN')",
    "        await conn.execute('ROLLBACK')",
    "    no_out_of_sync()") };
  const globals = (body: string) => ({ path: "integration/python/globals.py", content: lines(
    "def no_out_of_sync():",
    "    pools = admin().fetch('SHOW POOLS')",
    `    ${body}`) });
  test("`no_out_of_sync()` in globals.py asserts every pool is in sync", () => {
    expect(found([test_, globals("for p in pools: assert p['out_of_sync'] == 0")], /^assertion-free-test$/)).toEqual([]);
  });
  test("...while a module beside the tests that only prints checks nothing", () => {
    expect(found([test_, globals("print(pools)")], /^assertion-free-test$/)).toEqual(["integration/python/test_asyncpg.py:py-assertion-free-test@3"]);
  });
});

describe("swallowed-error (TS): a release swallowed in a finally, or in a promise's .finally(..), runs after the work", () => {
  const check = (release: string) => ({ path: "src/lib/db-connection-check.ts", content: lines(
    "export async function checkConnection(options: ConnOptions) {",
    "  const client = new Client(options);",
    "  try {",
    "    await client.connect();",
    "    await client.query('SELECT 1');",
    "  } finally {",
    `    ${release}`,
    "  }",
    "}") });
  test("`Promise.resolve(client.end()).catch(() => undefined)` in finally is teardown", () => {
    expect(found([check("await Promise.resolve(client.end()).catch(() => undefined);")], /^swallowed-error$/)).toEqual([]);
  });
  test("...a removal of the function's intermediate file in finally is cleanup", () => {
    const convert = { path: "src/utils/convert.ts", content: lines(
      "export async function toWav(sourcePath: string) {",
      "  let wavPath: string | null = null;",
      "  try {",
      "    wavPath = await convertToWav(sourcePath);",
      "    return await fs.readFile(wavPath);",
      "  } finally {",
      "    if (wavPath) await fs.rm(wavPath, { force: true }).catch(() => {});",
      "  }",
      "}") };
    expect(found([convert], /^swallowed-error$/)).toEqual([]);
  });
  test("`.finally(() => worker.terminate().catch(..))` is teardown", () => {
    const loader = { path: "src/document-loader/index.ts", content: lines(
      "export const loadDocument = (options: LoadOptions) => {",
      "  const worker = new Worker(WORKER_PATH);",
      "  return runInWorker(worker, options).finally(() => {",
      "    worker.terminate().catch(() => undefined);",
      "  });",
      "};") };
    expect(found([loader], /^swallowed-error$/)).toEqual([]);
  });
  test("...while a write swallowed in finally is still reported", () => {
    expect(found([check("await auditLog.insert({ event: 'db-check' }).catch(() => undefined);")], /^swallowed-error$/)).toEqual(["src/lib/db-connection-check.ts:ts-catch-noop@7"]);
  });
});
