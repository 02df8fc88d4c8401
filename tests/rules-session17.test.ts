// Readings of the seventeenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("assertion-free-test (TS): a tape-family test asserts through the object it is handed", () => {
  // cloudcmd's supertape specs: `t.calledWith(stub, [..])`, `t.notCalled(fn)` then `t.end()`.
  const spec = (check: string) => ({ path: "client/key/vim/index.spec.js", content: lines(
    "import {test, stub} from 'supertape';",
    "import vim from './index.js';",
    "test('cloudcmd: client: key: set next file', (t) => {",
    "    const setCurrentFile = stub();",
    "    vim('j', {}, {setCurrentFile});",
    check,
    "    t.end();",
    "});") });
  test("an open assertion name on the test's own object, beside end(): the test asserts", () => {
    expect(found([spec("    t.calledWith(setCurrentFile, [element], 'should set next file');")], /^assertion-free-test$/)).toEqual([]);
    expect(found([spec("    t.notCalled(setCurrentFile);")], /^assertion-free-test$/)).toEqual([]);
  });
  test("only end(), a comment or a log on the object: still asserts nothing", () => {
    expect(found([spec("    t.comment('moved');")], /^assertion-free-test$/)).toEqual(["client/key/vim/index.spec.js:ts-assertion-free-test@3"]);
    expect(found([spec("    console.log(setCurrentFile.args);")], /^assertion-free-test$/)).toEqual(["client/key/vim/index.spec.js:ts-assertion-free-test@3"]);
  });
  test("a test that never ends its object is not read as tape-style: an arbitrary method on `t` is not an assertion", () => {
    const nodeTest = { path: "test/store.test.js", content: lines(
      "import test from 'node:test';",
      "import {open} from '../src/store.js';",
      "test('opens the store', async (t) => {",
      "    const store = await open();",
      "    t.calledWith(store);",
      "});") };
    expect(found([nodeTest], /^assertion-free-test$/)).toEqual(["test/store.test.js:ts-assertion-free-test@3"]);
  });
});

describe("ignored-parameter (Rust): a trait method whose whole body is unreachable!() ignores its parameters by design", () => {
  // spin's deny-all WASI adapter: the constructors refuse, so the socket methods the generated trait imposes never run.
  const adapter = (body: string) => ({ path: "crates/compose/deny-all/src/wasi.rs", content: lines(
    "pub struct TcpSocket;",
    "impl sockets::tcp::GuestTcpSocket for TcpSocket {",
    "    pub fn start_bind(",
    "        &self,",
    "        network: &sockets::tcp::Network,",
    "        options: sockets::tcp::BindOptions,",
    "    ) -> Result<(), sockets::tcp::ErrorCode> {",
    body,
    "    }",
    "}") });
  test("unreachable!(): nothing reported", () => {
    expect(found([adapter("        unreachable!()")], /^ignored-parameter$/)).toEqual([]);
  });
  test("a body that does work and never reads `options`: still reported", () => {
    expect(found([adapter("        network.bind(self)")], /^ignored-parameter$/)).toEqual(["crates/compose/deny-all/src/wasi.rs:rs-ignored-option-parameter@6"]);
  });
});

describe("stub (Python): bodies that are empty by the framework's or the class family's declaration", () => {
  const only = (files: File[]) => found(files, /^stub$/);
  test("a zope.interface declaration, and a class @implementer of a repository interface that declares the method", () => {
    const ifaces = { path: "master/buildbot/interfaces.py", content: lines(
      "from zope.interface import Interface",
      "class IReportGenerator(Interface):",
      "    def check():",
      "        pass",
      "    def generate(master, reporter, key, build):",
      "        raise NotImplementedError") };
    const gen = (deco: string) => ({ path: "master/buildbot/reporters/gerrit.py", content: lines(
      "from zope.interface import implementer",
      "from buildbot import interfaces",
      deco,
      "class GerritBuildEndStatusGenerator:",
      "    def check(self):",
      "        pass",
      "    def generate(self, master, reporter, key, build):",
      "        return {'body': build['results']}") });
    expect(only([ifaces, gen("@implementer(interfaces.IReportGenerator)")])).toEqual([]);
    expect(only([ifaces, gen("@dataclass")])).toEqual(["master/buildbot/reporters/gerrit.py:py-pass-only-function@5"]);
  });
  test("a hook inherited through an intermediate base of the repository", () => {
    const api = { path: "frigate/data_processing/real_time/api.py", content: lines(
      "from abc import ABC, abstractmethod",
      "class RealTimeProcessorApi(ABC):",
      "    @abstractmethod",
      "    def expire_object(self, object_id, camera):",
      "        pass",
      "class DeferredRealtimeProcessorApi(RealTimeProcessorApi):",
      "    def _enqueue_task(self, task):",
      "        self.queue.put(task)") };
    const proc = (base: string) => ({ path: "frigate/data_processing/real_time/custom_classification.py", content: lines(
      "from .api import DeferredRealtimeProcessorApi",
      `class CustomStateClassificationProcessor(${base}):`,
      "    def expire_object(self, object_id, camera):",
      "        pass") });
    expect(only([api, proc("DeferredRealtimeProcessorApi")])).toEqual([]);
    expect(only([api, proc("SomethingElse")])).toEqual(["frigate/data_processing/real_time/custom_classification.py:py-pass-only-function@3"]);
  });
  test("a peewee_migrate rollback beside its migrate step; a reverse step alone is still a stub", () => {
    const migration = (forward: boolean) => ({ path: "migrations/005_make_end_time_nullable.py", content: lines(
      "import peewee as pw",
      ...(forward ? ["def migrate(migrator, database, fake=False, **kwargs):", "    migrator.drop_not_null(Event, 'end_time')"] : []),
      "def rollback(migrator, database, fake=False, **kwargs):",
      "    pass") });
    expect(only([migration(true)])).toEqual([]);
    expect(only([migration(false)])).toEqual(["migrations/005_make_end_time_nullable.py:py-pass-only-function@2"]);
  });
  test("a no-argument release on a class, a test double's method, a function named noop; a release taking what to release stays", () => {
    const out = (sig: string) => ({ path: "glances/outputs/glances_stdout.py", content: lines(
      "class GlancesStdout:",
      "    def update(self, stats):",
      "        print(stats)",
      `    def ${sig}:`,
      "        pass") });
    expect(only([out("end(self)")])).toEqual([]);
    expect(only([out("close(self, session)")])).toEqual(["glances/outputs/glances_stdout.py:py-pass-only-function@4"]);
    expect(only([{ path: "contrib/cvs_mail.py", content: lines("class SmtplibMock:", "    def connect(self, host, port):", "        pass") }])).toEqual([]);
    expect(only([{ path: "worker/hangcheck.py", content: lines("def _noop():", "    pass", "def reconcile(ledger):", "    pass") }])).toEqual(["worker/hangcheck.py:py-pass-only-function@3"]);
  });
});

describe("swallowed-error (Go): a local's type is read from where the function binds it", () => {
  // nats-server: `if n := mset.node; n != nil { n.Delete() }`, RaftNode's Delete() answers nothing; a sublist's
  // Insert, bound from its constructor, answers an error.
  const raft = { path: "server/raft.go", content: lines(
    "package server",
    "type RaftNode interface {",
    "\tPropose(entry []byte) error",
    "\tDelete()",
    "}",
    "type stream struct {",
    "\tnode RaftNode",
    "}",
    "type peerInfo struct {",
    "\tnode string // a field of the same name with a predeclared type: no method is called on it",
    "}",
    "func (mset *stream) raftNode() RaftNode { return mset.node }") };
  const gsl = { path: "server/gsl/gsl.go", content: lines(
    "package gsl",
    "type GenericSublist[T any] struct{}",
    "func NewSublist[T any]() *GenericSublist[T] { return &GenericSublist[T]{} }",
    "func (s *GenericSublist[T]) Insert(subject string, value T) error { return nil }",
    "func (s *GenericSublist[T]) Delete(subject string) {}") };
  const user = (body: string[]) => ({ path: "server/stream_ops.go", content: lines(
    "package server",
    'import "example.com/nats/server/gsl"',
    "func (mset *stream) stopAndPurge(subject string) error {",
    ...body,
    "\treturn nil",
    "}") });
  const swallowed = (files: File[]) => found(files, /^swallowed-error$/).filter((f) => f.startsWith("server/stream_ops.go"));
  test("bound from a field or a method whose declared type answers no error: nothing dropped", () => {
    expect(swallowed([raft, gsl, user(["\tif n := mset.node; n != nil {", "\t\tn.Delete()", "\t}"])])).toEqual([]);
    expect(swallowed([raft, gsl, user(["\tif n := mset.raftNode(); n != nil {", "\t\tn.Delete()", "\t}"])])).toEqual([]);
  });
  test("bound from a constructor whose type's Insert answers an error: still reported", () => {
    expect(swallowed([raft, gsl, user(["\tsl := gsl.NewSublist[struct{}]()", "\tsl.Insert(subject, struct{}{})"])])).toHaveLength(1);
  });
});

describe("insecure-compare: a presented credential followed through renames, and a stored digest of one", () => {
  const cmp = (files: File[]) => found(files, /^insecure-compare$/);
  test("Rust: a header read renamed by `if let Some(token) = internal` and compared with ==", () => {
    const proxy = (read: string) => ({ path: "src/proxy.rs", content: lines(
      "impl ProxyHttp for Edge {",
      "    async fn request_filter(&self, session: &mut Session, ctx: &mut Ctx) -> Result<bool> {",
      `        let internal = ${read};`,
      "        if let Some(token) = internal {",
      "            if token == self.internal_token {",
      "                return Ok(false);",
      "            }",
      "        }",
      "        Ok(true)",
      "    }",
      "}") });
    expect(cmp([proxy('session.req_header().headers.get("x-edge-internal").and_then(|v| v.to_str().ok())')])).toEqual(["src/proxy.rs:rs-insecure-compare@5"]);
    expect(cmp([proxy("self.route_tokens.first().cloned()")])).toEqual([]);
  });
  test("Go and TS: a stored hash field compared with a hash of the presented token or code", () => {
    const store = (cmp: string) => ({ path: "store.go", content: lines(
      "package authgate",
      "func (s *TokenStore) Lookup(id, token string) (*TokenRecord, bool) {",
      "\trec := s.records[id]",
      `\tif ${cmp} {`,
      "\t\treturn nil, false",
      "\t}",
      "\treturn rec, true",
      "}") });
    expect(cmp([store("rec.Hash != hashToken(token)")])).toEqual(["store.go:go-insecure-compare@4"]);
    expect(cmp([store("rec.Checksum != checksum(rec.Body)")])).toEqual([]);
    const appeal = (code: string) => ({ path: "src/commands/appeal.ts", content: lines(
      "export async function execute(interaction) {",
      "  const code = interaction.options.getString('code', true);",
      "  const row = store.getCase(1);",
      `  if (${code}) { return deny(interaction); }`,
      "}") });
    expect(cmp([appeal("row.appealCodeHash !== digest(code)")])).toEqual(["src/commands/appeal.ts:ts-insecure-compare@4"]);
    expect(cmp([appeal("row.contentHash !== digest(row.body)")])).toEqual([]);
  });
});

describe("unwired-auth: dispatch arms, write views and branches ahead of the gate", () => {
  const auth = (files: File[]) => found(files, /^unwired-auth$/);
  test("TS dispatch: an arm that only names its moderator in a log record does not decide with the caller in view", () => {
    const buttons = (pardon: string) => ({ path: "src/interactions/caseButtons.ts", content: lines(
      "export async function handleCaseButton(interaction) {",
      "  const member = interaction.member;",
      "  switch (action) {",
      '    case "escalate": {',
      "      if (!isStaff(member)) return deny(interaction);",
      '      store.setStatus(caseId, "escalated");',
      "      return;",
      "    }",
      '    case "pardon": {',
      '      store.setStatus(caseId, "pardoned");',
      pardon,
      "      return;",
      "    }",
      '    case "reopen": {',
      "      if (!isStaff(member)) return deny(interaction);",
      '      store.setStatus(caseId, "open");',
      "      return;",
      "    }",
      "  }",
      "}") });
    expect(auth([buttons("      await postModLog(guild, { caseId, moderatorId: interaction.user.id });")])).toEqual(["src/interactions/caseButtons.ts:ts-unguarded-dispatch@9"]);
    expect(auth([buttons("      await pardonAs(interaction.user, caseId);")])).toEqual([]);
  });
  test("Python: a write view with only @login_required beside a write view that requires a permission", () => {
    const views = (deco: string) => ({ path: "articles/views.py", content: lines(
      "@require_POST",
      '@permission_required("articles.import_wire", raise_exception=True)',
      "def import_wire_story(request, wire_id):",
      "    Article.objects.create(title=fetch(wire_id).headline)",
      '    return redirect("home")',
      "",
      "@require_POST",
      deco,
      "def lift_embargo(request, page_id):",
      "    article = get_object_or_404(ArticlePage, id=page_id)",
      "    article.embargo_until = None",
      '    article.save(update_fields=["embargo_until"])',
      '    logger.info("embargo lifted by %s", request.user.pk)',
      '    return redirect("edit", page_id)') });
    expect(auth([views("@login_required")])).toEqual(["articles/views.py:py-weaker-view-guard@7"]);
    expect(auth([views('@permission_required("articles.release_embargo")')])).toEqual([]);
  });
  test("a branch that acts and returns above the function's access gate; below it, or open by design, it is not reported", () => {
    const admin = (first: string, firstPath: string) => ({ path: "src/admin.rs", content: lines(
      "impl ServeHttp for AdminApp {",
      "    async fn response(&self, session: &mut ServerSession) -> Response<Vec<u8>> {",
      "        let path = session.req_header().uri.path().to_string();",
      `        if path.ends_with("${firstPath}") {`,
      `            ${first};`,
      '            return reply(StatusCode::ACCEPTED, "done");',
      "        }",
      "        if !self.authorized(session) {",
      '            return reply(StatusCode::UNAUTHORIZED, "admin token required");',
      "        }",
      "        self.route(&path).await",
      "    }",
      "}") });
    expect(auth([admin("self.upstreams.drain(&path)", "/drain")])).toEqual(["src/admin.rs:rs-acts-before-gate@4"]);
    expect(auth([admin("self.probes.reset()", "/healthz")])).toEqual([]);
    expect(auth([admin("self.upstreams.list()", "/upstreams")])).toEqual([]);
  });
});

describe("swallowed-error (Python): a handler naming a conflict beside another class is no insert-if-absent idiom", () => {
  const cmd = (caught: string) => ({ path: "articles/management/commands/release.py", content: lines(
    "def publish_due(due):",
    "    for revision in due:",
    "        try:",
    '            cursor.execute("UPDATE articles SET live = true WHERE id = %s", (revision.id,))',
    `        except ${caught}:`,
    "            continue") });
  test("(ValidationError, IntegrityError): reported; IntegrityError alone: the idiom", () => {
    expect(found([cmd("(ValidationError, IntegrityError)")], /^swallowed-error$/)).toEqual(["articles/management/commands/release.py:py-except-pass-on-write@5"]);
    expect(found([cmd("IntegrityError")], /^swallowed-error$/)).toEqual([]);
    expect(found([cmd("(IntegrityError, UniqueViolation)")], /^swallowed-error$/)).toEqual([]);
  });
});

describe("hardcoded-path: a database file under /tmp is a durable store the machine empties at reboot", () => {
  const cfg = (path: string) => ({ path: "internal/config/config.go", content: lines(
    "package config",
    "func Load() *Config {",
    `\treturn &Config{DBPath: env("SHIFTBOT_DB", "${path}")}`,
    "}") });
  test("a .db under /tmp is reported; a scratch or export directory there is not", () => {
    expect(found([cfg("/tmp/shiftbot/shiftbot.db")], /^hardcoded-path$/)).toEqual(["internal/config/config.go:go-hardcoded-path@3"]);
    expect(found([cfg("/tmp/notes-export")], /^hardcoded-path$/)).toEqual([]);
    expect(found([{ path: "app/settings.py", content: lines('DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:////tmp/app.sqlite3")') }], /^hardcoded-path$/)).toEqual(["app/settings.py:py-hardcoded-path@1"]);
  });
});

describe("stub (Python): a registered task whose docstring promises work and whose body is pass", () => {
  const actor = (deco: string, doc: string) => ({ path: "payroll/actors.py", content: lines(
    deco,
    "def reverse_payment(payment_id, reason):",
    ...(doc ? [`    """${doc}"""`] : []),
    "    pass") });
  test("a dramatiq actor with a promise is reported; a bare pass, or a click group's help text, is the framework's idiom", () => {
    expect(found([actor('@dramatiq.actor(queue_name="payments")', "Recall a submitted payment from the bank and mark it reversed.")], /^stub$/)).toEqual(["payroll/actors.py:py-pass-only-function@2"]);
    expect(found([actor('@dramatiq.actor(queue_name="payments")', "")], /^stub$/)).toEqual([]);
    expect(found([actor("@click.group()", "Manage payroll runs.")], /^stub$/)).toEqual([]);
  });
});

describe("ignored-parameter (Rust): a body that checks and then ends in unimplemented!() is a stub, not an ignored parameter", () => {
  const mutation = (tail: string) => ({ path: "src/schema/mutation.rs", content: lines(
    "impl Mutation {",
    "    pub async fn transfer_stock(context: &Context, sku: String, from_location: String, to_location: String, options: TransferOptions) -> FieldResult<Item> {",
    "        context.require(Role::Clerk)?;",
    `        ${tail}`,
    "    }",
    "}") });
  test("unimplemented!(..) after the role check: no ignored-parameter claim; real work that never reads `options`: one", () => {
    expect(found([mutation('unimplemented!("transfers between locations")')], /^ignored-parameter$/)).toEqual([]);
    expect(found([mutation("db::transfer(&context.pool, &sku, &from_location, &to_location).await")], /^ignored-parameter$/)).toEqual(["src/schema/mutation.rs:rs-ignored-option-parameter@2"]);
  });
});
