// Readings of the twenty-fifth session of issue 10 (docs/RULES.md): each test fails without its change, except
// those marked as guarding a reading's limit.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("unwired-auth: guards bound through an adapter, and a guard that is the exception", () => {
  const docApi = (fork: string) => ({ path: "app/server/lib/DocApi.ts", content: lines(
    "export class DocApi {",
    "  public addEndpoints() {",
    '    const canView = expressWrap(this._assertAccess.bind(this, "viewers", false));',
    '    const canEdit = expressWrap(this._assertAccess.bind(this, "editors", false));',
    '    const isOwner = expressWrap(this._assertAccess.bind(this, "owners", false));',
    '    this._app.get("/api/docs/:docId/tables", canView, withDoc(async (doc, req, res) => { res.json(await doc.tables()); }));',
    '    this._app.post("/api/docs/:docId/apply", canEdit, withDoc(async (doc, req, res) => { res.json(await doc.apply(req.body)); }));',
    '    this._app.post("/api/docs/:docId/states/remove", isOwner, withDoc(async (doc, req, res) => { await doc.removeStates(); res.json(null); }));',
    `    this._app.post("/api/docs/:docId/fork", ${fork}withDoc(async (doc, req, res) => { res.json(await doc.fork()); }));`,
    "  }",
    "  private async _assertAccess(role: string, allowRemoved: boolean, req: Request, res: Response, next: NextFunction) {",
    "    const docAuth = await getOrSetDocAuth(req, this._dbManager);",
    "    assertAccess(role, docAuth, { allowRemoved });",
    "    next();",
    "  }",
    "}") });
  test("a local bound to a wrapper handed a bound access method is a guard: its routes are guarded", () => {
    expect(found([docApi("canEdit, ")], /^unwired-auth$/)).toEqual([]);
  });
  test("a route without any of them is still reported (limit)", () => {
    expect(found([docApi("")], /^unwired-auth$/)).toEqual(["app/server/lib/DocApi.ts:ts-unguarded-route@9"]);
  });
  const routes = (n: number) => ({ path: "app/gen-server/ApiServer.ts", content: lines(
    "export class ApiServer {",
    "  public addEndpoints() {",
    ...Array.from({ length: n }, (_, i) => `    this._app.post("/api/orgs/:oid/item${i}", expressWrap(async (req, res) => { res.json(await this._db.update${i}(getScope(req), req.body)); }));`),
    '    this._app.post("/api/users/:userId/disable", requireInstallAdmin, expressWrap(async (req, res) => { await this._disable(req); res.sendStatus(200); }));',
    "  }",
    "}") });
  test("a guard one route in eight or more carries is that route's requirement, not the router's convention", () => {
    expect(found([routes(9)], /^unwired-auth$/)).toEqual([]);
  });
  test("on a small router the one guarded sibling still speaks for the others (limit)", () => {
    expect(found([routes(2)], /^unwired-auth$/).length).toBe(2);
  });
  test("a middleware from the registry named for what the asker may do (`canEdit`) guards", () => {
    const triggers = { path: "app/server/lib/DocApiTriggers.ts", content: lines(
      "export function addTriggerEndpoints(app, options) {",
      "  const { isOwner, canEdit } = options.middlewares;",
      '  app.post("/api/docs/:docId/webhooks", isOwner, withDoc(async (doc, req, res) => { res.json(await doc.subscribe(req.body)); }));',
      '  app.post("/api/docs/:docId/tables/:tableId/_unsubscribe", canEdit, withDoc(async (doc, req, res) => { res.json(await doc.unsubscribe(req.body)); }));',
      "}") };
    expect(found([triggers], /^unwired-auth$/)).toEqual([]);
  });
  test("FastAPI: a parameter annotated with what a guard factory answers is the route's guard", () => {
    const router = (annotation: string) => ({ path: "papermerge/core/features/users/router.py", content: lines(
      "from fastapi import APIRouter, Depends",
      "router = APIRouter(prefix='/users')",
      "",
      "@router.get('/me')",
      "async def get_me(user: Annotated[schema.User, Depends(get_current_user)]) -> schema.User:",
      "    return user",
      "",
      "@router.delete('/{user_id}', status_code=204)",
      `async def delete_user(user_id: UUID, ${annotation}, db_session: AsyncSession = Depends(get_db)) -> None:`,
      "    await dbapi.delete_user(db_session, user_id)") });
    expect(found([router("cur_user: require_scopes(scopes.USER_DELETE)")], /^unwired-auth$/)).toEqual([]);
    expect(found([router("cur_user: schema.User")], /^unwired-auth$/)).toEqual(["papermerge/core/features/users/router.py:py-unguarded-route@8"]);
  });
});

describe("stub: defaults an embedder overrides, declared and refused cases", () => {
  const common = { path: "internal/api/syncapi/synccommon.go", content: lines(
    "package syncapi",
    "",
    "type unimplementedSyncSessionHandler struct{}",
    "",
    "func (h *unimplementedSyncSessionHandler) HandleHeartbeat(ctx context.Context, item *Heartbeat) error {",
    '\treturn NewSyncErrorProtocol(fmt.Errorf("HandleHeartbeat not implemented"))',
    "}",
    "",
    "func (h *unimplementedSyncSessionHandler) HandleReceiveConfig(ctx context.Context, item *Config) error {",
    '\treturn NewSyncErrorProtocol(fmt.Errorf("HandleReceiveConfig not implemented"))',
    "}") };
  const server = (embed: boolean) => ({ path: "internal/api/syncapi/syncserver.go", content: lines(
    "package syncapi",
    "",
    "type syncSessionHandlerServer struct {",
    embed ? "\tunimplementedSyncSessionHandler" : "\tbase unimplementedSyncSessionHandler",
    "\tl *zap.Logger",
    "}",
    "",
    "func (h *syncSessionHandlerServer) HandleHeartbeat(ctx context.Context, item *Heartbeat) error {",
    "\treturn h.touch(ctx, item.PeerID)",
    "}") });
  test("Go: a type another struct of the package embeds and partly overrides is its embedders' defaults: no finding", () => {
    expect(found([common, server(true)], /^stub$/)).toEqual([]);
  });
  test("...embedded only to share fields, none of its methods overridden, its stubs are promoted as they are (limit)", () => {
    const fieldsOnly = { ...server(true), content: server(true).content.replace(/func \(h \*syncSessionHandlerServer\) HandleHeartbeat[\s\S]*$/, "") };
    expect(found([common, fieldsOnly], /^stub$/).length).toBe(2);
  });
  test("...held as a named field it is no default set (limit)", () => {
    expect(found([common, server(false)], /^stub$/).length).toBe(2);
  });
  test("Python: a function declared unimplemented by its decorator; TS: a switch default after served cases, a prototype base", () => {
    const stats = { path: "sandbox/grist/functions/stats.py", content: lines(
      "from .unimplemented import unimplemented",
      "",
      "@unimplemented",
      "def AVEDEV(value1, value2):",
      '  """Calculates the average of the magnitudes of deviations of data from a dataset\'s mean."""',
      "  raise NotImplementedError()") };
    const sql = { path: "app/gen-server/sqlUtils.ts", content: lines(
      "export function makeJsonArray(dbType: DatabaseType, content: string): string {",
      "  switch (dbType) {",
      '    case "postgres": return `json_agg(${content})`;',
      '    case "sqlite": return `json_group_array(${content})`;',
      "    default: throw new Error(`makeJsonArray not implemented for ${dbType}`);",
      "  }",
      "}") };
    const widget = { path: "app/client/widgets/AbstractWidget.js", content: lines(
      "AbstractWidget.prototype.buildDom = function(row) {",
      '  throw new Error("Not Implemented");',
      "};") };
    expect(found([stats, sql, widget], /^stub$/)).toEqual([]);
  });
  test("a switch arm (not the default) that answers not implemented stays a stub (limit)", () => {
    const sql = { path: "app/gen-server/sqlUtils.ts", content: lines(
      "export function makeJsonArray(dbType: DatabaseType, content: string): string {",
      "  switch (dbType) {",
      '    case "postgres": return `json_agg(${content})`;',
      '    case "sqlite": throw new Error("makeJsonArray not implemented");',
      "  }",
      "}") };
    expect(found([sql], /^stub$/)).toEqual(["app/gen-server/sqlUtils.ts:ts-not-implemented@4"]);
  });
});

describe("ignored-parameter: interface siblings, Go contexts", () => {
  const hook = (name: string, reads: boolean) => ({ path: `internal/hook/types/${name}.go`, content: lines(
    "package types",
    "",
    `type ${name}Handler struct{}`,
    "",
    `func (${name}Handler) Execute(ctx context.Context, h *v1.Hook, vars interface{}, runner tasks.TaskRunner, event v1.Hook_Condition) error {`,
    reads ? "\tif event == v1.Hook_CONDITION_START {\n\t\treturn ping(ctx, h.Url+\"/start\")\n\t}" : "",
    "\treturn ping(ctx, h.Url)",
    "}") });
  test("Go: a method another type of the package defines with the parameter is a shared hook, `interface{}` before it or not", () => {
    expect(found([hook("discord", false), hook("healthchecks", true)], /^ignored-parameter$/)).toEqual([]);
  });
  const handler = (body: string) => ({ path: "internal/api/handler.go", content: lines(
    "package api",
    "",
    "func (s *Handler) ClearHistory(ctx context.Context, req *connect.Request[v1.ClearHistoryRequest]) (*connect.Response[emptypb.Empty], error) {",
    body,
    "\treturn connect.NewResponse(&emptypb.Empty{}), nil",
    "}") });
  test("Go: an unread ctx beside the project's own `Query(q, visit)` drops nothing; beside database/sql's it does", () => {
    expect(found([handler("\tif err := s.oplog.Query(q, func(op *v1.Operation) error { return nil }); err != nil {\n\t\treturn nil, err\n\t}")], /^ignored-parameter$/)).toEqual([]);
    expect(found([handler('\tif _, err := s.db.Exec("DELETE FROM history WHERE repo = ?", req.Msg.RepoId); err != nil {\n\t\treturn nil, err\n\t}')], /^ignored-parameter$/)).toEqual(["internal/api/handler.go:go-ignored-option-parameter@3"]);
  });
});

describe("swallowed-error: builder flags, descriptors, failure paths", () => {
  test("Rust: `options.write(true);` on OpenOptions is a setter, not a dropped write", () => {
    const f = { path: "src/main.rs", content: lines(
      "fn open_log(path: &Path) -> io::Result<File> {",
      "    let mut options = OpenOptions::new();",
      "    options.write(true);",
      "    options.open(path)",
      "}") };
    expect(found([f], /^swallowed-error$/)).toEqual([]);
  });
  test("JS: closing a descriptor with an empty callback is a release", () => {
    const f = { path: "lib/job.js", content: lines("function finish(worker) {", "  if (worker.log_fd) { fs.close(worker.log_fd, function() {}); worker.log_fd = null; }", "}") };
    expect(found([f], /^swallowed-error$/)).toEqual([]);
  });
  test("Go: a drop right before the path returns its own error is a lead", () => {
    const task = (after: string) => ({ path: "internal/tasks/taskcheck.go", content: lines(
      "package tasks",
      "",
      "func (t *CheckTask) Run(ctx context.Context, runner TaskRunner) error {",
      "\tif err := runner.ExecuteHooks(ctx, startConditions, HookVars{}); err != nil {",
      "\t\treturn err",
      "\t}",
      "\tif err := repo.Check(ctx); err != nil {",
      "\t\trunner.ExecuteHooks(ctx, errorConditions, HookVars{Error: err.Error()})",
      after,
      "\t}",
      "\treturn nil",
      "}") });
    expect(found([task('\t\treturn fmt.Errorf("check: %w", err)')], /^swallowed-error$/)).toEqual(["internal/tasks/taskcheck.go:go-dropped-call-error@8 note"]);
    expect(found([task('\t\tlog.Printf("check: %v", err)')], /^swallowed-error$/)).toEqual(["internal/tasks/taskcheck.go:go-dropped-call-error@8"]);
  });
});

describe("assertion-free-test: webdriver lookups and waits", () => {
  const spec = (body: string) => ({ path: "test/nbrowser/QuickSetup.ts", content: lines(
    'describe("QuickSetup", function() {',
    '  it("advances to the Backups step", async function() {',
    '    await driver.find(".test-continue").click();',
    body,
    "  });",
    "});") });
  test("mocha-webdriver's waiting lookups and selenium's conditional waits assert", () => {
    expect(found([spec('    await driver.findWait(".test-backups-continue", 2000);')], /^assertion-free-test$/)).toEqual([]);
    expect(found([spec('    await driver.wait(async () => (await driver.findAll(".announcement")).length < 11, 3000);')], /^assertion-free-test$/)).toEqual([]);
  });
  test("a pause is no check (limit)", () => {
    expect(found([spec("    await driver.sleep(500);")], /^assertion-free-test$/)).toEqual(["test/nbrowser/QuickSetup.ts:ts-assertion-free-test@2"]);
  });
});

describe("tls-disabled and hardcoded-path: opt-outs the operator names, text a person reads", () => {
  test("verification off only behind the operator's VALIDATE_CERTS or a bypass option: no finding", () => {
    const py = { path: "motioneye/utils/__init__.py", content: lines(
      "def make_opener():",
      "    kwargs = {}",
      "    if not settings.VALIDATE_CERTS:",
      "        ctx = ssl.create_default_context()",
      "        ctx.check_hostname = False",
      "        ctx.verify_mode = ssl.CERT_NONE",
      "        kwargs['context'] = ctx",
      "    return build_opener(**kwargs)") };
    const js = { path: "bin/url-plugin.js", content: lines("function request(params) {", "  var opts = { method: params.method };", "  if (params.ssl_cert_bypass) {", "    opts.rejectUnauthorized = false;", "  }", "  return https.request(params.url, opts);", "}") };
    expect(found([py, js], /^tls-disabled$/)).toEqual([]);
  });
  test("an input's placeholder path is no path the program opens; a path it opens is (limit)", () => {
    const tsx = { path: "webui/src/AddRepoModal.tsx", content: lines(
      "export const KeyField = () => <Input placeholder=\"/home/user/.ssh/id_rsa\" />;",
      'export const KEY_PATH = "/home/deploy/.ssh/id_rsa";') };
    expect(found([tsx], /^hardcoded-path$/)).toEqual(["webui/src/AddRepoModal.tsx:ts-hardcoded-path@2"]);
  });
});

describe("fresh37's readings: conventions among handlers", () => {
  test("Go: unexported tool handlers taking the framework's request are held to their siblings' check", () => {
    const handler = (name: string, guarded: boolean, act: string) => [
      `func (h *Handlers) ${name}(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {`,
      ...(guarded ? ["\tif _, denied := requireRole(ctx, auth.RoleSupport); denied != nil {", "\t\treturn denied, nil", "\t}"] : []),
      `\treturn h.api.${act}(ctx, request)`,
      "}", ""];
    const f = { path: "internal/tools/handlers.go", content: lines("package tools", "",
      ...handler("lookupCustomer", true, "Customer"), ...handler("listInvoices", true, "ListInvoices"),
      ...handler("addAccountNote", true, "AddNote"), ...handler("resendInvoice", true, "Resend"),
      ...handler("suspendAccount", false, "SetAccountStatus")) };
    expect(found([f], /^unwired-auth$/)).toEqual(["internal/tools/handlers.go:go-unguarded-method-sibling@31"]);
  });
  test("Python peers: another object's method sharing a checked peer's name is no delegation; a template calling nothing needs no check", () => {
    const tool = (name: string, body: string[]) => ["@mcp.tool()", `async def ${name}(incident_id: str) -> dict:`, ...body.map((b) => `    ${b}`), ""];
    const f = { path: "incidentdesk/server.py", content: lines(
      ...tool("get_incident", ["require_scope(READ)", "return await deps.api.get_incident(incident_id)"]),
      ...tool("list_notes", ["require_scope(READ)", "return deps.store.notes(incident_id)"]),
      ...tool("acknowledge_incident", ["token = require_scope(WRITE)", "return await deps.api.update_status(incident_id, 'identified', actor(token))"]),
      ...tool("set_status", ["token = require_scope(WRITE)", "return await deps.api.update_status(incident_id, 'monitoring', actor(token))"]),
      ...tool("resolve_incident", ["incident = await deps.api.get_incident(incident_id)", "return await deps.api.update_status(incident_id, 'resolved', 'desk')"]),
      "@mcp.prompt()",
      "def postmortem_review(incident_id: str) -> str:",
      '    return (f"Review the postmortem draft for incident {incident_id}. " "Check the timeline.")') };
    expect(found([f], /^unwired-auth$/)).toEqual(["incidentdesk/server.py:py-unguarded-peer@21"]);
  });
  test("Rust: a private handler the file mounts is a peer; one that flushes where its two acting peers check is a lead", () => {
    const f = { path: "src/admin.rs", content: lines(
      "pub fn router(state: AdminState) -> Router {",
      '    Router::new().route("/reload", post(reload)).route("/cache/flush", post(flush_cache)).route("/policies", get(policies)).with_state(state)',
      "}",
      "async fn reload(State(state): State<AdminState>, headers: HeaderMap) -> Response {",
      "    if let Err(denied) = check_admin(&state, &headers) { return denied; }",
      "    state.policies.store(load_policies(&state.config_path));",
      '    Json(json!({ "reloaded": true })).into_response()',
      "}",
      "async fn flush_cache(State(state): State<AdminState>) -> Response {",
      "    let flushed = state.cache.flush();",
      '    Json(json!({ "flushed": flushed })).into_response()',
      "}",
      "async fn policies(State(state): State<AdminState>, headers: HeaderMap) -> Response {",
      "    if let Err(denied) = check_admin(&state, &headers) { return denied; }",
      '    Json(json!({ "rules": state.policies.load().len() })).into_response()',
      "}") };
    expect(found([f], /^unwired-auth$/)).toEqual(["src/admin.rs:rs-unguarded-peer@9 note"]);
  });
  test("TS: handlers written in place that open with one check; a write that never calls it is reported", () => {
    const route = (verb: string, path: string, first: string) => `  router.${verb}('${path}', async (req, res) => { ${first}; res.json(await store.run(req.params)); });`;
    const f = { path: "src/service/router.ts", content: lines(
      "export async function createRouter(options: RouterOptions) {",
      "  const router = Router();",
      route("get", "/licenses", "await authorize(req, licenseReadPermission)"),
      route("get", "/licenses/:id", "await authorize(req, licenseReadPermission)"),
      route("post", "/licenses/:id/seats", "const credentials = await authorize(req, licenseAssignPermission)"),
      route("delete", "/licenses/:id/seats/:seatId", "const credentials = await httpAuth.credentials(req, { allow: ['user'] })"),
      route("post", "/sync", "await authorize(req, licenseAdminPermission)"),
      "  return router;",
      "}") };
    expect(found([f], /^unwired-auth$/)).toEqual(["src/service/router.ts:ts-unguarded-route@6"]);
  });
});

describe("fresh37's readings: writes and refusals", () => {
  test("Go: a bolt `b.Put(..)` used as a statement, where the file checks another Put's error: a claim; alone, a lead", () => {
    const store = { path: "internal/store/store.go", content: lines(
      "package store",
      "",
      "func (s *Store) AddNote(n Note) error {",
      "\treturn s.db.Update(func(tx *bolt.Tx) error {",
      "\t\tb := tx.Bucket(bucketNotes)",
      "\t\tb.Put(seqKey(n.CustomerID), n.Bytes())",
      "\t\treturn nil",
      "\t})",
      "}") };
    expect(found([store], /^swallowed-error$/)).toEqual(["internal/store/store.go:go-unchecked-write@6 note"]);
    const checked = { ...store, content: store.content + lines("", "func (s *Store) SetPlan(id string, plan []byte) error {", "\treturn s.db.Update(func(tx *bolt.Tx) error {", "\t\tb := tx.Bucket(bucketPlans)", "\t\tif err := b.Put([]byte(id), plan); err != nil {", "\t\t\treturn err", "\t\t}", "\t\treturn nil", "\t})", "}") };
    expect(found([checked], /^swallowed-error$/)).toEqual(["internal/store/store.go:go-unchecked-write@6"]);
  });
  test("Rust: `if let Ok(config) = load(..)` that installs what it loaded, with no else, before answering success", () => {
    const f = { path: "src/admin.rs", content: lines(
      "async fn reload(State(state): State<AdminState>) -> Response {",
      "    if let Ok(config) = Config::load(&state.config_path) {",
      "        state.policies.store(Arc::new(PolicyTable::new(config.rules)));",
      "    }",
      '    Json(json!({ "reloaded": true })).into_response()',
      "}") };
    expect(found([f], /^swallowed-error$/)).toEqual(["src/admin.rs:rs-ignored-err-arm@2"]);
  });
  test("TS: a catch that handles only under continueOnFail and otherwise drops the error", () => {
    const f = (after: string) => ({ path: "nodes/Dispatchly.node.ts", content: lines(
      "export async function execute(this: IExecuteFunctions) {",
      "  for (let i = 0; i < items.length; i++) {",
      "    try {",
      "      returnData.push(await createJob.call(this, i));",
      "    } catch (error) {",
      "      if (this.continueOnFail()) {",
      "        returnData.push({ json: { error: (error as Error).message } });",
      "        continue;",
      "      }",
      after,
      "    }",
      "  }",
      "}") });
    expect(found([f("")], /^swallowed-error$/)).toEqual(["nodes/Dispatchly.node.ts:ts-conditional-catch@5"]);
    expect(found([f("      throw error;")], /^swallowed-error$/)).toEqual([]);
  });
});

describe("swallowed-error: the project's linter told the error is dropped on purpose", () => {
  test("Go `//nolint:errcheck` and Python `noqa: BLE001` on a drop that loses no write: no finding", () => {
    const go = (comment: string) => ({ path: "internal/meta/meta.go", content: lines(
      "package meta",
      "",
      "func Decode(raw []byte) Meta {",
      "\tvar m Meta",
      `\t_ = json.Unmarshal(raw, &m)${comment}`,
      "\treturn m",
      "}") });
    expect(found([go(" //nolint:errcheck // a partial record is still shown")], /^swallowed-error$/)).toEqual([]);
    expect(found([go("")], /^swallowed-error$/).length).toBe(1);
    const py = (comment: string) => ({ path: "app/cache.py", content: lines(
      "def warm():",
      "    try:",
      "        cache.prefetch(popular_keys())",
      `    except Exception:${comment}`,
      "        pass") });
    expect(found([py("  # noqa: BLE001")], /^swallowed-error$/)).toEqual([]);
    expect(found([py("")], /^swallowed-error$/).length).toBe(1);
  });
  test("...but not where the dropped call persists or audits (limit)", () => {
    const py = { path: "inventory/api/items.py", content: lines(
      "def delete_item(sku, user):",
      "    db.delete_item(sku)",
      "    try:",
      "        audit.write(user, 'item.delete', sku)",
      "    except Exception:  # noqa: BLE001",
      "        pass",
      "    return None, 204") };
    expect(found([py], /^swallowed-error$/).length).toBe(1);
  });
});

describe("review (helper 238): the limits of this session's readings", () => {
  test("the exception is counted per router and among writes: two routers in one block, each with one unguarded write", () => {
    const f = { path: "src/server.ts", content: lines(
      'import { requireAdmin, requireAuth } from "./auth";',
      "export function mount(app: express.Express, admin: express.Router) {",
      ...["a", "b", "c", "d", "e", "f", "g"].map((x) => `  app.get("/api/${x}", async (req, res) => { res.json(await db.${x}()); });`),
      '  app.post("/api/notes", requireAuth, async (req, res) => { res.json(await db.addNote(req.body)); });',
      '  app.delete("/api/notes/:id", async (req, res) => { await db.removeNote(req.params.id); res.sendStatus(204); });',
      '  admin.post("/admin/users/:id/ban", requireAdmin, async (req, res) => { await db.ban(req.params.id); res.sendStatus(204); });',
      '  admin.delete("/admin/users/:id", async (req, res) => { await db.deleteUser(req.params.id); res.sendStatus(204); });',
      "}") };
    expect(found([f], /^unwired-auth$/)).toEqual(["src/server.ts:ts-unguarded-route@11", "src/server.ts:ts-unguarded-route@13"]);
  });
  test("a success-path drop before `return err` stays a claim; an environment gate and fall-through cases are judged as such", () => {
    const trail = { path: "audit/trail.go", content: lines(
      "package audit",
      "",
      "func (t *Trail) GrantRole(ctx context.Context, actor, user, role string) error {",
      "\terr := t.roles.Grant(ctx, user, role)",
      '\t_ = t.log.Insert(ctx, Entry{Actor: actor, Action: "grant", Target: user, Failed: err != nil})',
      "\treturn err",
      "}") };
    expect(found([trail], /^swallowed-error$/)).toEqual(["audit/trail.go:go-discarded-error@5"]);
    const storage = { path: "src/storage.ts", content: lines(
      "export function openShell(opts: ShellOptions): Shell {",
      '  if (process.env.SANDBOX === "1") {',
      '    throw new Error("Interactive shells inside the sandbox are not implemented");',
      "  } else {",
      "    return spawnPty(opts);",
      "  }",
      "}",
      "export function encode(format: string, data: Row[]): string {",
      "  switch (format) {",
      '    case "json":',
      "      return JSON.stringify(data);",
      '    case "csv":',
      '    case "xlsx":',
      "    default:",
      "      throw new Error(`${format} export not implemented`);",
      "  }",
      "}") };
    expect(found([storage], /^stub$/)).toEqual(["src/storage.ts:ts-not-implemented@15"]);
  });
  test("error mappings and handlers are no stubs; a read under /user/ is no privileged read; bypass of a proxy is no TLS opt-out", () => {
    const mapping = { path: "driver/status.go", content: lines(
      "package driver",
      "",
      "func statusOf(err error) int {",
      "\tswitch {",
      "\tcase errors.Is(err, errNotFound):",
      "\t\treturn http.StatusNotFound",
      "\t}",
      "\tswitch err {",
      "\tcase errNotImplemented:",
      "\t\treturn http.StatusNotImplemented",
      "\t}",
      "\treturn http.StatusInternalServerError",
      "}") };
    const handler = { path: "app/errors.py", content: lines(
      "@app.errorhandler(NotImplementedError)",
      "def not_implemented(error):",
      '    return "This feature is not implemented yet."') };
    expect(found([mapping, handler], /^stub$/)).toEqual([]);
    const profile = { path: "app/views.py", content: lines(
      "bp = Blueprint('users', __name__)",
      "",
      "@bp.get('/user/settings')",
      "@login_required",
      "def settings():",
      "    return render_template('settings.html', user=current_user)",
      "",
      "@bp.get('/user/settings/keys')",
      "@login_required",
      "def keys():",
      "    return render_template('keys.html', keys=current_user.keys)",
      "",
      "@bp.get('/user/<username>')",
      "def profile(username):",
      "    return render_template('profile.html', user=User.by_name(username))") };
    expect(found([profile], /^unwired-auth$/)).toEqual([]);
    const proxy = { path: "src/client.ts", content: lines(
      "export function agentFor(opts: ClientOptions) {",
      "  const agentOpts: https.AgentOptions = {};",
      "  if (opts.bypassProxy) {",
      "    agentOpts.rejectUnauthorized = false;",
      "  }",
      "  return new https.Agent(agentOpts);",
      "}") };
    expect(found([proxy], /^tls-disabled$/)).toEqual(["src/client.ts:ts-tls-disabled@4"]);
  });
});

describe("unwired-auth: a dispatch arm for the unauthenticated audience, and a minority guard one audience carries", () => {
  test("Rust: `Requirement::Anonymous => allow(..)` beside checked arms is open by design", () => {
    const f = (label: string) => ({ path: "src/service.rs", content: lines(
      "impl Service {",
      "    async fn decide(&self, requirement: Requirement, headers: &HashMap<String, String>) -> Result<CheckResponse, Status> {",
      "        let response = match requirement {",
      `            ${label} => allow("anonymous", "none"),`,
      "            Requirement::ApiKey { scope } => { self.check_api_key(headers, scope)?; allow(\"key\", \"api_key\") }",
      "            Requirement::Jwt { audience } => { self.check_jwt(headers, audience).await?; allow(\"jwt\", \"jwt\") }",
      "            Requirement::Basic => { self.check_basic(headers).await?; allow(\"basic\", \"ldap\") }",
      "        };",
      "        Ok(response)",
      "    }",
      "}") });
    expect(found([f("Requirement::Anonymous")], /^unwired-auth$/)).toEqual([]);
  });
  test("TS: channels one audience carries a role option on (`admin:`), among many registrations, still speak for that audience", () => {
    const f = { path: "src/main/ipc.ts", content: lines(
      "export function registerIpc() {",
      ...["tickets:list", "tickets:get", "tickets:reply", "tickets:close", "drafts:save", "drafts:load", "macros:list", "macros:run"].map((n) => `  guarded('${n}', async (_event, id: string) => backend.run('${n}', id));`),
      "  guarded('admin:list-agents', () => backend.listAgents(), { role: 'admin' });",
      "  guarded('admin:set-agent-role', async (_event, agentId: string, role: string) => backend.setAgentRole(agentId, role), { role: 'admin' });",
      "  guarded('admin:reset-queue', async (_event, queue: string) => backend.resetQueue(queue));",
      "}") };
    expect(found([f], /^unwired-auth$/)).toEqual(["src/main/ipc.ts:ts-unguarded-registration@12"]);
  });
});

describe("assertion-free-test: a helper reached through a namespace import", () => {
  test("TS: `gu.checkForErrors()` from `import * as gu from './gristUtils'` asserts when that module's function does", () => {
    const utils = (body: string) => ({ path: "test/nbrowser/gristUtils.ts", content: lines(
      "export async function checkForErrors() {",
      body,
      "}") });
    const spec = { path: "test/nbrowser/Search3.ts", content: lines(
      'import * as gu from "test/nbrowser/gristUtils";',
      'describe("Search3", function() {',
      '  it("should search after toggling columns", async () => {',
      '    await driver.find(".test-search").click();',
      "    await gu.checkForErrors();",
      "  });",
      "});") };
    expect(found([spec, utils("  const errors = await driver.executeScript(() => (window as any).getAppErrors());\n  assert.deepEqual(errors, []);")], /^assertion-free-test$/)).toEqual([]);
    expect(found([spec, utils("  await driver.executeScript(() => (window as any).getAppErrors());")], /^assertion-free-test$/)).toEqual(["test/nbrowser/Search3.ts:ts-assertion-free-test@3"]);
  });
});

describe("unwired-auth: Go middleware factories and the chains built from them", () => {
  test("a chain built from a middleware factory (`withUserSession(dbc)`) guards its routes as the admin chain guards its own", () => {
    const f = { path: "server/ctrladmin/ctrl.go", content: lines(
      "package ctrladmin",
      "",
      "func (c *Controller) routes(sessDB *Store, dbc *db.DB) {",
      "\tuserChain := handlerutil.Chain(withSession(sessDB), withUserSession(dbc))",
      "\tadminChain := handlerutil.Chain(userChain, withAdminSession)",
      '\tc.Handle("POST /change_username_do", userChain(resp(c.ServeChangeUsernameDo)))',
      '\tc.Handle("POST /delete_user_do", userChain(resp(c.ServeDeleteUserDo)))',
      '\tc.Handle("POST /create_user_do", adminChain(resp(c.ServeCreateUserDo)))',
      "}",
      "",
      "func withUserSession(dbc *db.DB) handlerutil.Middleware {",
      "\treturn func(next http.Handler) http.Handler {",
      "\t\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
      "\t\t\tif _, ok := userFrom(r); !ok {",
      '\t\t\t\thttp.Error(w, "you are not authenticated", http.StatusUnauthorized)',
      "\t\t\t\treturn",
      "\t\t\t}",
      "\t\t\tnext.ServeHTTP(w, r)",
      "\t\t})",
      "\t}",
      "}",
      "",
      "func withAdminSession(next http.Handler) http.Handler {",
      "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
      "\t\tif u, _ := userFrom(r); !u.IsAdmin {",
      '\t\t\thttp.Error(w, "you are not an admin", http.StatusForbidden)',
      "\t\t\treturn",
      "\t\t}",
      "\t\tnext.ServeHTTP(w, r)",
      "\t})",
      "}") };
    expect(found([f], /^unwired-auth$/)).toEqual([]);
  });
});
