// Fifth pass on issue 10, second half: unwired-auth and swallowed-error shapes, each with a case the floor
// must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const found = (...files: File[]) => foundIn(files);

describe("swallowed-error: a Go writer closed unchecked by a function with no error to return", () => {
  const save = (close: string) => lines(
    "package snapshot",
    "func (s *Saver) persist(path string, data []byte) {",
    "\tf, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)",
    "\tif err != nil {",
    "\t\ts.log.Printf(\"snapshot: %v\", err)",
    "\t\treturn",
    "\t}",
    "\tif _, err := f.Write(data); err != nil {",
    "\t\ts.log.Printf(\"snapshot: %v\", err)",
    "\t}",
    close,
    "}");
  test("the file it created is closed as a bare statement: reported", () => {
    expect(found({ path: "snapshot/save.go", content: save("\tf.Close()") })).toEqual(["swallowed-error@snapshot/save.go:11"]);
  });
  test("deferred, checked, or a file opened only for reading: not reported", () => {
    expect(found({ path: "snapshot/save.go", content: save("\tif err := f.Close(); err != nil {\n\t\ts.log.Printf(\"snapshot: %v\", err)\n\t}") })).toEqual([]);
    const reader = lines("package snapshot", "func size(path string) int {", "\tf, err := os.Open(path)", "\tif err != nil {", "\t\treturn 0", "\t}", "\tn := count(f)", "\tf.Close()", "\treturn n", "}");
    expect(found({ path: "snapshot/size.go", content: reader })).toEqual([]);
  });
  test("a writer received from the caller is the caller's to close", () => {
    const src = lines("package snapshot", "func (s *Saver) stop() {", "\ts.out.Close()", "}", "func finish(w io.WriteCloser) {", "\tw.Close()", "}");
    expect(found({ path: "snapshot/stop.go", content: src })).toEqual([]);
  });
});

describe("swallowed-error: a handler that only logs quietly around a write", () => {
  test("Python: except Exception around a commit, logged at debug only", () => {
    const src = (log: string) => lines("def retire(session, plan):", "    plan.retired = True", "    try:", "        session.commit()", "    except Exception:", `        ${log}`, '    return {"retired": plan.id}');
    expect(found({ path: "billing/plans.py", content: src('log.debug("retire failed for %s", plan.id)') })).toEqual(["swallowed-error@billing/plans.py:5"]);
    expect(found({ path: "billing/plans.py", content: src('log.error("retire failed for %s", plan.id)') })).toEqual([]);
  });
  test("Python: a quiet log around a read with a fallback is not a swallowed write", () => {
    const src = lines("def rate(client, code):", "    try:", "        return client.lookup_rate(code)", "    except Exception:", '        log.debug("no rate for %s", code)', "    return 1.0");
    expect(found({ path: "billing/rates.py", content: src })).toEqual([]);
  });
  test("TS: .catch(console.debug) on a delete, but not on a read", () => {
    const del = lines("export async function purge(store: Store, key: string) {", "  await store.remove(key).catch(console.debug);", "  return true;", "}");
    expect(found({ path: "src/purge.ts", content: del })).toEqual(["swallowed-error@src/purge.ts:2"]);
    const read = lines("export async function avatar(api: Api, id: string) {", "  const a = await api.loadAvatar(id).catch(console.debug);", "  return a ?? PLACEHOLDER;", "}");
    expect(found({ path: "src/avatar.ts", content: read })).toEqual([]);
  });
  test("Rust: if let Err around a commit that only traces, but not when it also propagates", () => {
    const src = (body: string) => lines("pub async fn close(pool: &Pool, id: Id) -> Result<(), Error> {", "    let mut tx = pool.begin().await?;", "    tx.mark_closed(id).await?;", "    if let Err(e) = tx.commit().await {", body, "    }", "    Ok(())", "}");
    expect(found({ path: "src/close.rs", content: src('        trace!("commit: {e}");') })).toEqual(["swallowed-error@src/close.rs:4"]);
    expect(found({ path: "src/close.rs", content: src('        trace!("commit: {e}");\n        return Err(e.into());') })).toEqual([]);
  });
  test("Go: a failed save only logged while the function answers nil", () => {
    const src = (tail: string) => lines("package ledger", "func (l *Ledger) Post(ctx context.Context, e Entry) error {", "\terr := l.store.Save(ctx, e)", "\tif err != nil {", '\t\tl.log.Printf("post %s: %v", e.ID, err)', tail, "\t}", "\treturn nil", "}");
    expect(found({ path: "ledger/post.go", content: src("") })).toEqual(["swallowed-error@ledger/post.go:4"]);
    expect(found({ path: "ledger/post.go", content: src("\t\treturn err") })).toEqual([]);
  });
  test("Go: the same branch in a function with no error result has nobody to tell", () => {
    const src = lines("package ledger", "func (l *Ledger) flushLoop(ctx context.Context) {", "\tfor e := range l.queue {", "\t\terr := l.store.Save(ctx, e)", "\t\tif err != nil {", '\t\t\tl.log.Printf("post %s: %v", e.ID, err)', "\t\t}", "\t}", "}");
    expect(found({ path: "ledger/loop.go", content: src })).toEqual([]);
  });
});

describe("unwired-auth: a Python view registered bare beside guarded siblings", () => {
  const flask = (guard: string) => lines(
    "from flask import Blueprint", "from .auth import login_required", "", "bp = Blueprint(\"invoices\", __name__)", "",
    "@bp.route(\"/invoices\")", "@login_required", "def index():", "    return render_template(\"invoices.html\")", "",
    "@bp.route(\"/invoices/<int:iid>/void\", methods=[\"POST\"])", ...(guard ? [guard] : []), "def void(iid):", "    Invoice.query.get_or_404(iid).void()", "    return redirect(\"/invoices\")");
  test("Flask: the POST view lacks the decorator its sibling carries", () => {
    expect(found({ path: "app/invoices.py", content: flask("") })).toEqual(["unwired-auth@app/invoices.py:11"]);
  });
  test("Flask: the same view with the decorator is not reported", () => {
    expect(found({ path: "app/invoices.py", content: flask("@login_required") })).toEqual([]);
  });
  const fastapi = (deps: string) => lines(
    "router = APIRouter()", "",
    "@router.get(\"/keys\", dependencies=[Depends(require_owner)])", "async def keys():", "    return await store.keys()", "",
    `@router.delete("/keys/{kid}"${deps})`, "async def revoke(kid: str):", "    await store.revoke(kid)");
  test("FastAPI: a delete without the route dependency its sibling declares", () => {
    expect(found({ path: "api/keys.py", content: fastapi("") })).toEqual(["unwired-auth@api/keys.py:7"]);
    expect(found({ path: "api/keys.py", content: fastapi(", dependencies=[Depends(require_owner)]") })).toEqual([]);
  });
  test("no guarded sibling, or a router guarded as a whole: nothing to compare against", () => {
    const open = lines("router = APIRouter()", "", "@router.get(\"/keys\")", "async def keys():", "    return await store.keys()", "", "@router.delete(\"/keys/{kid}\")", "async def revoke(kid: str):", "    await store.revoke(kid)");
    expect(found({ path: "api/keys.py", content: open })).toEqual([]);
    const whole = fastapi("").replace("router = APIRouter()", "router = APIRouter(dependencies=[Depends(require_owner)])");
    expect(found({ path: "api/keys.py", content: whole })).toEqual([]);
  });
});

describe("unwired-auth: a Rust route the guard layer of its siblings does not reach", () => {
  const axum = (order: "after" | "before") => lines(
    "pub fn billing(state: Shared) -> Router<Shared> {",
    "    let r = Router::new().route(\"/invoices\", get(invoices::list));",
    ...(order === "after"
      ? ["    r.route_layer(from_fn_with_state(state.clone(), ensure_billing_admin))", "        .route(\"/invoices/{id}/refund\", post(invoices::refund))"]
      : ["    r.route(\"/invoices/{id}/refund\", post(invoices::refund))", "        .route_layer(from_fn_with_state(state.clone(), ensure_billing_admin))"]),
    "}");
  test("axum: a POST added after route_layer(guard) is outside it", () => {
    expect(found({ path: "src/billing.rs", content: axum("after") })).toEqual(["unwired-auth@src/billing.rs:4"]);
  });
  test("axum: the same POST added before the layer is guarded", () => {
    expect(found({ path: "src/billing.rs", content: axum("before") })).toEqual([]);
  });
  const poem = (route: string) => lines(
    "fn api() -> Route {",
    "    let ops = Route::new().at(\"/jobs\", get(list_jobs)).with(RequireOperatorRole);",
    "    Route::new()",
    "        .nest(\"/ops\", ops)",
    `        .at("${route}", post(run_job))`,
    "}");
  test("poem: a POST on the outer route beside a nested guarded group", () => {
    expect(found({ path: "src/api.rs", content: poem("/jobs/:id/run") })).toEqual(["unwired-auth@src/api.rs:5"]);
  });
  test("poem: a webhook beside the group is open by design", () => {
    expect(found({ path: "src/api.rs", content: poem("/webhooks/ci") })).toEqual([]);
  });
});

describe("unwired-auth: a value composed from a guard and never used, outside TS", () => {
  const pyGuard = lines("def staff_only(view):", "    @wraps(view)", "    def inner(request, *a, **kw):", "        if not request.user.is_staff:", "            raise PermissionDenied", "        return view(request, *a, **kw)", "    return inner", "");
  test("Python: the guarded view is built, the bare one is routed", () => {
    const src = pyGuard + lines("guarded_export = staff_only(export_ledger)", "urlpatterns = [path(\"ledger/export\", export_ledger)]");
    expect(found({ path: "ledger/urls.py", content: src })).toEqual(["unwired-auth@ledger/urls.py:9"]);
  });
  test("Python: routing the guarded one is wired", () => {
    const src = pyGuard + lines("guarded_export = staff_only(export_ledger)", "urlpatterns = [path(\"ledger/export\", guarded_export)]");
    expect(found({ path: "ledger/urls.py", content: src })).toEqual([]);
  });
  const rs = (serve: string) => lines(
    "async fn gate(req: Request, next: Next) -> Result<Response, StatusCode> {",
    "    if req.extensions().get::<Session>().map_or(true, |s| !s.is_admin()) {",
    "        return Err(StatusCode::FORBIDDEN);",
    "    }",
    "    Ok(next.run(req).await)",
    "}",
    "pub fn tenants() -> Router {",
    "    let tenant_admin = Router::new().route(\"/tenants/{id}\", delete(drop_tenant)).layer(from_fn(gate));",
    `    ${serve}`,
    "}");
  test("Rust: the layered router is bound and dropped; the bare one is served", () => {
    expect(found({ path: "src/tenants.rs", content: rs("Router::new().route(\"/tenants/{id}\", delete(drop_tenant))") })).toEqual(["unwired-auth@src/tenants.rs:8"]);
    expect(found({ path: "src/tenants.rs", content: rs("Router::new().merge(tenant_admin)") })).toEqual([]);
  });
  const go = (mount: string) => lines(
    "package web",
    "func sessionGate(next http.Handler) http.Handler {",
    "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
    "\t\tif _, err := r.Cookie(\"session\"); err != nil {",
    "\t\t\thttp.Error(w, \"unauthorized\", http.StatusUnauthorized)",
    "\t\t\treturn",
    "\t\t}",
    "\t\tnext.ServeHTTP(w, r)",
    "\t})",
    "}",
    "var members = chain(sessionGate, withTrace)",
    "func Mount(mux *http.ServeMux) {",
    `\t${mount}`,
    "}");
  test("Go: a package-level chain built from the guard that nothing mounts", () => {
    expect(found({ path: "web/mount.go", content: go("mux.Handle(\"/club/\", withTrace(memberPages()))") })).toEqual(["unwired-auth@web/mount.go:11"]);
    expect(found({ path: "web/mount.go", content: go("mux.Handle(\"/club/\", members(memberPages()))") })).toEqual([]);
  });
});

describe("unwired-auth: Python class-based and DRF function views beside guarded siblings", () => {
  const cbv = (bases: string) => lines(
    "class TicketList(PermissionRequiredMixin, ListView):", "    permission_required = \"desk.view_ticket\"", "    model = Ticket", "",
    `class TicketClose(${bases}):`, "    def post(self, request, pk):", "        Ticket.objects.filter(pk=pk).update(closed=True)", "        return redirect(\"tickets\")");
  test("a POST handler class without the mixin its sibling has", () => {
    expect(found({ path: "desk/views.py", content: cbv("View") })).toEqual(["unwired-auth@desk/views.py:5"]);
  });
  test("the same class with the mixin is not reported", () => {
    expect(found({ path: "desk/views.py", content: cbv("PermissionRequiredMixin, View") })).toEqual([]);
  });
  const fv = (extra: string) => lines(
    "@api_view([\"GET\"])", "@permission_classes([IsAdminUser])", "def audit_log(request):", "    return Response(AuditEntry.objects.values())", "",
    "@api_view([\"DELETE\"])", ...(extra ? [extra] : []), "def purge_audit_log(request):", "    AuditEntry.objects.all().delete()", "    return Response(status=204)");
  test("DRF: a DELETE function view without the permission decorator its sibling declares", () => {
    expect(found({ path: "audit/api.py", content: fv("") })).toEqual(["unwired-auth@audit/api.py:6"]);
    expect(found({ path: "audit/api.py", content: fv("@permission_classes([IsAdminUser])") })).toEqual([]);
  });
});

describe("unwired-auth: a tonic service added bare beside an intercepted sibling", () => {
  const server = (second: string) => lines(
    "pub async fn run(addr: SocketAddr, st: State) -> anyhow::Result<()> {",
    "    let tenants = TenantsServer::with_interceptor(st.tenants(), verify_bearer);",
    "    Server::builder()",
    "        .add_service(tenants)",
    `        .add_service(${second})`,
    "        .serve(addr)",
    "        .await?;",
    "    Ok(())",
    "}");
  test("the sibling is intercepted by a guard, this one is not", () => {
    expect(found({ path: "src/run.rs", content: server("BillingServer::new(st.billing())") })).toEqual(["unwired-auth@src/run.rs:5"]);
  });
  test("health beside it, or the same guard on both, is not reported", () => {
    expect(found({ path: "src/run.rs", content: server("HealthServer::new(st.health())") })).toEqual([]);
    expect(found({ path: "src/run.rs", content: server("BillingServer::with_interceptor(st.billing(), verify_bearer)") })).toEqual([]);
  });
  test("an interceptor that is no requirement (tracing) makes no guarded sibling", () => {
    expect(found({ path: "src/run.rs", content: server("BillingServer::new(st.billing())").replace("verify_bearer", "trace_calls") })).toEqual([]);
  });
});

describe("quiet handlers: what counts as only logging", () => {
  test("a chained structured log spanning lines is one logging statement", async () => {
    const { onlyLogs } = await import("../pipeline/rules/checks/quiet-handler");
    expect(onlyLogs("{\n\tlog.Warn().\n\t\tStr(\"id\", id).\n\t\tErr(err).Msg(\"save\")\n}", "go")).toBe(true);
    expect(onlyLogs("{\n\tlog.Warn().Err(err).Msg(\"save\")\n\treturn err\n}", "go")).toBe(false);
    expect(onlyLogs("{\n  logger.debug(\n    \"x\",\n    exc_info=True)\n}", "python")).toBe(true);
    expect(onlyLogs("{ logger.warning(\"x\") }", "python")).toBe(false);
  });
});
