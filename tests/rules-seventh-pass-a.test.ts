// Seventh pass on issue 10 (unwired-auth by shape and by how frameworks mount guards): each shape with a case
// the floor must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const found = (...files: File[]) => foundIn(files, /^unwired-auth$/);

describe("unwired-auth: a route guard known by what a local is bound to", () => {
  const restify = (guard: string, use = "server.use(restify.plugins.gzipResponse());") => lines(
    "export function routes(server, cfg) {",
    "  const clerk = requireClerkRole(cfg.roles);",
    `  ${use}`,
    "  server.get('/parcels', clerk, parcels.list);",
    "  server.put('/parcels/:id', clerk, parcels.update);",
    `  server.del('/parcels/:id', ${guard}parcels.destroy);`,
    "}");
  test("restify's del beside siblings taking the local the guard factory made: reported", () => {
    expect(found({ path: "src/routes.ts", content: restify("") })).toEqual(["unwired-auth@src/routes.ts:6"]);
  });
  test("the same local on the del route, or a router-level use naming who is asking: not reported", () => {
    expect(found({ path: "src/routes.ts", content: restify("clerk, ") })).toEqual([]);
    expect(found({ path: "src/routes.ts", content: restify("", "server.use(sessionCheck(cfg));") })).toEqual([]);
  });
  test("a local bound to something that is no guard does not make siblings guarded", () => {
    const plain = restify("").replace("requireClerkRole(cfg.roles)", "rateLimit(cfg.limits)");
    expect(found({ path: "src/routes.ts", content: plain })).toEqual([]);
  });

  const httprouter = (wrapped: string, method = "r.POST(\"/v1/batches/:id/cancel\", ") => lines(
    "package api",
    "func Routes(keys Keys, h *H) *httprouter.Router {",
    `\tsigned := func(next httprouter.Handle) httprouter.Handle { return ${wrapped}(keys, next) }`,
    "\tr := httprouter.New()",
    "\tr.GET(\"/v1/batches\", signed(h.list))",
    `\t${method}h.cancel)`,
    "\treturn r",
    "}");
  test("a local handler wrapper handing the handler to a check: the bare sibling is reported", () => {
    expect(found({ path: "api/routes.go", content: httprouter("requireBearer") })).toEqual(["unwired-auth@api/routes.go:6"]);
    expect(found({ path: "api/routes.go", content: httprouter("requireBearer", "r.Handle(\"DELETE\", \"/v1/batches/:id\", ") })).toEqual(["unwired-auth@api/routes.go:6"]);
  });
  test("a local wrapper around something that checks nobody: not reported", () => {
    expect(found({ path: "api/routes.go", content: httprouter("withTrace") })).toEqual([]);
  });
  test("a comment calling a route unauthenticated is no access decision of the enclosing function", () => {
    const commented = restify("").replace("export function routes(server, cfg) {", "export function routes(server, cfg) {\n  // unauthenticated probe below, answered 401 never");
    expect(found({ path: "src/routes.ts", content: commented })).toEqual(["unwired-auth@src/routes.ts:7"]);
  });
});

describe("unwired-auth: class views guarded through method_decorator", () => {
  const views = (decorator: string) => lines(
    "class ShelfList(LoginRequiredMixin, ListView):",
    "    model = Shelf",
    "",
    `${decorator}`,
    "class ShelfRetire(View):",
    "    def post(self, request, pk):",
    "        Shelf.objects.filter(pk=pk).update(retired=True)",
    "        return redirect('shelves')");
  test("a requirement applied to dispatch guards the class: not reported", () => {
    expect(found({ path: "library/views.py", content: views("@method_decorator(curator_required, name='dispatch')") })).toEqual([]);
  });
  test("a transport requirement guards nothing: reported", () => {
    expect(found({ path: "library/views.py", content: views("@method_decorator(require_POST, name='dispatch')") })).toEqual(["unwired-auth@library/views.py:5"]);
  });
});

describe("unwired-auth: a command dispatch where one arm checks and a destructive arm does not", () => {
  const rust = (purge: string) => lines(
    "fn run(opts: Opts, vault: Vault) -> anyhow::Result<()> {",
    "    match opts.action {",
    "        Action::Seal => {",
    "            require_unlock_token(&opts)?;",
    "            vault.seal()",
    "        }",
    `        Action::Erase => ${purge},`,
    "        Action::List => vault.list(),",
    "    }",
    "}");
  test("Rust: the erase arm acts without the check: reported", () => {
    expect(found({ path: "src/main.rs", content: rust("vault.erase_all()") })).toEqual(["unwired-auth@src/main.rs:7"]);
  });
  test("Rust: the erase arm checks too, or checks by itself: not reported", () => {
    expect(found({ path: "src/main.rs", content: rust("{ require_unlock_token(&opts)?; vault.erase_all() }") })).toEqual([]);
    expect(found({ path: "src/main.rs", content: rust("{ if !opts.confirmed { bail!(\"refusing\") } vault.erase_all() }") })).toEqual([]);
  });
  const go = (check: string) => lines(
    "package main",
    "func dispatch(cmd string, cfg Config, db *DB) error {",
    "\tswitch cmd {",
    "\tcase \"import\":",
    `\t\tif err := ${check}(cfg); err != nil {`,
    "\t\t\treturn err",
    "\t\t}",
    "\t\treturn db.Import(cfg.Src)",
    "\tcase \"drop\":",
    "\t\treturn db.DropAll()",
    "\t}",
    "\treturn nil",
    "}");
  test("Go: a switch arm dropping data beside an arm that checks the operator's token: reported", () => {
    expect(found({ path: "cmd/tool/main.go", content: go("ensureOperatorToken") })).toEqual(["unwired-auth@cmd/tool/main.go:9"]);
  });
  test("Go: the sibling's call checks no one (input validation): not reported", () => {
    expect(found({ path: "cmd/tool/main.go", content: go("ensureSourceExists") })).toEqual([]);
  });
  test("Python: an elif chain, the check recognised by what its body reads", () => {
    const py = (body: string) => lines(
      "def verify_caller(args):",
      `    ${body}`,
      "",
      "def main(args):",
      "    if args.cmd == 'grant':",
      "        verify_caller(args)",
      "        grant(args.user)",
      "    elif args.cmd == 'revoke':",
      "        revoke_all(args.user)");
    expect(found({ path: "tool/cli.py", content: py("if not args.token: raise SystemExit('no token')") })).toEqual(["unwired-auth@tool/cli.py:8"]);
    expect(found({ path: "tool/cli.py", content: py("if not args.path: raise SystemExit('no path')") })).toEqual([]);
  });
});

describe("unwired-auth: a credential check no shipped code calls", () => {
  const check = lines(
    "package gate",
    "func Admit(conn net.Conn, keys map[string]string) (string, error) {",
    "\tid, presented, err := readHello(conn)",
    "\tif err != nil {",
    "\t\treturn \"\", err",
    "\t}",
    "\tif subtle.ConstantTimeCompare([]byte(presented), []byte(keys[id])) != 1 {",
    "\t\treturn \"\", fmt.Errorf(\"client %s refused\", id)",
    "\t}",
    "\treturn id, nil",
    "}");
  const server = (call: string) => lines("package gate", "func (s *Server) handle(conn net.Conn) {", `\t${call}`, "\ts.serve(conn)", "}");
  test("compared constant-time and refused, called by nothing (a test call does not count): reported", () => {
    expect(found({ path: "gate/admit.go", content: check }, { path: "gate/server.go", content: server("defer conn.Close()") },
      { path: "gate/admit_test.go", content: lines("package gate", "func TestAdmit(t *testing.T) { Admit(nil, nil) }") })).toEqual(["unwired-auth@gate/admit.go:2"]);
  });
  test("called by the server: not reported; a compare that returns a boolean is a primitive, not reported", () => {
    expect(found({ path: "gate/admit.go", content: check }, { path: "gate/server.go", content: server("if _, err := Admit(conn, s.keys); err != nil { return }") })).toEqual([]);
    const primitive = lines("package gate", "func SameKey(a, b []byte) bool {", "\treturn subtle.ConstantTimeCompare(a, b) == 1", "}");
    expect(found({ path: "gate/key.go", content: primitive })).toEqual([]);
    // failing, but both compared values are handed in: the caller holds the secret, a primitive
    const handedIn = lines("package gate", "func CheckDigest(body []byte, sig string) error {", "\tif !hmac.Equal(digest(body), []byte(sig)) {", "\t\treturn ErrDigest", "\t}", "\treturn nil", "}");
    expect(found({ path: "gate/digest.go", content: handedIn })).toEqual([]);
  });
});

describe("unwired-auth: a credential check that is a method is reached through its receiver", () => {
  test("the same compare-and-fail body as a method (a framework hook): not reported", () => {
    const hook = lines(
      "package gate",
      "func (g *keyGate) BeforeRun() error {",
      "\tif subtle.ConstantTimeCompare([]byte(g.Key), g.want) != 1 {",
      "\t\treturn errors.New(\"bad key\")",
      "\t}",
      "\treturn nil",
      "}");
    expect(found({ path: "gate/hook.go", content: hook })).toEqual([]);
  });
});

describe("unwired-auth: types mounted by a framework, compared across files", () => {
  const tree = lines(
    "package main",
    "type CLI struct {",
    "\tImport ImportCmd `cmd:\"\" help:\"Import records.\"`",
    "\tReset  ResetCmd  `cmd:\"\" help:\"Reset the ledger to empty.\"`",
    "}");
  const commands = (embedReset: boolean) => lines(
    "package main",
    "type ImportCmd struct {",
    "\tledgerKeeper",
    "\tFile string `arg:\"\"`",
    "}",
    "type ResetCmd struct {",
    embedReset ? "\tledgerKeeper" : "\tYes bool",
    "}");
  const guard = (field: string) => lines(
    "package main",
    `type ledgerKeeper struct{ ${field} string }`,
    "func (k *ledgerKeeper) AfterApply() error {",
    `\tif k.${field} != os.Getenv("LEDGER_${field.toUpperCase()}") {`,
    "\t\treturn errors.New(\"refused\")",
    "\t}",
    "\treturn nil",
    "}");
  test("kong: the reset command's type embeds no guard, the import command's does: reported at the tree", () => {
    expect(found({ path: "cmd/ledger/main.go", content: tree }, { path: "cmd/ledger/commands.go", content: commands(false) }, { path: "cmd/ledger/keeper.go", content: guard("Token") }))
      .toEqual(["unwired-auth@cmd/ledger/main.go:4"]);
  });
  test("kong: both embed it, or the embedded type checks no one: not reported", () => {
    expect(found({ path: "cmd/ledger/main.go", content: tree }, { path: "cmd/ledger/commands.go", content: commands(true) }, { path: "cmd/ledger/keeper.go", content: guard("Token") })).toEqual([]);
    expect(found({ path: "cmd/ledger/main.go", content: tree }, { path: "cmd/ledger/commands.go", content: commands(false) }, { path: "cmd/ledger/keeper.go", content: guard("Locale") })).toEqual([]);
  });
  const app = lines(
    "def make_app():",
    "    app = falcon.App()",
    "    app.add_route('/vaults/{id}/seal', SealVault())",
    "    app.add_route('/vaults/{id}/erase', EraseVault())",
    "    return app");
  const resources = (hook: string) => lines(
    "@falcon.before(custodian_required)",
    "class SealVault:",
    "    def on_post(self, req, resp, id):",
    "        seal(id)",
    "",
    hook,
    "class EraseVault:",
    "    def on_post(self, req, resp, id):",
    "        erase(id)");
  test("Falcon: the erase resource lacks the hook its sibling carries: reported at the registration", () => {
    expect(found({ path: "vault/app.py", content: app }, { path: "vault/resources.py", content: resources("") })).toEqual(["unwired-auth@vault/app.py:4"]);
  });
  test("Falcon: the erase resource carries the hook too: not reported", () => {
    expect(found({ path: "vault/app.py", content: app }, { path: "vault/resources.py", content: resources("@falcon.before(custodian_required)") })).toEqual([]);
  });
});
