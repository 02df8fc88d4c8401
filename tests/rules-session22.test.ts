// Readings of the twenty-second session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { looksGenerated } from "../pipeline/walk/filters";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}${f.lead ? " lead" : ""}`);

describe("ignored-parameter: Rust's lint expectation says what `allow` says", () => {
  const method = (attr: string) => ({ path: "python/src/model.rs", content: lines(
    "#[pymethods]",
    "impl PyNamedNode {",
    `    ${attr}`,
    "    pub fn __deepcopy__<'a>(slf: PyRef<'a, Self>, memo: &'_ Bound<'_, PyAny>) -> PyRef<'a, Self> {",
    "        slf",
    "    }",
    "}") });
  test("#[expect(unused_variables)]: no finding; a bare method: reported", () => {
    expect(found([method("#[expect(unused_variables)]")], /^ignored-parameter$/)).toEqual([]);
    expect(found([method("#[inline]")], /^ignored-parameter$/).length).toBeGreaterThan(0);
  });
});

describe("insecure-compare: content digests by their flow, their getters and go-digest's spellings", () => {
  const go = (cond: string, pre = "") => ({ path: "registry/storage/blobwriter.go", content: lines(
    "package storage",
    "func (bw *blobWriter) validateBlob(desc Descriptor, dgst digest.Digest) bool {",
    pre ? `\t${pre}` : "\t_ = 0",
    `\tif ${cond} {`,
    "\t\treturn true",
    "\t}",
    "\treturn false",
    "}") });
  test("a side made from a digester, or spelled dgst: no finding", () => {
    expect(found([go("desc.Digest == canonical", "canonical := bw.digester.Digest()")], /^insecure-compare$/)).toEqual([]);
    expect(found([go("dgst != desc.Digest")], /^insecure-compare$/)).toEqual([]);
  });
  test("a token compared with a digest is still a credential compare", () => {
    expect(found([go("desc.Digest == apiToken")], /^insecure-compare$/).length).toBe(1);
  });
  test("Rust: a digest read through a getter, and a pagination token's digest", () => {
    const rs = (cond: string) => ({ path: "src/scheduler.rs", content: lines(
      "pub fn matches(action_digest: DigestInfo, awaited: &AwaitedAction, page_token_digest: DigestInfo, digest: DigestInfo) -> bool {",
      `    ${cond}`,
      "}") });
    expect(found([rs("action_digest != awaited.action_info().digest()")], /^insecure-compare$/)).toEqual([]);
    expect(found([rs("digest == page_token_digest")], /^insecure-compare$/)).toEqual([]);
    expect(found([rs("digest == session_token_digest")], /^insecure-compare$/).length).toBe(1);
  });
});

describe("stub: a Go backend declining a method other types implement is a lead", () => {
  // A working client: three methods doing real work beside the one it declines.
  const backend = (name: string, body: string) => ({ path: `server/vcs/${name}/client.go`, content: lines(
    `package ${name}`,
    "type Client struct{ http *http.Client; base string }",
    "func (c *Client) GetCloneURL(repo string) (string, error) {",
    `\t${body}`,
    "}",
    "func (c *Client) CreateComment(repo string, pull int, text string) error { return c.post(c.base+\"/comments\", text) }",
    "func (c *Client) MergePull(repo string, pull int) error { return c.post(c.base+\"/merge\", \"\") }",
    "func (c *Client) GetPullLabels(repo string, pull int) ([]string, error) { return c.labels(repo, pull) }") });
  test("implemented by another type: a lead; implemented nowhere else: a claim", () => {
    const bitbucket = backend("bitbucket", "return \"\", fmt.Errorf(\"not yet implemented\")");
    const github = { path: "server/vcs/github/client.go", content: lines("package github", "type GithubClient struct{}", "func (g *GithubClient) GetCloneURL(repo string) (string, error) {", "\treturn \"https://github.com/\" + repo + \".git\", nil", "}") };
    expect(found([bitbucket, github], /^stub$/)).toEqual(["server/vcs/bitbucket/client.go:go-not-implemented@4 note lead"]);
    expect(found([bitbucket], /^stub$/)).toEqual(["server/vcs/bitbucket/client.go:go-not-implemented@4"]);
  });
  test("a command whose one job panics, beside one-line Help and Synopsis, stays a claim", () => {
    const replay = { path: "internal/commands/admin.go", content: lines(
      "package commands",
      "func (c *ReplayCommand) Synopsis() string { return \"Replay digests\" }",
      "func (c *ReplayCommand) Help() string { return \"Usage: replay\" }",
      "func (c *ReplayCommand) Run(args []string) int {",
      "\tpanic(\"replay: not implemented yet\")",
      "}") };
    const send = { path: "internal/commands/send.go", content: lines("package commands", "func (c *SendCommand) Run(args []string) int {", "\treturn c.send(args)", "}") };
    expect(found([replay, send], /^stub$/)).toEqual(["internal/commands/admin.go:go-not-implemented@5"]);
  });
  test("another stub of the same name implements nothing", () => {
    const a = backend("bitbucket", "return \"\", fmt.Errorf(\"not yet implemented\")");
    const b = backend("azure", "return \"\", errors.New(\"not implemented\")");
    expect(found([a, b], /^stub$/).every((f) => !f.endsWith("lead"))).toBe(true);
  });
});

describe("ignored-parameter: an Angular template's $event", () => {
  test("a method taking $event it does not read: no finding; another unread name: reported", () => {
    const component = (param: string) => ({ path: "src/app/copy-digest.component.ts", content: lines(
      "@Component({ selector: 'copy-digest', templateUrl: './copy-digest.component.html' })",
      "export class CopyDigestComponent {",
      "  copied = false;",
      `  onCopyError(${param}: any): void {`,
      "    this.copied = false;",
      "  }",
      "}") });
    expect(found([component("$event")], /^ignored-parameter$/)).toEqual([]);
    expect(found([component("error")], /^ignored-parameter$/).length).toBe(1);
  });
});

describe("assertion-free-test: a Go helper handing its handle to a function the file does not define", () => {
  const file = (assert: string) => ({ path: "server/events/apply_test.go", content: lines(
    "package events_test",
    "import (",
    "\t\"testing\"",
    "\t. \"github.com/acme/proj/testing\"",
    ")",
    "func TestApplySkipsIgnoredDir(t *testing.T) {",
    "\tassertSkips(t, nil)",
    "}",
    "func assertSkips(t *testing.T, pull *Pull) {",
    "\tt.Helper()",
    "\tctx := run(pull)",
    `\t${assert}`,
    "}") });
  test("a dot-imported Assert(t, ..) in the helper: no finding; a helper that only logs: reported", () => {
    expect(found([file("Assert(t, ctx.Skipped, \"expected a skip\")")], /^assertion-free-test$/)).toEqual([]);
    expect(found([file("t.Log(ctx.Skipped)")], /^assertion-free-test$/)).toEqual(["server/events/apply_test.go:go-assertion-free-test@6"]);
  });
});

describe("walk: a header that opens by saying the file is auto-generated", () => {
  test("@hey-api/openapi-ts's header is generated code; a comment mentioning generation later is not", () => {
    expect(looksGenerated("// This file is auto-generated by @hey-api/openapi-ts\n\nexport const x = 1;\n")).toBe(true);
    expect(looksGenerated("// Helpers for the client.\n// The client itself is auto-generated elsewhere.\nexport const x = 1;\n")).toBe(false);
  });
});

describe("unwired-auth (TypeScript): what describes data is no unmounted guard", () => {
  test("a type predicate over unknown input, and a PropTypes shape named for a type: no finding", () => {
    const jwt = { path: "src/jwt.ts", content: lines("export const isUnsignedJwt = (data: unknown): data is UnsignedJwt =>", "  typeof data === 'string' && data.split('.').length === 3;") };
    const props = { path: "src/propTypes.js", content: lines("export const AuthenticationPropType = PropTypes.shape({", "  client: PropTypes.object,", "  verifyCredentials: PropTypes.func,", "});") };
    expect(found([jwt, props], /^unwired-auth$/)).toEqual([]);
  });
  test("a guard that throws, named the same way, is still reported", () => {
    const guard = { path: "src/guards.ts", content: lines("export function requireAdmin(user: User): void {", "  if (user.role !== 'admin') throw new Forbidden();", "}") };
    expect(found([guard], /^unwired-auth$/)).toEqual(["src/guards.ts:ts-unwired-auth@1"]);
  });
  test("an undocumented one-expression predicate is a status query; a documented one keeps its rule", () => {
    const pred = (doc: string) => ({ path: "src/lib/access.ts", content: lines(doc, "export function isAdmin(caller: Caller): boolean {", "  return caller.role === 'admin';", "}") });
    expect(found([pred("")], /^unwired-auth$/)).toEqual([]);
  });
  test("a module a published entry re-exports is the package's API", () => {
    const manifest = { path: "packages/crypto/package.json", content: JSON.stringify({ name: "@acme/crypto", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } }) };
    const index = { path: "packages/crypto/src/index.ts", content: lines("export * from './verify.js'") };
    const verify = { path: "packages/crypto/src/verify.ts", content: lines("export const verifySignatureUtf8 = async (key: string, data: string, sig: string): Promise<boolean> => {", "  if (!sig) throw new Error('missing signature');", "  return verifySignature(key, new TextEncoder().encode(data), sig);", "};") };
    expect(found([manifest, index, verify], /^unwired-auth$/)).toEqual([]);
    expect(found([manifest, verify], /^unwired-auth$/)).toEqual(["packages/crypto/src/verify.ts:ts-unwired-auth@1"]);
  });
});

describe("unwired-auth: handlers handed to the call that registers them are peers", () => {
  const callable = (name: string, check: string) => lines(
    `export const ${name} = onCall<{ clinicId: string }>(staffOpts, async (request) => {`,
    `  const caller = ${check}(request${check === "requireRole" ? ", \"admin\"" : ""});`,
    "  await audit(caller.uid);",
    "  return run(request.data.clinicId);",
    "});");
  test("an onCall export opening with requireUser where three open with requireRole (built on it): reported", () => {
    const access = { path: "src/lib/access.ts", content: lines(
      "export function requireUser(request: CallableRequest<unknown>): Caller {",
      "  if (!request.auth) throw new HttpsError(\"unauthenticated\", \"Sign in first.\");",
      "  return { uid: request.auth.uid, role: request.auth.token.role };",
      "}",
      "export function requireRole(request: CallableRequest<unknown>, ...roles: string[]): Caller {",
      "  const caller = requireUser(request);",
      "  if (!roles.includes(caller.role)) throw new HttpsError(\"permission-denied\", \"Staff only.\");",
      "  return caller;",
      "}") };
    const staff = { path: "src/callable/staff.ts", content: [callable("setStaffRole", "requireRole"), callable("disableAccount", "requireRole"), callable("clinicSchedule", "requireRole"), callable("exportBookings", "requireUser")].join("") };
    expect(found([access, staff], /^unwired-auth$/)).toEqual(["src/callable/staff.ts:ts-unguarded-peer@16"]);
  });
});

describe("hardcoded-path: a store kept by name under /tmp", () => {
  test("a module-level constant naming a data file or a location: reported; scratch, sockets and function locals: not", () => {
    const go = (decl: string) => ({ path: "queue.go", content: lines("package vault", decl, "func run() {}") });
    expect(found([go("const revokeQueuePath = \"/tmp/vault-meridian-revoke-queue.json\"")], /^hardcoded-path$/)).toEqual(["queue.go:go-tmp-store@2"]);
    expect(found([go("const socketPath = \"/tmp/vault-meridian.sock\"")], /^hardcoded-path$/)).toEqual([]);
    expect(found([go("const cacheDir = \"/tmp/vault-meridian-cache\"")], /^hardcoded-path$/)).toEqual([]);
    const py = { path: "fieldservice/settings.py", content: lines("SIGNATURE_DIR = \"/tmp/fieldservice-signatures\"", "def export():", "    out = \"/tmp/report.json\"", "    return out") };
    expect(found([py], /^hardcoded-path$/)).toEqual(["fieldservice/settings.py:py-tmp-store@1"]);
  });
});

describe("ignored-parameter: a Go record that encodes itself is a wire record", () => {
  test("fields of a type with a Marshal method are read by its encoder; without it they are reported", () => {
    const record = (marshal: boolean) => ({ path: "tunnelrpc/pogs/registration.go", content: lines(
      "package pogs",
      "type ConnectionOptions struct {",
      "\tClient          string",
      "\tReplaceExisting bool",
      "\tCompression     uint8",
      "}",
      "type Registration struct{ client string }",
      "func NewRegistration(opts ConnectionOptions) *Registration {",
      "\treturn &Registration{client: opts.Client}",
      "}",
      ...(marshal ? ["func (p *ConnectionOptions) MarshalCapnproto(s proto.ConnectionOptions) error {", "\treturn pogs.Insert(proto.ConnectionOptions_TypeID, s.Struct, p)", "}"] : [])) });
    expect(found([record(true)], /^ignored-parameter$/)).toEqual([]);
    expect(found([record(false)], /^ignored-parameter$/).length).toBeGreaterThan(0);
  });
});

describe("ignored-parameter: argparse options read by key from vars(args)", () => {
  test("a handler handed vars(args) that reads args[\"source\"]: no finding; an option it never reads: reported", () => {
    const tool = (read: string) => ({ path: "scripts/dbtool.py", content: lines(
      "import argparse",
      "def backup(args):",
      `    src = args["source"]`,
      `    out = ${read}`,
      "    copy(src, out)",
      "def main():",
      "    parser = argparse.ArgumentParser()",
      "    sub = parser.add_subparsers()",
      "    bkp = sub.add_parser(\"backup\")",
      "    bkp.add_argument(\"source\")",
      "    bkp.add_argument(\"output\")",
      "    bkp.set_defaults(func=backup)",
      "    args = parser.parse_args()",
      "    args.func(vars(args))") });
    expect(found([tool("args.get(\"output\")")], /^ignored-parameter$/)).toEqual([]);
    expect(found([tool("\"/var/backups/db.bkp\"")], /^ignored-parameter$/)).toEqual(["scripts/dbtool.py:py-unread-cli-option@11"]);
  });
});

describe("place: Rust macros that write tests", () => {
  test("a sample handed to a macro named for tests is test data, not a shipped credential", () => {
    const key = (macro: string) => ({ path: "lib/valid/src/keys/project_key.rs", content: lines(
      "pub struct ProjectKey(String);",
      `crate::keys::${macro}!(`,
      "    ProjectKey,",
      "    sample = \"bencher_run_aB3xY9mN2pQ7rS4tU8vW1zK5jL0fGh\",",
      ");") });
    expect(found([key("api_key_tests")], /^hardcoded-secret$/)).toEqual([]);
  });
});

describe("swallowed-error: a compile-time registration in Go's init()", () => {
  test("constant arguments in init(): no finding; the same drop in a request path: reported", () => {
    const file = (fn: string) => ({ path: "controller/event/handler/init.go", content: lines(
      "package handler",
      `func ${fn}() {`,
      "\t_ = notifier.Subscribe(event.TopicDeleteProject, &auditlog.Handler{})",
      "}") });
    expect(found([file("init")], /^swallowed-error$/)).toEqual([]);
    expect(found([file("onProjectDeleted")], /^swallowed-error$/).length).toBe(1);
  });
});

describe("place: directories named for an example as a suffix or prefix", () => {
  test("`oauth-client-browser-example` and `payments_demo` are example code; `demo-mode`, `exemplary` and `sampler` are not", async () => {
    const { placeOfPath } = await import("../pipeline/rules/place");
    expect(placeOfPath("packages/oauth/oauth-client-browser-example/src/providers/BskyClientProvider.tsx")).toBe("example");
    expect(placeOfPath("payments_demo/main.go")).toBe("example");
    expect(placeOfPath("src/features/demo-mode/enableDemo.ts")).toBe("shipped");
    expect(placeOfPath("packages/exemplary/src/index.ts")).toBe("shipped");
    expect(placeOfPath("internal/sampler/sampler.go")).toBe("shipped");
  });
});

describe("assertion-free-test: pegomock verifications and throwing fakes assert", () => {
  test("Go: `m.VerifyWasCalledOnce().MergePull(..)` is a check; a test that only acts is reported", () => {
    const go = (last: string) => ({ path: "server/events/command_runner_test.go", content: lines(
      "package events_test",
      "import \"testing\"",
      "func TestApplyWithAutoMerge(t *testing.T) {",
      "\tvcsClient := setup(t)",
      "\tch.RunCommentCommand(testdata.GithubRepo, nil, modelPull, nil, &events.CommentCommand{Name: command.Apply})",
      `\t${last}`,
      "}") });
    expect(found([go("vcsClient.VerifyWasCalledOnce().MergePull(Any[models.PullRequest]())")], /^assertion-free-test$/)).toEqual([]);
    expect(found([go("_ = vcsClient")], /^assertion-free-test$/)).toEqual(["server/events/command_runner_test.go:go-assertion-free-test@3"]);
  });
  test("TypeScript: a method replaced by a fake that throws is a negative expectation", () => {
    const ts = (fake: string) => ({ path: "test/GalleryManager.spec.ts", content: lines(
      "import { ObjectManagers } from '../src/ObjectManagers';",
      "it('should not recompute the cache when the gallery is indexed', async () => {",
      `  ObjectManagers.getInstance().CacheManager.setCache = async (...args) => { ${fake} };`,
      "  await ObjectManagers.getInstance().GalleryManager.listDirectory(session, './');",
      "});") });
    expect(found([ts("throw new Error('Should not be called');")], /^assertion-free-test$/)).toEqual([]);
    expect(found([ts("return null;")], /^assertion-free-test$/)).toEqual(["test/GalleryManager.spec.ts:ts-assertion-free-test@2"]);
  });
});

describe("ignored-parameter: what Python spells as an identifier but reads no variable", () => {
  test("`timedelta(days=90)` and `interaction.user` do not read parameters `days` and `user`", () => {
    const cli = { path: "fieldservice/commands.py", content: lines(
      "import click",
      "@app.command(\"purge-closed\")",
      "@click.option(\"--days\", default=365, help=\"Delete orders closed more than this many days ago.\")",
      "def purge_closed(days):",
      "    cutoff = now() - timedelta(days=90)",
      "    purge(cutoff)") };
    expect(found([cli], /^ignored-parameter$/)).toEqual(["fieldservice/commands.py:py-ignored-option-parameter@4"]);
    const attr = { path: "fieldservice/notify.py", content: lines("def notify(order, user=None):", "    send(order.id, to=order.user)") };
    expect(found([attr], /^ignored-parameter$/)).toEqual(["fieldservice/notify.py:py-ignored-option-parameter@1"]);
  });
  test("a parameter handed back to the function itself in its own place is not read", () => {
    const gql = { path: "src/shopify/graphql.ts", content: lines(
      "export async function adminGraphql<T>(shop: string, query: string, variables: Record<string, unknown> = {}, attempt = 0): Promise<T> {",
      "  const res = await request(shop, { body: JSON.stringify({ query }) });",
      "  if (res.throttled && attempt < 3) return adminGraphql(shop, query, variables, attempt + 1);",
      "  return res.data as T;",
      "}",
      "export async function tagProduct(shop: string): Promise<void> {",
      "  await adminGraphql<{ tags: Array<{ id: string; name: string }> }>(shop, 'mutation Tag { x }', { id: 1 });",
      "}") };
    expect(found([gql], /^ignored-parameter$/)).toEqual(["src/shopify/graphql.ts:ts-ignored-option-parameter@1"]);
  });
});

// Review (helper 214, read-only): each counter-example below was a reach of this session's first readings.
describe("review: the readings' counter-examples", () => {
  test("a two-step HMAC compared as a digest is still a credential compare (Go and Python)", () => {
    const go = { path: "auth/sig.go", content: lines("package auth", "func verify(k, body []byte, sigDigest string) bool {", "\th := hmac.New(sha256.New, k)", "\th.Write(body)", "\tdig := hex.EncodeToString(h.Sum(nil))", "\treturn dig == sigDigest", "}") };
    const py = { path: "auth/sig.py", content: lines("def verify(k, body, sig_digest):", "    h = hmac.new(k, body, hashlib.sha256)", "    return h.hexdigest() == sig_digest") };
    expect(found([go, py], /^insecure-compare$/)).toEqual(["auth/sig.go:go-insecure-compare@6", "auth/sig.py:py-insecure-compare@3"]);
  });
  test("init(): locals, numbers and no arguments are no compile-time registration", () => {
    const f = (call: string) => ({ path: "state/init.go", content: lines("package state", "func init() {", `\t_ = ${call}`, "}") });
    for (const call of ["os.WriteFile(statePath, seed, 0600)", "db.Ping()", "migrate.Up(db)"]) expect(found([f(call)], /^swallowed-error$/).length).toBe(1);
  });
  test("a marshaler reading fields one by one does not make its record a wire record", () => {
    const f = { path: "export/options.go", content: lines("package export", "type ExportOptions struct { Format string; RedactPII bool }", "type Export struct{ format string }", "func NewExport(opts ExportOptions) *Export { return &Export{format: opts.Format} }", "func (o ExportOptions) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]string{\"format\": o.Format}) }") };
    expect(found([f], /^ignored-parameter$/).length).toBeGreaterThan(0);
  });
  test("a fake throwing to simulate a failure checks nothing", () => {
    const f = { path: "test/loader.spec.ts", content: lines("it('shows an error when the api fails', async () => {", "  api.fetchUser = async (id) => { throw new Error('network down'); };", "  await loader.load('42');", "});") };
    expect(found([f], /^assertion-free-test$/)).toEqual(["test/loader.spec.ts:ts-assertion-free-test@1"]);
  });
  test("a Go helper handing an *os.File named f to fmt is no assertion", () => {
    const f = { path: "config/load_test.go", content: lines("package config", "import (", "\t\"fmt\"", "\t\"os\"", "\t\"testing\"", ")", "func writeFixture(f *os.File) { fmt.Fprintf(f, \"key=value\\n\") }", "func TestLoad(t *testing.T) {", "\tf, _ := os.CreateTemp(\"\", \"x\")", "\twriteFixture(f)", "\tLoad(f.Name())", "}") };
    expect(found([f], /^assertion-free-test$/)).toEqual(["config/load_test.go:go-assertion-free-test@8"]);
  });
  test("an ownership predicate nothing calls is still an unwired check (Python and TypeScript)", () => {
    const py = { path: "app/perm.py", content: lines("def is_project_owner(user, project) -> bool:", "    return project.owner_id == user.id") };
    const ts = { path: "src/lib/own.ts", content: lines("export function isOwner(user: User, doc: Doc): boolean {", "  return doc.ownerId === user.id;", "}") };
    expect(found([py, ts], /^unwired-auth$/)).toEqual(["app/perm.py:py-unwired-auth@1", "src/lib/own.ts:ts-unwired-auth@1"]);
  });
  test("a type predicate nested in a guard's body, or over `any`, exempts nothing", () => {
    const f = { path: "src/keys.ts", content: lines("export function requireApiKey(key: string): boolean {", "  const isStr = (v: unknown): v is string => typeof v === 'string';", "  return isStr(key) && timingSafeEqual(Buffer.from(key), Buffer.from(process.env.API_KEY!));", "}", "export function isAuthenticated(req: any): req is AuthedRequest { return !!req.session?.userId; }") };
    expect(found([f], /^unwired-auth$/)).toEqual(["src/keys.ts:ts-unwired-auth@1", "src/keys.ts:ts-unwired-auth@5"]);
  });
  test("a named re-export publishes that name only", () => {
    const manifest = { path: "package.json", content: JSON.stringify({ name: "srv", exports: { ".": "./dist/index.js" } }) };
    const index = { path: "src/index.ts", content: lines("export { createServer } from './server.js'") };
    const server = { path: "src/server.ts", content: lines("function requireAdmin(req, res, next) { if (req.user?.role !== 'admin') return res.status(403).end(); next(); }", "export function createServer() { return http.createServer(); }") };
    expect(found([manifest, index, server], /^unwired-auth$/)).toEqual(["src/server.ts:ts-unwired-auth@1"]);
  });
  test("a mock or an unrelated type's method of the same name implements nothing", () => {
    const working = ["func (b *Backend) Get(key string) ([]byte, error) { return b.db.Get(key) }", "func (b *Backend) Put(key string, v []byte) error { return b.db.Put(key, v) }", "func (b *Backend) List(prefix string) ([]string, error) { return b.db.Keys(prefix) }"];
    const stub = { path: "storage/backend.go", content: lines("package storage", "func (b *Backend) Delete(key string) error {", "\treturn errors.New(\"not implemented\")", "}", ...working) };
    const mock = { path: "storage/mocks/Backend.go", content: lines("package mocks", "func (_m *MockBackend) Delete(key string) error {", "\tret := _m.Called(key)", "\treturn ret.Error(0)", "}") };
    const other = { path: "users/repo.go", content: lines("package users", "func (r *UserRepo) Delete(id string, hard bool) error {", "\treturn r.db.Exec(\"DELETE FROM users WHERE id = $1\", id)", "}") };
    expect(found([stub, mock, other], /^stub$/)).toEqual(["storage/backend.go:go-not-implemented@3"]);
  });
  test("a method calling a global of its own name, and a Rust method recursing through self, read their parameters", () => {
    const ts = { path: "src/http.ts", content: lines("export class HttpClient {", "  fetch(input: string, init?: RequestInit) { return fetch(input, init); }", "}") };
    const rs = { path: "src/rot.rs", content: lines("pub struct R;", "impl R {", "    pub fn rotate(&self, n: u32, prev: u64, cur: u64) -> u64 { if n == 0 { return cur; } self.rotate(n - 1, cur, prev) }", "}") };
    expect(found([ts, rs], /^ignored-parameter$/)).toEqual([]);
  });
  test("'auto-generated' inside the code, or describing fields, leaves a file walked", () => {
    expect(looksGenerated("import { z } from 'zod';\n\nexport const User = z.object({\n  // auto-generated by the database\n  id: z.string(),\n});\n")).toBe(false);
    expect(looksGenerated("# autogenerated fields are stripped before saving\nimport json\n")).toBe(false);
  });
  test("route records: a write under /sessions/ is no login; a handler deciding access itself is not bare", () => {
    const table = (revoke: string, handler = "") => ({ path: "admin/api.go", content: lines("package admin", "func (a *API) Routes() []caddy.AdminRoute {", "\treturn []caddy.AdminRoute{", "\t\t{Pattern: \"/gate/cache/purge\", Handler: caddy.AdminHandlerFunc(a.requireToken(a.handlePurge))},", "\t\t{Pattern: \"/gate/quota/reset\", Handler: caddy.AdminHandlerFunc(a.requireToken(a.handleReset))},", `\t\t{Pattern: "${revoke}", Handler: caddy.AdminHandlerFunc(a.handleRevoke)},`, "\t}", "}", handler) });
    expect(found([table("/gate/sessions/revoke")], /^unwired-auth$/)).toEqual(["admin/api.go:go-unguarded-route-record@6"]);
    const decides = "func (a *API) handleRevoke(w http.ResponseWriter, r *http.Request) error {\n\tif r.Header.Get(\"X-Admin-Token\") != a.token {\n\t\treturn caddy.APIError{HTTPStatus: http.StatusUnauthorized}\n\t}\n\treturn a.revoke(r)\n}";
    expect(found([table("/gate/sessions/revoke", decides)], /^unwired-auth$/).filter((f) => f.includes("route-record"))).toEqual([]);
  });
  test("Rust: a test-module helper calling a shipped invariant assert! does not assert for the test", () => {
    const buf = { path: "src/buf.rs", content: lines("pub struct Buf { cap: usize }", "pub fn build(cap: usize) -> Buf { assert!(cap > 0, \"capacity must be positive\"); Buf { cap } }", "#[cfg(test)]", "pub mod test_support {", "    use super::*;", "    pub fn make_buf() { let _b = build(4); }", "}") };
    const reader = { path: "src/reader.rs", content: lines("pub fn read() {}", "#[cfg(test)]", "mod tests {", "    #[test]", "    fn reads() {", "        crate::buf::test_support::make_buf();", "        crate::reader::read();", "    }", "}") };
    expect(found([buf, reader], /^assertion-free-test$/)).toEqual(["src/reader.rs:rs-assertion-free-test@5"]);
  });
  test("/tmp scratch names and a trait's default NotImplemented are not reported", () => {
    expect(found([{ path: "dl.py", content: lines("DOWNLOAD_DIR = \"/tmp/downloads\"", "WORK_DIR = \"/tmp/build-work\"") }], /^hardcoded-path$/)).toEqual([]);
    const tr = { path: "src/store.rs", content: lines("pub trait Store {", "    fn compact(&self) -> Result<(), StoreError> {", "        Err(StoreError::NotImplemented)", "    }", "}") };
    expect(found([tr], /^stub$/)).toEqual([]);
  });
});

describe("unwired-auth (Go): a middleware method is mounted through its type", () => {
  test("a Caddy module's ServeHTTP whose type is registered: no finding; a type nothing names: reported", () => {
    const gate = (register: string) => ({ path: "gate/handler.go", content: lines(
      "package gate",
      register,
      "type Gate struct{ keys map[string]bool }",
      "func (g *Gate) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {",
      "\tif !g.keys[r.Header.Get(\"X-Api-Key\")] {",
      "\t\treturn caddyhttp.Error(http.StatusUnauthorized, errors.New(\"unknown key\"))",
      "\t}",
      "\treturn next.ServeHTTP(w, r)",
      "}") });
    expect(found([gate("func init() { caddy.RegisterModule(Gate{}) }")], /^unwired-auth$/)).toEqual([]);
    expect(found([gate("")], /^unwired-auth$/)).toEqual(["gate/handler.go:go-unwired-auth@4"]);
  });
});

describe("review, second pass: what the panels' after-run showed", () => {
  test("a confirmation code the server prints for the user to type back stays a confirmation", () => {
    const f = { path: "irc/chanserv.go", content: lines("package irc", "func csUnregister(params []string) bool {", "\texpectedCode := utils.ConfirmationCode(name, registeredAt)", "\tverificationCode := params[1]", "\tif expectedCode != verificationCode {", "\t\tnotice(\"To confirm, run: /CS UNREGISTER \" + expectedCode)", "\t\treturn false", "\t}", "\treturn true", "}") };
    expect(found([f], /^insecure-compare$/)).toEqual([]);
  });
  test("an object's function value calling the outer function of its key's name is no recursion", () => {
    const f = { path: "www/chainpad.js", content: lines("function getDepthOfState(content, minDepth, realtime) { return walk(content, minDepth, realtime); }", "module.exports.create = function (realtime) {", "  return {", "    getDepthOfState: function (content, minDepth) {", "      return getDepthOfState(content, minDepth, realtime);", "    },", "  };", "};") };
    expect(found([f], /^ignored-parameter$/)).toEqual([]);
  });
});

describe("insecure-compare: a code shown to the caller on mismatch is a confirmation prompt", () => {
  test("ergo's printed confirmation code: no finding; an emailed verification code compared with !==: reported", () => {
    const kener = { path: "src/lib/server/subscriptions.ts", content: lines("export async function verify(email: string, code: string) {", "  const user = await db.getSubscriberUserByEmail(email);", "  if (user.verification_code !== code) {", "    return { success: false, error: 'Invalid verification code' };", "  }", "  return { success: true };", "}") };
    expect(found([kener], /^insecure-compare$/)).toEqual(["src/lib/server/subscriptions.ts:ts-insecure-compare@3"]);
  });
});
