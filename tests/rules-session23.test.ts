// Readings of the twenty-third session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import type { StaticFinding } from "../pipeline/kb/schemas/static-finding";
import { NOTES } from "../pipeline/rules/checks/no-assertion";
import { applySmokeNotePolicy } from "../pipeline/rules/lead-policy";
import { rustTestModules } from "../pipeline/rules/test-modules";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}${f.lead ? " lead" : ""}`);

describe("unwired-auth: a class mounted whole, read by what its methods do", () => {
  const resource = (extra: string[], mount: string) => ({ path: "webapi/resources/comments.py", content: lines(
    "class CommentResource(WebAPIResource):",
    "    @webapi_login_required",
    "    def create(self, request, *args, **kwargs):",
    "        return self.model.objects.create(user=request.user)",
    ...extra,
    "",
    mount) });
  const purge = ["    def purge_comments(self, request):", "        self.model.objects.all().delete()"];
  test("super(Cls, self) reaches the base class; it does not mount the class", () => {
    expect(found([resource([...purge, "    def get_links(self, request=None):", "        return super(CommentResource, self).get_links(request)"], "comment_resource = CommentResource()")], /^unwired-auth$/)).toEqual([]);
    expect(found([resource(purge, "api.register(CommentResource)")], /^unwired-auth$/)).toEqual(["webapi/resources/comments.py:py-unguarded-method@5"]);
  });
  test("a permission question, a docstring-only decorated method and a local list's remove are not destructive", () => {
    const quiet = [
      "    def has_delete_permissions(self, request, comment, *args, **kwargs):",
      "        return comment.is_mutable_by(request.user)",
      "    @augment_method_from(BaseCommentResource)",
      "    def delete(self, *args, **kwargs):",
      '        """Deletes the comment."""',
      "        pass",
      "    def get_links(self, child_resources=[], request=None):",
      "        child_resources = list(child_resources)",
      "        child_resources.remove(drafts)",
      "        return child_resources",
    ];
    expect(found([resource(quiet, "api.register(CommentResource)")], /^unwired-auth$/)).toEqual([]);
    // The same delete with a body that deletes is reported.
    expect(found([resource(["    def delete(self, request, *args, **kwargs):", "        self.get_object(request).delete()"], "api.register(CommentResource)")], /^unwired-auth$/).length).toBe(1);
  });
});

describe("stub: a decorator handed a class carries the base's method over", () => {
  const view = (decorator: string) => ({ path: "reviewboard/admin/views.py", content: lines(
    "class SettingsPagesView(ConfigPagesView):",
    `    ${decorator}`,
    "    def dispatch(self, *args, **kwargs):",
    '        """Handle the request to the view."""',
    "        pass") });
  test("@augment_method_from(Base): no finding; a registration decorator over a promising docstring: reported", () => {
    expect(found([view("@augment_method_from(ConfigPagesView)")], /^stub$/)).toEqual([]);
    expect(found([view("@dramatiq.actor")], /^stub$/).length).toBe(1);
  });
});

describe("place: a Rust module declared under #[cfg(test)] in another file is test code", () => {
  const parent = (attr: string) => ({ path: "crates/cg/src/v2/devices/mod.rs", content: lines("pub mod bpf;", attr, "#[allow(clippy::too_many_arguments)]", "pub mod mocks;") });
  const mocks = { path: "crates/cg/src/v2/devices/mocks.rs", content: lines("pub struct MockBpf;", "impl Bpf for MockBpf {", "    fn prog_query(&self) -> Result<Vec<u32>> {", "        unimplemented!();", "    }", "}") };
  test("the declared file and the modules it declares", () => {
    const nested = { path: "crates/cg/src/v2/devices/mocks/inner.rs", content: "pub fn x() {}\n" };
    const withInner = { ...mocks, content: `mod inner;\n${mocks.content}` };
    expect([...rustTestModules([parent("#[cfg(test)]"), withInner, nested])].sort()).toEqual(["crates/cg/src/v2/devices/mocks.rs", "crates/cg/src/v2/devices/mocks/inner.rs"]);
    expect([...rustTestModules([parent("#[cfg(feature = \"mocks\")]"), mocks])]).toEqual([]);
  });
  test("a mock's unimplemented!() under #[cfg(test)]: no finding; the same module compiled always: reported", () => {
    expect(found([parent("#[cfg(test)]"), mocks], /^stub$/)).toEqual([]);
    expect(found([parent("#[cfg(feature = \"mocks\")]"), mocks], /^stub$/).length).toBe(1);
  });
  test("#[path] and a declaring file other than mod.rs", () => {
    const lib = { path: "src/lib.rs", content: lines("#[cfg(test)]", "#[path = \"rig/harness.rs\"]", "mod harness;") };
    const other = { path: "src/net.rs", content: lines("#[cfg(test)]", "mod fixtures;") };
    expect([...rustTestModules([lib, other, { path: "src/rig/harness.rs", content: "" }, { path: "src/net/fixtures.rs", content: "" }])].sort()).toEqual(["src/net/fixtures.rs", "src/rig/harness.rs"]);
  });
});

describe("hardcoded-secret: regular expressions, repeated-character placeholders and introduced examples", () => {
  test("a password-named regular expression and a key-name alternation: no finding; a generated value: reported", () => {
    const py = (v: string) => ({ path: "app/consts.py", content: lines(`REGEX_PASSWORD = r"${v}"`) });
    expect(found([py("^[a-zA-Z0-9]{12,}$")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([{ path: "src/redact.ts", content: lines("const SECRET_KEY_TOKENS =", "  'password|passwd|pwd|secret|token|api[_-]?key|apikey';") }], /^hardcoded-secret$/)).toEqual([]);
    expect(found([py("q8Lk2ZmW9xR4tVb7Yc1Ns6Hd")], /^hardcoded-secret$/).length).toBe(1);
  });
  test("a Slack webhook of X's and zeros: no finding; a real-looking one: reported", () => {
    const ts = (url: string) => ({ path: "src/components/WebhookForm.tsx", content: lines(`export const placeholderFor = () => '${url}';`) });
    expect(found([ts("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([ts("https://hooks.slack.com/services/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")], /^hardcoded-secret$/).length).toBe(1);
  });
  test("a DSN a flag's help introduces with e.g.: no finding; the same DSN as a default value: reported", () => {
    const go = (text: string) => ({ path: "cmd/main.go", content: lines("package main", "func flags(c *cobra.Command) {", `\t${text}`, "}") });
    expect(found([go('c.Flags().StringVar(&dsn, "replica-dsn", "", "read replica DSN e.g. postgres://convoy:convoy@host1:5436/db")')], /^hardcoded-secret$/)).toEqual([]);
    expect(found([go('c.Flags().StringVar(&dsn, "replica-dsn", "postgres://convoy:convoy@host1:5436/db", "read replica DSN")')], /^hardcoded-secret$/).length).toBe(1);
  });
});

describe("insecure-compare: type codes and shown mismatches in Rust", () => {
  const rs = (body: string[]) => ({ path: "src/dbus/serialize.rs", content: lines("fn read_variant(signature: String, buf: &[u8]) -> Result<Variant> {", ...body.map((l) => `    ${l}`), "}") });
  test("a side a built-in type answers (`bool::get_signature()`): no finding; a configured token: reported", () => {
    expect(found([rs(["let bool_signature = bool::get_signature();", "if signature == bool_signature {", "    return Ok(Variant::Bool);", "}", "Err(Error::Unknown)"])], /^insecure-compare$/)).toEqual([]);
    expect(found([rs(["let expected_signature = config.webhook_signature();", "if signature == expected_signature {", "    return Ok(Variant::Bool);", "}", "Err(Error::Unknown)"])], /^insecure-compare$/).length).toBe(1);
  });
  test("both sides printed in the error a mismatch returns, over several lines: no finding", () => {
    const shown = ["let expected_signature = kind.signature();", "if actual_signature != expected_signature {", "    return Err(Error::Mismatch(format!(", "        \"header signature mismatch, expected {:?}, found {:?}\",", "        expected_signature, actual_signature", "    )));", "}", "Ok(())"];
    expect(found([rs(["let actual_signature = read_sig(buf);", ...shown])], /^insecure-compare$/)).toEqual([]);
    expect(found([rs(["let actual_signature = read_sig(buf);", ...shown.slice(0, 2), "    return Err(Error::Mismatch);", "}", "Ok(())"])], /^insecure-compare$/).length).toBe(1);
  });
});

describe("assertion-free-test: testing-library's queries assert presence; Playwright's locators do not", () => {
  const spec = (body: string) => ({ path: "src/components/Comment.test.jsx", content: lines(
    "import { render, screen } from '@testing-library/react';",
    "it('renders the author', () => {",
    "  const { getByText } = render(<Comment author='ann' />);",
    `  ${body}`,
    "});") });
  test("getByText from the render result or on screen: no finding; a queryBy that is not checked: reported", () => {
    expect(found([spec("getByText('ann');")], /^assertion-free-test$/)).toEqual([]);
    expect(found([spec("screen.getByRole('heading');")], /^assertion-free-test$/)).toEqual([]);
    expect(found([spec("screen.queryByText('ann');")], /^assertion-free-test$/).length).toBe(1);
  });
  test("Playwright's page.getByText makes a locator: a test that only clicks one is still reported", () => {
    const pw = { path: "tests/e2e/search.spec.ts", content: lines(
      "import { test } from '@playwright/test';",
      "test('search runs', async ({ page }) => {",
      "  await page.goto('/search');",
      "  await page.getByText('Run').click();",
      "});") };
    expect(found([pw], /^assertion-free-test$/).length).toBe(1);
  });
});

describe("swallowed-error: a decoding that leaves the input as the fallback", () => {
  const ts = (body: string[]) => ({ path: "src/validate.ts", content: lines("export function hasTraversal(input: string): boolean {", ...body.map((l) => `  ${l}`), "  return /\\.\\.\\//.test(decoded);", "}") });
  test("decodeURIComponent over a value that already held the raw input: no finding; a read of a file: reported", () => {
    expect(found([ts(["let decoded = input;", "try {", "  decoded = decodeURIComponent(input);", "} catch (err) {}"])], /^swallowed-error$/)).toEqual([]);
    expect(found([ts(["let decoded = input;", "try {", "  decoded = decodeURIComponent(readFileSync(input, 'utf8'));", "} catch (err) {}"])], /^swallowed-error$/).length).toBe(1);
  });
});

describe("ignored-parameter: framework exports and options destructured in another file", () => {
  test("Next.js's getServerSideProps(context) takes what the framework hands it; another exported function does not", () => {
    const page = (name: string) => ({ path: "pages/signin.tsx", content: lines(`export async function ${name}(context) {`, "  return { props: { providers: await getProviders() } };", "}") });
    expect(found([page("getServerSideProps")], /^ignored-parameter$/)).toEqual([]);
    expect(found([page("loadSigninProps")], /^ignored-parameter$/).length).toBe(1);
  });
  test("commander options handed whole to a function another file destructures them in", () => {
    const cli = { path: "src/cli.ts", content: lines(
      "import { Command } from 'commander';",
      "import { upload } from './upload';",
      "const program = new Command();",
      "program.command('upload')",
      "  .option('-k, --serviceKey <string>', 'The service account key')",
      "  .option('--releaseId [string]', 'An optional release id')",
      "  .action(async (opts) => { await upload(opts); });",
      "program.parse();") };
    const upload = (pattern: string) => ({ path: "src/upload.ts", content: lines(`export async function upload(${pattern}) {`, "  return send(serviceKey, releaseId);", "}") });
    expect(found([cli, upload("{ serviceKey, releaseId }: UploadOptions")], /^ignored-parameter$/)).toEqual([]);
    // An object literal naming the keys builds a value; it reads nothing.
    const literal = { path: "src/upload.ts", content: lines("export async function upload(opts: UploadOptions) {", "  return send(opts.host, { serviceKey: 1, releaseId: 2 });", "}") };
    expect(found([cli, literal], /^ignored-parameter$/).length).toBe(2);
  });
});

describe("smoke-test notes: left out by default, kept on request", () => {
  const note = (message: string): StaticFinding => ({ rule_id: "ts-assertion-free-test", class: "assertion-free-test", severity: "info", file: "a.test.ts", line: 3, snippet: "it(", message } as StaticFinding);
  const claim = { ...note("test asserts nothing"), severity: "warning" } as StaticFinding;
  test("omit drops smoke and concurrency notes and keeps the rest; note keeps all", () => {
    const findings = new Map([["a.test.ts", [note(NOTES["throw-based"]!), note(NOTES.concurrency!), claim]]]);
    expect([...applySmokeNotePolicy(findings, "omit").values()].flat().map((f) => f.severity)).toEqual(["warning"]);
    expect([...applySmokeNotePolicy(findings, "note").values()].flat().length).toBe(3);
    expect(applySmokeNotePolicy(new Map([["b.test.ts", [note(NOTES["throw-based"]!)]]]), "omit").size).toBe(0);
  });
});

describe("swallowed-error: a Go Close by what the closed writer can lose", () => {
  const go = (body: string[]) => ({ path: "cmd/scaffold/create.go", content: lines("package scaffold", "func create(dir string, tpl *template.Template, src io.Reader) error {", ...body.map((l) => `\t${l}`), "\treturn nil", "}") });
  const made = (v: string, how: string) => [`${v}, err := ${how}`, "if err != nil {", "\treturn err", "}"];
  test("an empty marker file and a pipe's end: no finding", () => {
    expect(found([go([...made("marker", 'os.Create(filepath.Join(dir, "assert.yaml"))'), "marker.Close()"])], /^swallowed-error$/)).toEqual([]);
    expect(found([go(["pr, pw := io.Pipe()", "go consume(pr)", "pw.Write([]byte(\"x\"))", "pw.Close()"])], /^swallowed-error$/)).toEqual([]);
  });
  test("a written plain file: a lead; a gzip writer's tail: a claim", () => {
    expect(found([go([...made("f", 'os.Create(filepath.Join(dir, "nuclei.yaml"))'), "if err := tpl.Execute(f, nil); err != nil {", "\treturn err", "}", "f.Close()", "log.Print(\"a\")", "log.Print(\"b\")", "log.Print(\"c\")"])], /^swallowed-error$/)).toEqual(["cmd/scaffold/create.go:go-unchecked-close@10 note lead"]);
    // Answered as success right after the drop: still a claim.
    expect(found([go([...made("f", 'os.Create(filepath.Join(dir, "nuclei.yaml"))'), "encErr := tpl.Execute(f, nil)", "f.Close()", "return encErr"])], /^swallowed-error$/)).toEqual(["cmd/scaffold/create.go:go-unchecked-close@8"]);
    expect(found([go([...made("out", 'os.Create(filepath.Join(dir, "x.gz"))'), "defer out.Close()", "zw := gzip.NewWriter(out)", "if _, err := io.Copy(zw, src); err != nil {", "\treturn err", "}", "zw.Close()"])], /^swallowed-error$/)).toEqual(["cmd/scaffold/create.go:go-unchecked-close@12"]);
  });
});

describe("unwired-auth: a type predicate classifying by an enum member is a status query", () => {
  const ts = (ret: string) => ({ path: "packages/common/src/types.ts", content: lines(
    "export function isSessionSource(source: TSource): source is TSessionSource {",
    `  return ${ret};`,
    "}") });
  test("source.kind === SourceKind.Session: no finding; an ownership comparison of two subjects: reported", () => {
    expect(found([ts("source.kind === SourceKind.Session")], /^unwired-auth$/)).toEqual([]);
    expect(found([ts("source.sessionOwner === currentUser.id")], /^unwired-auth$/).length).toBe(1);
  });
});

describe("insecure-compare: zero values, kind-named enum members and borrowed buffers are no secrets", () => {
  test("Go: a configuration compared with its zero value; a token compared with the header: reported", () => {
    const go = (cond: string) => ({ path: "internal/otel/otel.go", content: lines("package otel", "func (ot *Tracer) headers(r *http.Request) map[string]string {", `\tif ${cond} {`, "\t\treturn map[string]string{\"auth\": \"1\"}", "\t}", "\treturn nil", "}") });
    expect(found([go("ot.cfg.OTelAuth != (config.OTelAuthConfiguration{})")], /^insecure-compare$/)).toEqual([]);
    expect(found([go("r.Header.Get(\"X-Token\") != ot.cfg.AuthToken")], /^insecure-compare$/).length).toBe(1);
  });
  test("Python: the authentication scheme's enum member; the token itself: reported", () => {
    const py = (cond: string) => ({ path: "opal/options.py", content: lines("def check_auth(values, token):", `    if ${cond}:`, "        return True", "    return False") });
    expect(found([py('values["authentication"] == AuthenticationScheme.token')], /^insecure-compare$/)).toEqual([]);
    expect(found([py('values["token"] == token')], /^insecure-compare$/).length).toBe(1);
  });
  test("Rust: a result pointer compared with the buffer it should point at", () => {
    const rs = { path: "src/syscall/linux.rs", content: lines("fn user(uid: u32, passwd: libc::passwd, result: *mut libc::passwd) -> bool {", "    if result != &mut passwd {", "        return false;", "    }", "    true", "}") };
    expect(found([rs], /^insecure-compare$/)).toEqual([]);
  });
});

describe("hidden text: a joiner after an emoji in a string is the emoji's own sequence", () => {
  test("an emoji whose sequence lost its tail: no finding; a joiner between letters of a string: reported", () => {
    const ts = (s: string) => ({ path: "scripts/docker.ts", content: lines(`console.info(\`${s} Adjusted version\`);`) });
    expect(found([ts("\u{1F481}\u{1F3FB}\u200D")], /./)).toEqual([]);
    expect(found([ts("adm\u200Din")], /./).length).toBe(1);
  });
});

describe("swallowed-error: a promise's .catch is no error-first callback", () => {
  test("`.catch(e => {})` on a probe whose answer is tested: no finding; fs.unlink's empty callback: reported", () => {
    const ts = (call: string) => ({ path: "src/lib/mongodb.ts", content: lines(
      "export async function ensureCollection(db: Db, name: string) {",
      `  const status = ${call};`,
      "  if (status) return;",
      "  await db.createCollection(name);",
      "}") });
    expect(found([ts("await db.collection(name).aggregate([{ $collStats: {} }]).next().catch(e => {})")], /^swallowed-error$/)).toEqual([]);
    expect(found([{ path: "src/uploads.ts", content: lines("export function removeUpload(p: string) {", "  fs.unlink(p, (err) => {});", "}") }], /^swallowed-error$/).length).toBe(1);
  });
});

describe("fresh35's misses, by shape", () => {
  test("Go: a method-less route whose handler accepts only PUT, beside token-wrapped siblings", () => {
    const go = (reg: string) => ({ path: "plugin/admin.go", content: lines(
      "package tenantdns",
      "func (a *admin) routes() *http.ServeMux {",
      "\tmux := http.NewServeMux()",
      "\tmux.HandleFunc(\"/flush\", a.requireToken(a.flush))",
      "\tmux.HandleFunc(\"/reload\", a.requireToken(a.reload))",
      `\t${reg}`,
      "\treturn mux",
      "}",
      "func (a *admin) requireToken(next http.HandlerFunc) http.HandlerFunc {",
      "\treturn func(w http.ResponseWriter, r *http.Request) {",
      "\t\tif r.Header.Get(\"Authorization\") != \"Bearer \"+a.token {",
      "\t\t\thttp.Error(w, \"unauthorized\", http.StatusUnauthorized)",
      "\t\t\treturn",
      "\t\t}",
      "\t\tnext(w, r)",
      "\t}",
      "}",
      "func (a *admin) override(w http.ResponseWriter, r *http.Request) {",
      "\tif r.Method != http.MethodPut {",
      "\t\thttp.Error(w, \"method not allowed\", http.StatusMethodNotAllowed)",
      "\t\treturn",
      "\t}",
      "\ta.cache.SetOverride(r.URL.Query().Get(\"name\"))",
      "}") });
    expect(found([go("mux.HandleFunc(\"/override\", a.override)")], /^unwired-auth$/).filter((f) => f.includes("unguarded-route"))).toEqual(["plugin/admin.go:go-unguarded-route@6"]);
    expect(found([go("mux.HandleFunc(\"/override\", a.requireToken(a.override))")], /^unwired-auth$/).filter((f) => f.includes("unguarded-route"))).toEqual([]);
  });
  test("Python: a keyed HMAC with a scheme prefix compared with !=; a module constant that is only the literal is public", () => {
    const py = (rhs: string) => ({ path: "expenses/auth.py", content: lines(
      "def verify_chat_signature(request):",
      "    signature = request.headers.get(\"X-Chat-Signature\", \"\")",
      `    expected = ${rhs}`,
      "    if signature != expected:",
      "        raise Unauthorized(\"bad\")") });
    expect(found([py("\"v0=\" + hmac.new(secret, base, hashlib.sha256).hexdigest()")], /^insecure-compare$/).length).toBe(1);
    expect(found([py("\"v0=sig\"")], /^insecure-compare$/)).toEqual([]);
  });
  test("Kopf's ConnectionInfo(insecure=True) and an env fallback keeping a SQLite store under /tmp", () => {
    expect(found([{ path: "op/login.py", content: lines("def login(**kwargs):", "    return kopf.ConnectionInfo(server=SERVER, token=tok, insecure=True)") }], /^tls-disabled$/).length).toBe(1);
    expect(found([{ path: "op/login.py", content: lines("def login(**kwargs):", "    return kopf.ConnectionInfo(server=SERVER, token=tok, insecure=False)") }], /^tls-disabled$/)).toEqual([]);
    const rs = (url: string) => ({ path: "src/config.rs", content: lines("pub fn from_env() -> Config {", "    Config {", `        database_url: var("DATABASE_URL").unwrap_or_else(|| "${url}".into()),`, "    }", "}") });
    expect(found([rs("sqlite:/tmp/licensing.db?mode=rwc")], /^hardcoded-path$/).length).toBe(1);
    expect(found([rs("sqlite:/var/lib/licensing/licensing.db")], /^hardcoded-path$/)).toEqual([]);
  });
  test("a key id compared with its configured value is no secret; SetBasicAuth's literal password is one", () => {
    const go = (body: string) => ({ path: "client/client.go", content: lines("package client", "func (a *admin) invalidate(w http.ResponseWriter, r *http.Request) {", `\t${body}`, "}") });
    expect(found([go("if r.Header.Get(\"X-Registry-Key-Id\") != a.callbackKID { return }")], /^insecure-compare$/)).toEqual([]);
    expect(found([go("r.SetBasicAuth(\"terraform-integration\", \"Tf-Beacon!2023#legacy\")")], /^hardcoded-secret$/).length).toBe(1);
  });
  test("TS: a parameter property's fields read through this.opts are read", () => {
    const ts = (read: string) => ({ path: "src/backend.ts", content: lines(
      "export interface BackendOptions {", "  baseUrl: string;", "  apiKey: string;", "}",
      "export class BackendClient {",
      "  constructor(private readonly opts: BackendOptions) {}",
      `  headers() { return { base: this.opts.baseUrl, key: ${read} }; }`,
      "}") });
    expect(found([ts("this.opts.apiKey")], /^ignored-parameter$/)).toEqual([]);
  });
});

describe("unwired-auth: authenticate() is a peer's check", () => {
  const mod = (last: string) => ({ path: "src/functions/invoices.ts", content: lines(
    "import { authenticate } from '../lib/auth';",
    "export async function createInvoice(request: HttpRequest) { const c = await authenticate(request, 'W'); return store.create(c, await request.json()); }",
    "export async function voidInvoice(request: HttpRequest) { const c = await authenticate(request, 'W'); return store.void(c, request.params.id); }",
    "export async function refundInvoice(request: HttpRequest) { const c = await authenticate(request, 'W'); return store.refund(c, request.params.id); }",
    last) });
  test("a module's action without the authenticate() its peers open with: reported; with it: not", () => {
    expect(found([mod("export async function exportInvoices(request: HttpRequest) { return store.exportAll(request.params.customerId); }")], /^unwired-auth$/)).toEqual(["src/functions/invoices.ts:ts-unguarded-peer@5"]);
    expect(found([mod("export async function exportInvoices(request: HttpRequest) { const c = await authenticate(request, 'R'); return store.exportAll(c); }")], /^unwired-auth$/)).toEqual([]);
  });
});


describe("hardcoded-path: an env fallback under /tmp is a store only when it names a data file", () => {
  test("EXPORT_DIR ?? '/tmp/inventory-exports': no finding; STATE_FILE ?? '/tmp/inventory/state.json': reported", () => {
    const ts = (v: string) => ({ path: "src/config.ts", content: lines("export function load() {", `  return { dir: process.env.${v} };`, "}") });
    expect(found([ts("EXPORT_DIR ?? '/tmp/inventory-exports'")], /^hardcoded-path$/)).toEqual([]);
    expect(found([ts("STATE_FILE ?? '/tmp/inventory/state.json'")], /^hardcoded-path$/).length).toBe(1);
  });
});

describe("the review's counter-examples (helper 222): each reading kept to its shape", () => {
  test("an OpenSSH key's run of A is no placeholder; a commented-out #[cfg(test)] declares nothing", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\\nQyNTUxOQAAACBq7dJ4yQvjpTq7v0v2bT8m4d1c5w7q9zT3kU2fJ0y1aAAAAJjxkM3C8ZDN\\n-----END OPENSSH PRIVATE KEY-----";
    expect(found([{ path: "src/deploy.ts", content: lines(`export const DEPLOY_KEY = \`${key.replace(/\\\\n/g, "\n")}\`;`) }], /^hardcoded-secret$/).length).toBeGreaterThan(0);
    const lib = { path: "src/lib.rs", content: lines("// #[cfg(test)]", "// mod tests;", "pub mod billing;") };
    expect([...rustTestModules([lib, { path: "src/billing.rs", content: "" }])]).toEqual([]);
  });
  test("echoing the token the caller sent does not make the compare a shown code", () => {
    const go = { path: "auth/verify.go", content: lines("package auth", "func (v *Verifier) Check(token string) error {", "\tif token != v.secret {", "\t\treturn fmt.Errorf(\"invalid api token %q\", token)", "\t}", "\treturn nil", "}") };
    expect(found([go], /^insecure-compare$/).length).toBe(1);
  });
  test("a State object's token is no enum case; one bracketed range is no regular expression", () => {
    const py = (rhs: string) => ({ path: "app/auth.py", content: lines("def check_token(request):", "    token = request.headers.get('X-Token')", `    if token == ${rhs}:`, "        return True", "    return False") });
    expect(found([py("AppState.admin_token")], /^insecure-compare$/).length).toBe(1);
    expect(found([py("GrantType.password")], /^insecure-compare$/)).toEqual([]);
    expect(found([{ path: "app/settings.py", content: lines('DB_PASSWORD = "h7[Kq-2]vX!p9Lm#4"') }], /^hardcoded-secret$/).length).toBe(1);
  });
  test("a process event beside guard-named calls is no bypass; a client's own authenticate() is no peer check", () => {
    const ts = { path: "src/main.ts", content: lines("export function boot() {", "  requireEnv('DATABASE_URL', 'x');", "  requireEnv('REDIS_URL', 'y');", "  process.on('unhandledRejection', (reason, promise) => { log(reason, promise); });", "}") };
    expect(found([ts], /^unwired-auth$/)).toEqual([]);
    const py = { path: "vault/client.py", content: lines(
      "class VaultClient:",
      "    def read_secret(self, path):",
      "        self.authenticate()",
      "        return self._get(path)",
      "    def list_secrets(self, path):",
      "        self.authenticate()",
      "        return self._list(path)",
      "    def write_secret(self, path, data):",
      "        self.authenticate()",
      "        return self._put(path, data)",
      "    def delete_secret(self, path):",
      "        return self._delete(path)") };
    expect(found([py], /^unwired-auth$/)).toEqual([]);
  });
  test("a handler refusing POST (==) is not a POST route; a command's stdout file is written", () => {
    const go = (cond: string) => ({ path: "api/routes.go", content: lines(
      "package api",
      "func routes(a *API) *http.ServeMux {",
      "\tmux := http.NewServeMux()",
      "\tmux.HandleFunc(\"/admin/flush\", requireAdmin(a.flush))",
      "\tmux.HandleFunc(\"/admin/reindex\", requireAdmin(a.reindex))",
      "\tmux.HandleFunc(\"/api/packages\", a.packages)",
      "\treturn mux",
      "}",
      "func (a *API) packages(w http.ResponseWriter, r *http.Request) {",
      `\tif ${cond} {`,
      "\t\thttp.Error(w, \"read-only\", http.StatusMethodNotAllowed)",
      "\t\treturn",
      "\t}",
      "\tjson.NewEncoder(w).Encode(a.store.List())",
      "}") });
    expect(found([go("r.Method == http.MethodPost")], /^unwired-auth$/).filter((f) => f.includes("unguarded-route"))).toEqual([]);
    const out = { path: "build/run.go", content: lines("package build", "func run(path string) (string, error) {", "\tout, err := os.Create(path)", "\tif err != nil {", "\t\treturn \"\", err", "\t}", "\tcmd := exec.Command(\"make\")", "\tcmd.Stdout = out", "\tif err := cmd.Run(); err != nil {", "\t\treturn \"\", err", "\t}", "\tout.Close()", "\treturn path, nil", "}") };
    expect(found([out], /^swallowed-error$/)).toEqual(["build/run.go:go-unchecked-close@12"]);
  });
});
