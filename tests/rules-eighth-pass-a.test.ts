// Eighth pass on issue 10 (unwired-auth by shape and by how frameworks mount guards): each shape with a case the
// floor must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const found = (...files: File[]) => foundIn(files, /^unwired-auth$/);

describe("unwired-auth: what is no unwired guard", () => {
  test("a method of a trait impl is called through the trait, whatever its name", () => {
    const verifier = lines(
      "struct PinnedKey;",
      "impl TokenVerifier for PinnedKey {",
      "    fn verify_session_signature(&self, token: &str) -> Result<(), Denied> {",
      "        if token.is_empty() { return Err(Denied); }",
      "        Ok(())",
      "    }",
      "}",
      "pub fn verifier() -> Box<dyn TokenVerifier> { Box::new(PinnedKey) }");
    expect(found({ path: "src/keys.rs", content: verifier })).toEqual([]);
    // the same function free-standing and called by nobody is still reported
    const free = lines(
      "fn verify_session_signature(token: &str) -> Result<(), Denied> {",
      "    if token.is_empty() { return Err(Denied); }",
      "    Ok(())",
      "}",
      "pub fn serve() {}");
    expect(found({ path: "src/keys.rs", content: free })).toEqual(["unwired-auth@src/keys.rs:1"]);
  });

  const integrity = (lookup: string) => lines(
    "import hashlib, hmac",
    "",
    `def confirm(path, expected):`,
    `    digest = hashlib.sha256(${lookup}.read()).hexdigest()`,
    "    if not hmac.compare_digest(digest, expected):",
    "        raise ValueError('mismatch')",
    "",
    "def main():",
    "    print('ok')");
  test("a digest of a file the caller names compared with an expected one checks integrity, not who is asking", () => {
    expect(found({ path: "pkg/blobs.py", content: integrity("path.open('rb')") })).toEqual([]);
    expect(found({ path: "pkg/blobs.py", content: integrity("open(path, 'rb')") })).toEqual([]);
  });
  test("a presented value compared with one read from a fixed place is a credential check nothing calls", () => {
    expect(found({ path: "pkg/blobs.py", content: integrity("open('/etc/relay/key', 'rb')") })).toEqual(["unwired-auth@pkg/blobs.py:3"]);
  });
});

describe("unwired-auth: dispatch arms that carry their check in a match guard", () => {
  const control = (wipeArm: string) => lines(
    "impl Ctl {",
    "    async fn line(&self, token: &str, cmd: &str) -> String {",
    "        match cmd {",
    "            \"stats\" => self.stats(),",
    "            \"drain\" if self.is_operator(token) => self.drain(),",
    `            ${wipeArm}`,
    "                Ok(n) => format!(\"wiped {n}\"),",
    "                Err(e) => format!(\"error {e}\"),",
    "            },",
    "            _ => \"denied\".into(),",
    "        }",
    "    }",
    "    fn is_operator(&self, token: &str) -> bool { token == self.operator_token }",
    "}");
  test("an arm without the guard its sibling arm's pattern carries is reported, an Err pattern is no check of its own", () => {
    expect(found({ path: "src/ctl.rs", content: control("\"wipe\" => match self.store.wipe_all() {") })).toEqual(["unwired-auth@src/ctl.rs:6"]);
  });
  test("the same arm with the guard: not reported", () => {
    expect(found({ path: "src/ctl.rs", content: control("\"wipe\" if self.is_operator(token) => match self.store.wipe_all() {") })).toEqual([]);
  });
});

describe("unwired-auth: a method guard mounted through its receiver", () => {
  const routes = (bare: string) => lines(
    "package ops",
    "func (a *API) requireOperator(next http.HandlerFunc) http.HandlerFunc {",
    "\treturn func(w http.ResponseWriter, r *http.Request) {",
    "\t\tif r.Header.Get(\"X-Operator-Token\") != a.token {",
    "\t\t\thttp.Error(w, \"forbidden\", http.StatusForbidden)",
    "\t\t\treturn",
    "\t\t}",
    "\t\tnext(w, r)",
    "\t}",
    "}",
    "func (a *API) Mux() *http.ServeMux {",
    "\tm := http.NewServeMux()",
    "\tm.HandleFunc(\"POST /jobs/{id}/retry\", a.requireOperator(a.retry))",
    `\tm.HandleFunc("DELETE /jobs/{id}", ${bare})`,
    "\treturn m",
    "}");
  test("a bare sibling of a route wrapped in the receiver's guard method is reported", () => {
    expect(found({ path: "ops/api.go", content: routes("a.remove") })).toEqual(["unwired-auth@ops/api.go:14"]);
  });
  test("wrapped too: not reported", () => {
    expect(found({ path: "ops/api.go", content: routes("a.requireOperator(a.remove)") })).toEqual([]);
  });
});

describe("unwired-auth: Python middleware by its chain, tower layers by their service", () => {
  const mw = lines(
    "def audit_key_middleware(cfg):",
    "    async def middleware(request, handler):",
    "        if request.headers.get('X-Audit-Token') != cfg.audit_token:",
    "            return Response(status=403)",
    "        return await handler(request)",
    "    return middleware");
  test("a (request, handler) middleware factory that refuses and that nothing mounts is reported", () => {
    expect(found({ path: "svc/guards.py", content: mw }, { path: "svc/app.py", content: "app = Application()\n" })).toEqual(["unwired-auth@svc/guards.py:1"]);
  });
  test("appended to the app's middlewares: not reported", () => {
    expect(found({ path: "svc/guards.py", content: mw }, { path: "svc/app.py", content: "app = Application()\napp.middlewares.append(audit_key_middleware(cfg))\n" })).toEqual([]);
  });
  test("a middleware that hands the request on but checks nobody is no guard", () => {
    const timing = mw.replace("if request.headers.get('X-Audit-Token') != cfg.audit_token:\n            return Response(status=403)\n", "started = time.time()\n");
    expect(found({ path: "svc/guards.py", content: timing }, { path: "svc/app.py", content: "app = Application()\n" })).toEqual([]);
  });

  const layer = lines(
    "pub struct OperatorGate { key: Arc<str> }",
    "impl<S> Layer<S> for OperatorGate {",
    "    type Service = OperatorGateService<S>;",
    "    fn layer(&self, inner: S) -> Self::Service { OperatorGateService { inner, key: self.key.clone() } }",
    "}",
    "pub struct OperatorGateService<S> { inner: S, key: Arc<str> }",
    "impl<S, B> Service<Request<B>> for OperatorGateService<S> where S: Service<Request<B>> {",
    "    fn call(&mut self, req: Request<B>) -> Self::Future {",
    "        if req.headers().get(AUTHORIZATION).map(|v| v.as_bytes()) != Some(self.key.as_bytes()) {",
    "            return deny(StatusCode::FORBIDDEN);",
    "        }",
    "        self.inner.call(req)",
    "    }",
    "}");
  test("a tower Layer whose Service refuses, added to no stack, is reported at the layer", () => {
    expect(found({ path: "src/gate.rs", content: layer }, { path: "src/main.rs", content: "fn main() { let svc = ServiceBuilder::new().layer(TraceLayer::new()).service(app); }\n" })).toEqual(["unwired-auth@src/gate.rs:1"]);
  });
  test("added to the ServiceBuilder: not reported; a layer whose service refuses nobody is no guard", () => {
    expect(found({ path: "src/gate.rs", content: layer }, { path: "src/main.rs", content: "fn main() { let svc = ServiceBuilder::new().layer(OperatorGate::new(k)).service(app); }\n" })).toEqual([]);
    const timing = layer.replace(/        if req[\s\S]*?\n        }\n/, "        let t = Instant::now();\n");
    expect(found({ path: "src/gate.rs", content: timing }, { path: "src/main.rs", content: "fn main() {}\n" })).toEqual([]);
  });
});

describe("unwired-auth: route records and mounted classes", () => {
  const table = (options: string) => lines(
    "export function register(server) {",
    "  server.route([",
    "    { method: 'GET', path: '/carts', options: { auth: 'session' }, handler: listCarts },",
    `    { method: 'DELETE', path: '/carts/{id}',${options} handler: async (req) => carts.drop(req.params.id) },`,
    "  ]);",
    "}");
  test("a state-changing route record with no access option beside one that has it is reported", () => {
    expect(found({ path: "src/routes.ts", content: table("") })).toEqual(["unwired-auth@src/routes.ts:4"]);
  });
  test("with the option, or explicitly public: not reported", () => {
    expect(found({ path: "src/routes.ts", content: table(" options: { auth: 'session' },") })).toEqual([]);
    expect(found({ path: "src/routes.ts", content: table(" options: { auth: false },") })).toEqual([]);
  });

  const groups = (open: string) => lines(
    "package handler",
    "func Register(srv *rest.Server, c *svc.Context) {",
    "\tsrv.AddRoutes([]rest.Route{",
    "\t\t{Method: http.MethodGet, Path: \"/fleet/trucks\", Handler: TrucksHandler(c)},",
    "\t}, rest.WithMiddlewares([]rest.Middleware{c.RequireDispatcher}), rest.WithJwt(c.Config.Auth.Secret))",
    "\tsrv.AddRoutes([]rest.Route{",
    "\t\t{Method: http.MethodGet, Path: \"/ping\", Handler: PingHandler(c)},",
    `\t\t{Method: http.MethodGet, Path: "${open}", Handler: OpenHandler(c)},`,
    "\t})",
    "}");
  test("a route in the unguarded group whose path neighbours are all guarded is reported", () => {
    expect(found({ path: "internal/handler/routes.go", content: groups("/fleet/trucks/export") })).toEqual(["unwired-auth@internal/handler/routes.go:8"]);
  });
  test("a route whose path shares nothing with the guarded group's: not reported", () => {
    expect(found({ path: "internal/handler/routes.go", content: groups("/catalog/export") })).toEqual([]);
  });

  const cli = (decorator: string) => lines(
    "import fire",
    "def require_admin_user(fn):",
    "    def inner(*args, **kwargs):",
    "        if getpass.getuser() not in ADMINS:",
    "            raise PermissionError('admins only')",
    "        return fn(*args, **kwargs)",
    "    return inner",
    "class Tool:",
    "    @require_admin_user",
    "    def rebuild(self):",
    "        index.rebuild()",
    `    ${decorator}`,
    "    def truncate_events(self, before):",
    "        db.execute('DELETE FROM events WHERE at < %s', before)",
    "def main():",
    "    fire.Fire(Tool)");
  test("a destructive method of a class handed to fire.Fire without its sibling's guard decorator is reported", () => {
    expect(found({ path: "tool/cli.py", content: cli("") })).toEqual(["unwired-auth@tool/cli.py:13"]);
  });
  test("decorated, or the class handed to nothing: not reported", () => {
    expect(found({ path: "tool/cli.py", content: cli("@require_admin_user") })).toEqual([]);
    expect(found({ path: "tool/cli.py", content: cli("").replace("    fire.Fire(Tool)", "    Tool().rebuild()") })).toEqual([]);
  });

  const handler = (name: string, uses: string, body = "await orders.void(e.pathParameters.id); return { statusCode: 204 };") => ({
    path: `src/handlers/${name}.ts`,
    content: lines(`const base = async (e) => { ${body} };`, `export const handler = middy(base)${uses};`),
  });
  test("an exported middy chain without the guard its sibling modules mount is reported", () => {
    expect(found(handler("listOrders", ".use(requireApiKey()).use(errors())"), handler("voidOrder", ".use(errors())"))).toEqual(["unwired-auth@src/handlers/voidOrder.ts:2"]);
  });
  test("with the guard, or a base that refuses by itself: not reported", () => {
    expect(found(handler("listOrders", ".use(requireApiKey()).use(errors())"), handler("voidOrder", ".use(requireApiKey()).use(errors())"))).toEqual([]);
    expect(found(handler("listOrders", ".use(requireApiKey()).use(errors())"), handler("carrierHook", ".use(errors())", "if (!signed(e)) return { statusCode: 401 }; return apply(e);"))).toEqual([]);
  });
});
