// Readings of the twelfth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);
const of = (path: string, content: string, cls: RegExp) => found([{ path, content }], cls);

describe("ignored-parameter, field by field: what the fields of an options type are read through", () => {
  const ts = (fn: string, type = "interface WhereCondition {\n  condition: string;\n  operator: 'AND' | 'OR';\n  isGroup?: boolean;\n}") =>
    of("src/query.ts", lines(type, "", fn), /^ignored-parameter$/);
  test("an array of the type: its elements' fields are read through the loop's variable, never through the parameter", () => {
    expect(ts(lines(
      "export function buildWhere(conditions: WhereCondition[]): string {",
      "  return conditions.map((w, i) => (i ? `${w.operator} ` : '') + (w.isGroup ? `(${w.condition})` : w.condition)).join(' ');",
      "}"))).toEqual([]);
    expect(ts(lines(
      "export function buildWhere(conditions: ReadonlyArray<WhereCondition>): string {",
      "  return conditions.map((w) => w.condition).join(' ');",
      "}"))).toEqual([]);
  });
  test("...while one value of the type whose field goes unread is still reported", () => {
    expect(ts(lines(
      "export function buildWhere(conditions: WhereCondition): string {",
      "  return conditions.isGroup ? `(${conditions.condition})` : conditions.condition;",
      "}"))).toEqual(["ts-ignored-option-parameter@3"]);
  });
  const scoped = (use: string) => of("src/access.ts", lines(
    "export type TenantAccessOptions = {",
    "  adminUsersSlug: string",
    "  fieldName: string",
    "  tenantsArrayFieldName?: string",
    "}",
    "",
    "export const wrapAccess = (options: TenantAccessOptions): void => {",
    `  register(options.fieldName, (args) => resolve({ ${use}accessKey: 'read', args }))`,
    "}"), /^ignored-parameter$/);
  test("an options object spread into another call (`{ ...options, key }`) is handed on whole", () => {
    expect(scoped("...options, ")).toEqual([]);
    expect(scoped("")).toEqual(["ts-ignored-option-parameter@2", "ts-ignored-option-parameter@4"]);
  });
  test("a comment in the type's body (an arrow, a parenthesis) does not hide its members", () => {
    const props = (comment: string) => of("src/filter.tsx", lines(
      "interface UsersFilterProps {",
      "  segments: string[];",
      `  // ${comment}`,
      "  nameOverride?: Record<string, string>;",
      "",
      "  // Actions",
      "  onRemove: (id: string) => void;",
      "  onAdd: (propertyId: string, value: string) => void;",
      "}",
      "",
      "export function UsersFilter({ segments, nameOverride, onRemove, onAdd }: UsersFilterProps) {",
      "  return render(segments, nameOverride, onRemove, onAdd);",
      "}"), /^ignored-parameter$/);
    expect(props("Optional name overrides for internal segments (segment ID -> display name)")).toEqual([]);
  });
  test("a type is an options object by its head word: an `OptionItem` is an item, an `Option` one entry of a menu", () => {
    const handler = (type: string, param: string) => of("src/PostFilter.tsx", lines(
      `interface ${type} {`,
      "  value: string",
      "  label: string",
      "  count?: number",
      "}",
      "",
      `export const handleChange = (${param}: ${type}) => select(${param}.value)`), /^ignored-parameter$/);
    expect(handler("OptionItem", "item")).toEqual([]);
    expect(handler("Option", "option")).toEqual([]);
    expect(handler("SelectOptions", "item")).toEqual(["ts-ignored-option-parameter@3", "ts-ignored-option-parameter@4"]);
  });
});

describe("swallowed-error, Go: cleanup on a failing path whose error reaches the caller", () => {
  const go = (body: string) => of("internal/store/files.go", lines(
    "package store",
    "",
    "func (s *Svc) Update(ctx context.Context, f File) (*File, error) {",
    "	tx, err := inventory.NewTx(ctx, s.client)",
    "	if err != nil {",
    "		return nil, err",
    "	}",
    body,
    "}"), /^swallowed-error$/);
  test("a rollback before returning a constructed error that carries the failure", () => {
    expect(go(lines(
      "	out, err := fc.Update(ctx, f)",
      "	if err != nil {",
      "		_ = inventory.Rollback(tx)",
      '		return nil, serializer.NewError(serializer.CodeDBError, "update failed", err)',
      "	}",
      "	return out, inventory.Commit(tx)"))).toEqual([]);
  });
  test("a rollback after a failed commit, the commit's error returned after the branch", () => {
    expect(go(lines(
      "	if err = tx.Commit(); err != nil {",
      "		_ = tx.Rollback()",
      "	}",
      "	return nil, err"))).toEqual([]);
  });
  test("...but not when the branch answers success, or the error returned is another one", () => {
    expect(go(lines(
      "	if err = tx.Commit(); err != nil {",
      "		_ = tx.Rollback()",
      "	}",
      "	return &f, nil"))).toEqual(["go-discarded-error@9"]);
    expect(go(lines(
      "	if err = tx.Commit(); err != nil {",
      "		_ = tx.Rollback()",
      "	}",
      "	return nil, ErrConflict"))).toEqual(["go-discarded-error@9"]);
  });
});

describe("swallowed-error, Go: a pump between two streams in a function that answers nothing", () => {
  const go = (body: string) => of("internal/proxy/tunnel.go", lines("package proxy", "", body), /^swallowed-error$/);
  test("io.Copy between two connections in a goroutine, or in a splice helper, ends by its error", () => {
    expect(go(lines(
      "func splice(client, upstream net.Conn) {",
      "	go func() {",
      "		defer wg.Done()",
      "		_, _ = io.Copy(upstream, client)",
      "	}()",
      "}"))).toEqual([]);
    expect(go(lines("func pipeAndClose(dst, src net.Conn) {", "	defer dst.Close()", "	_, _ = io.Copy(dst, src)", "}"))).toEqual([]);
  });
  test("...a copy into a file the function created, or in a function that answers an error, stays", () => {
    expect(go(lines(
      "func save(r io.Reader, p string) {",
      "	f, err := os.Create(p)",
      "	if err != nil {",
      "		return",
      "	}",
      "	defer f.Close()",
      "	_, _ = io.Copy(f, r)",
      "	events.Record(p)",
      "}")).length).toBe(1);
    expect(go(lines("func relay(dst, src net.Conn) error {", "	_, _ = io.Copy(dst, src)", "	return nil", "}")).length).toBe(1);
  });
});

describe("assertion-free-test: the passing counterpart of a test that expects the same check to raise", () => {
  const check = { path: "app/permissions/generic.py", content: lines(
    "def check_access_post_permission(permissions, category, thread, post):",
    "    check_access_post_permission_hook(_action, permissions, category, thread, post)") };
  const suite = (act: string) => ({ path: "app/permissions/tests/test_generic.py", content: lines(
    "import pytest",
    "from ..generic import check_access_post_permission",
    "",
    "def test_denies_anonymous(user, post):",
    "    with pytest.raises(Http404):",
    "        check_access_post_permission(user, post.category, post.thread, post)",
    "",
    "def test_passes_owner(user, post):",
    "    post.thread.starter = user",
    `    ${act}`) });
  test("Python: a check the file also expects to raise, answering nothing, is no finding (its passing counterpart)", () => {
    expect(found([check, suite("check_access_post_permission(user, post.category, post.thread, post)")], /^assertion-free-test$/))
      .toEqual([]);
  });
  test("...a check that hands back what it checked, or a raise the test itself catches, leaves it asserting nothing", () => {
    const returning = { ...check, content: lines("def check_access_post_permission(permissions, category, thread, post):", "    return load_post(permissions, post)") };
    expect(found([returning, suite("check_access_post_permission(user, post.category, post.thread, post)")], /^assertion-free-test$/))
      .toEqual(["py-assertion-free-test@8"]);
    const caught = suite(lines("try:", "        check_access_post_permission(user, post.category, post.thread, post)", "    except Http404 as exc:", "        print(exc)"));
    expect(found([check, caught], /^assertion-free-test$/)).toEqual(["py-assertion-free-test@8"]);
  });
  test("...and an action the file expects to raise on bad input (reserving stock) is no check", () => {
    const stock = { path: "app/stock.py", content: lines("def reserve_stock(sku, qty):", "    if qty > available(sku):", "        raise OutOfStock(sku)", "    write_reservation(sku, qty)") };
    const tests = { path: "tests/test_stock.py", content: lines(
      "import pytest",
      "from app.stock import reserve_stock",
      "",
      "def test_too_many(app):",
      "    with pytest.raises(OutOfStock):",
      "        reserve_stock('BOLT', 500)",
      "",
      "def test_reserves(app):",
      "    reserve_stock('BOLT', 5)") };
    expect(found([stock, tests], /^assertion-free-test$/)).toEqual(["py-assertion-free-test@8"]);
  });
  test("TypeScript: `expect(() => requireOwner(..)).toThrow()` beside a test that only calls it", () => {
    const guard = { path: "src/auth.ts", content: lines("export function requireOwner(event: Event, id: string): void {", "  ownerPolicy.enforce(event.user, id);", "}") };
    const guardReturning = { path: "src/auth.ts", content: lines("export function requireOwner(event: Event, id: string): User {", "  if (event.user?.id !== id) throw new Forbidden();", "  return event.user;", "}") };
    const spec = { path: "test/auth.test.ts", content: lines(
      "import { requireOwner } from '../src/auth'",
      "describe('requireOwner', () => {",
      "  it('throws for another user', () => {",
      "    expect(() => requireOwner(fakeEvent('u1'), 'u2')).toThrow(/Forbidden/)",
      "  })",
      "  it('lets the owner through', () => {",
      "    requireOwner(fakeEvent('u1'), 'u1')",
      "  })",
      "})") };
    expect(found([guard, spec], /^assertion-free-test$/)).toEqual([]);
    expect(found([guardReturning, spec], /^assertion-free-test$/)).toEqual(["ts-assertion-free-test@6"]);
  });
});

describe("assertion-free-test: what else the test-context model reads as a check or as no test", () => {
  const ts = (path: string, content: string) => of(path, content, /^assertion-free-test$/);
  test("every test of a skipped suite (`describe.skip`, `xdescribe`) is skipped with it", () => {
    expect(ts("src/liquid.test.ts", lines("describe.skip('when inlining a file', () => {", "  it('inlines the partial', async () => {", "    // TODO", "  });", "});"))).toEqual([]);
    expect(ts("src/liquid.test.ts", lines("xdescribe('inlining', () => {", "  it('inlines', () => {", "    render('x');", "  });", "});"))).toEqual([]);
    expect(ts("src/liquid.test.ts", lines("describe('inlining', () => {", "  it('inlines', async () => {", "    await load('x');", "  });", "});"))).toEqual(["ts-assertion-free-test@2"]);
  });
  test("a type test file (`*.test-d.ts`, vitest --typecheck and tsd): the compiler is the oracle", () => {
    const body = lines("describe('Prettify', () => {", "  it('keeps the keys', () => {", "    type T = Prettify<{ a: 1 }>;", "    const x: T = { a: 1 };", "    use(x);", "  });", "});");
    expect(ts("src/types/util.types.test-d.ts", body)).toEqual([]);
    expect(ts("src/types/util.types.test.ts", body)).toEqual(["ts-assertion-free-test@2"]);
  });
  test("node-tap's root object, QUnit's global assertions and a sinon mock's verify() assert", () => {
    expect(ts("test/dsync.test.ts", lines("tap.test('creates', async () => {", "  const d = await create();", "  tap.strictSame(d.name, 'scim');", "});"))).toEqual([]);
    expect(ts("js_tests/rack.test.js", lines("test('newRack adds a rack', function () {", "  scope.newRack(1, 1);", "  ok(scope.racks.length === 1);", "});"))).toEqual([]);
    expect(ts("test/claims.test.js", lines("it('merges the payload', async () => {", "  const mock = sinon.mock(session).expects('merge').once().withArgs({});", "  await session.fetch(Claim);", "  mock.verify();", "});"))).toEqual([]);
    expect(ts("test/claims.test.js", lines("it('merges the payload', async () => {", "  const spy = sinon.spy(session, 'merge');", "  await session.fetch(Claim);", "  session.verify(token);", "});"))).toEqual(["ts-assertion-free-test@1"]);
  });
  const rs = (body: string, attrs = "#[test]") => of("tests/api_keys.rs", lines(attrs, "fn create_key() {", body, "}"), /^assertion-free-test$/);
  test("Rust: a snapshot macro however a crate wraps insta, googletest's expectations, test-case's `=> expected`", () => {
    expect(rs(lines("    let (resp, code) = server.add_api_key(json!({})).await;", '    meili_snap::snapshot!(code, @"400 Bad Request");'))).toEqual([]);
    expect(rs(lines("    let result = cache.write(entry);", "    expect_that!(result, ok(anything()));"))).toEqual([]);
    expect(rs("    find_static(input)", '#[test_case("a/b" => Some("a"))]')).toEqual([]);
    expect(rs("    find_static(input);", '#[test_case("a/b")]')).toEqual(["rs-assertion-free-test@2"]);
  });
});

describe("stub: a hook of a base the repository extends, its base list broken over lines", () => {
  const model = (sub: string) => [{ path: "app/model/follower.py", content: lines(
    "class ModelFollowing(DomainObject, Generic[Follower, Followed]):",
    "    @classmethod",
    "    def _follower_class(cls):",
    "        raise NotImplementedError()",
    "",
    sub) }];
  test("a subclass naming the base (with type arguments) on the line after `class X(` extends it", () => {
    expect(found(model(lines("class UserFollowingUser(", "        ModelFollowing['app.User', 'app.User']):", "    pass")), /^stub$/)).toEqual([]);
  });
  test("...a class that only mentions it does not", () => {
    expect(found(model(lines("class Report:", "    kinds = [", "        ModelFollowing,", "    ]")), /^stub$/)).toEqual(["py-not-implemented@4"]);
  });
});

describe("swallowed-error: a dropped statement that changes no rows is a lead", () => {
  const go = (stmt: string) => scanSnippets([{ path: "internal/db/maintenance.go", content: lines(
    "package db", "", "func (s *Service) tidy(ctx context.Context, conn *sql.Conn) {", `	${stmt}`, "}") }], /^swallowed-error$/)
    .map((f) => `${f.rule_id}@${f.line}${f.lead ? " lead" : ""}`);
  test("tuning, statistics and space reclaim (`PRAGMA optimize`, `ANALYZE`, `VACUUM`)", () => {
    expect(go("_, _ = conn.ExecContext(ctx, `PRAGMA optimize`)")).toEqual(["go-discarded-error@4 lead"]);
    expect(go('_, _ = s.db.Exec("ANALYZE")')).toEqual(["go-discarded-error@4 lead"]);
  });
  test("...a statement that changes rows stays a claim", () => {
    expect(go('_, _ = s.db.Exec("DELETE FROM sessions WHERE expires_at < now()")')).toEqual(["go-discarded-error@4"]);
  });
});

describe("insecure-compare: a field that says what kind of thing a value is", () => {
  const ts = (cond: string) => of("lib/ts/recipe/session/recipe.ts", lines(
    "export async function handle(err: STError, token: string, req: Request) {",
    `  if (${cond}) {`,
    "    return refresh();",
    "  }",
    "}"), /^insecure-compare$/);
  test("`err.type === STError.TRY_REFRESH_TOKEN` dispatches on an error's kind", () => {
    expect(ts("err.type === STError.TRY_REFRESH_TOKEN")).toEqual([]);
    expect(ts("req.method !== SessionRecipe.SIGN_OUT_METHOD")).toEqual([]);
  });
  test("...a token compared with the stored one is still a timing leak", () => {
    expect(ts("token === session.refreshToken")).toEqual(["ts-insecure-compare@2"]);
  });
});

describe("swallowed-error, TypeScript: a swallow around one call of a function that already catches all it does", () => {
  const service = (track: string) => ({ path: "src/services/auth.service.ts", content: lines(
    "export class AuthService {",
    "  async register(email: string, visitor: string) {",
    "    const user = await this.users.create(email);",
    "    this._track('register', email, visitor).catch((err) => {});",
    "    return user;",
    "  }",
    "",
    "  private async _track(name: string, email: string, visitor: string) {",
    track,
    "  }",
    "}") });
  const selfCatching = lines(
    "    if (email && visitor && process.env.DATAFAST_API_KEY) {",
    "      try {",
    "        await fetch('https://datafa.st/api/v1/goals', { method: 'POST', body: JSON.stringify({ name, email, visitor }) });",
    "      } catch (err) {",
    "        logger.warn(err);",
    "      }",
    "    }");
  const swallows = (files: File[]) => scanSnippets(files, /^swallowed-error$/).filter((f) => f.severity !== "info").map((f) => `${f.rule_id}@${f.line}`);
  test("the callee's body is a guard around a handler that does not rethrow: nothing can reach the `.catch`", () => {
    expect(swallows([service(selfCatching)])).toEqual([]);
  });
  test("...a callee that awaits outside its handler, or rethrows, can reject: the swallow stays", () => {
    expect(swallows([service("    await fetch('https://datafa.st/api/v1/goals', { method: 'POST', body: email });")])).toEqual(["ts-catch-noop@4"]);
    expect(swallows([service(selfCatching.replace("logger.warn(err);", "throw new TrackingError(err);"))])).toEqual(["ts-catch-noop@4"]);
  });
  test("...and so does a callee the repository does not define", () => {
    const external = { path: "src/jobs/sync.ts", content: lines("export async function sync(client: Client) {", "  try {", "    await client.flushQueue();", "  } catch {}", "}") };
    expect(swallows([external])).toEqual(["ts-empty-catch@4"]);
  });
});

describe("ignored-parameter: a table of implementations sharing one parameter list", () => {
  const auth = (n: number) => of("app/logic/auth/get.py", lines(
    ...Array.from({ length: n }, (_, i) => [`def show_${i}(context, data_dict):`, `    return {"success": authz.can(context["user"], data_dict["id"], ${i})}`, ""]).flat(),
    "def user_reset(context, data_dict):",
    '    return {"success": True}'), /^ignored-parameter$/);
  test("four or more module functions taking `(context, data_dict)`: a dispatcher hands each the same arguments", () => {
    expect(auth(3)).toEqual([]);
  });
  test("...two of them are no table: the unread context stays a finding", () => {
    expect(auth(1)).toEqual(["py-ignored-option-parameter@4"]);
  });
  test("...nor is a wrapper and the steps it calls by name", () => {
    const wrappers = of("app/threads/lock.py", lines(
      "def lock_thread(thread, timeout, request):",
      "    _lock(thread, timeout, request)",
      "    _audit(thread, timeout, request)",
      "    _notify(thread, timeout, request)",
      "",
      "def _lock(thread, timeout, request):",
      "    thread.lock()",
      "",
      "def _audit(thread, timeout, request):",
      "    audit.record(thread, request.user, timeout)",
      "",
      "def _notify(thread, timeout, request):",
      "    notify(thread, request.user, timeout)"), /^ignored-parameter$/);
    expect(wrappers).toEqual(["py-ignored-option-parameter@6"]);
  });
});

describe("swallowed-error, Go: a call the repository drops everywhere is its convention, not a deviation", () => {
  const handlers = (extraPut: number, checked: boolean) => ({ path: "cmd/web/handlers.go", content: lines(
    "package main",
    "",
    "func (app *application) logout(w http.ResponseWriter, r *http.Request) {",
    "	if err := app.sessionManager.RenewToken(r.Context()); err != nil {",
    "		app.serverError(w, r, err)",
    "		return",
    "	}",
    checked ? "	if err := app.sessionManager.Put(r.Context(), \"flash\", \"bye\"); err != nil {\n		return\n	}" : "	app.sessionManager.Put(r.Context(), \"flash\", \"bye\")",
    "	http.Redirect(w, r, \"/\", http.StatusSeeOther)",
    "}",
    ...Array.from({ length: extraPut }, (_, i) => [
      "",
      `func (app *application) page${i}(w http.ResponseWriter, r *http.Request) {`,
      `	app.sessionManager.Put(r.Context(), "flash", "page ${i}")`,
      "	app.render(w, r, http.StatusOK, \"page.tmpl\", nil)",
      "}"]).flat()) });
  const drops = (f: File) => scanSnippets([f], /^swallowed-error$/).map((x) => `${x.rule_id}@${x.line}${x.lead ? " lead" : ""}`);
  test("scs's `sessionManager.Put(ctx, key, value)` called bare at every site, checked at none: leads", () => {
    expect(drops(handlers(2, false))).toEqual(["go-dropped-call-error@8 lead", "go-dropped-call-error@13 lead", "go-dropped-call-error@18 lead"]);
  });
  test("...a call the repository drops at fewer sites, or checks somewhere, stays a claim where it is dropped", () => {
    expect(drops(handlers(1, false))).toEqual(["go-dropped-call-error@8", "go-dropped-call-error@13"]);
    expect(drops(handlers(2, true)).filter((d) => !d.endsWith("lead"))).toEqual(["go-dropped-call-error@15", "go-dropped-call-error@20"]);
  });
});

describe("insecure-compare: a stored hash named for a secret against a digest of what was presented", () => {
  test("Python and Go: `secret_hash == sha256(secret)`, `hex(sum) != key.SecretHash` leak the stored hash", () => {
    expect(of("clinic/models.py", lines(
      "class KioskDevice(Base):",
      "    def verify_secret(self, secret: str) -> bool:",
      "        return self.secret_hash == hashlib.sha256(secret.encode()).hexdigest()"), /^insecure-compare$/)).toEqual(["py-insecure-compare@3"]);
    expect(of("internal/service/security.go", lines(
      "package service",
      "",
      "func (s *Security) HandleApiKey(ctx context.Context, secret string) (context.Context, error) {",
      "	key, err := s.store.SDKKey(ctx, prefixOf(secret))",
      "	if err != nil {",
      "		return ctx, err",
      "	}",
      "	sum := sha256.Sum256([]byte(secret))",
      "	if hex.EncodeToString(sum[:]) != key.SecretHash {",
      "		return ctx, errUnauthorized",
      "	}",
      "	return ctx, nil",
      "}"), /^insecure-compare$/)).toEqual(["go-insecure-compare@9"]);
  });
  test("...a content digest compared with another is an integrity check", () => {
    expect(of("app/cache.py", lines("def fresh(entry, body: bytes) -> bool:", "    return entry.content_hash == hashlib.sha256(body).hexdigest()"), /^insecure-compare$/)).toEqual([]);
  });
});

describe("unwired-auth: the verbs of a Next.js route file are handlers of one path", () => {
  const route = (del: string, path = "app/api/invoices/[id]/route.ts") => of(path, lines(
    "import { NextResponse, type NextRequest } from 'next/server';",
    "import { requireSession } from '@/lib/users';",
    "",
    "export async function GET(_req: NextRequest, { params }: Params) {",
    "  const session = await requireSession();",
    "  return NextResponse.json(await getInvoice(session.user.orgId, params.id));",
    "}",
    "",
    "export async function DELETE(_req: NextRequest, { params }: Params) {",
    del,
    "  return new NextResponse(null, { status: 204 });",
    "}"), /^unwired-auth$/);
  test("DELETE voids the invoice without the session check its GET makes", () => {
    expect(route("  await voidInvoice(params.id);")).toEqual(["ts-unguarded-peer@9"]);
  });
  test("...a DELETE that checks too, or a file that is no route file, is not reported", () => {
    expect(route("  const session = await requireSession();\n  await voidInvoice(session.user.orgId, params.id);")).toEqual([]);
    expect(route("  await voidInvoice(params.id);", "src/lib/invoices.ts")).toEqual([]);
  });
});

describe("stub: a gRPC servicer's method that checks the caller and refuses", () => {
  const servicer = (head: string, body: string) => ({ path: "inventory/admin_servicer.py", content: lines(
    "from inventory.gen import inventory_pb2_grpc",
    "",
    `class AdminServicer(${head}):`,
    "    def ExportSnapshot(self, request, context):",
    body,
    '        raise NotImplementedError("snapshot export")') });
  const stubs = (files: File[]) => found(files, /^stub$/);
  test("a class that names a base of its own name (`AdminServicer(pb2_grpc.AdminServicer)`) does not extend itself", () => {
    expect(stubs([servicer("inventory_pb2_grpc.AdminServicer", '        log.info("export requested")')])).toEqual(["py-not-implemented@6"]);
  });
  test("...and a requirement checked first (`require_role(context, Role.ADMIN)`) refuses all the same", () => {
    expect(stubs([servicer("inventory_pb2_grpc.AdminServicer", "        require_role(context, Role.ADMIN)")])).toEqual(["py-not-implemented@6"]);
  });
  test("...a servicer registered on a server answers RPCs even when the repository declares its generated base", () => {
    const base = { path: "inventory/gen/inventory_pb2_grpc.py", content: lines(
      "class AdminServicer(object):",
      "    def ExportSnapshot(self, request, context):",
      "        context.set_code(grpc.StatusCode.UNIMPLEMENTED)",
      "        raise NotImplementedError('Method not implemented!')") };
    const server = { path: "inventory/server.py", content: lines("def serve():", "    inventory_pb2_grpc.add_AdminServicer_to_server(AdminServicer(engine), server)") };
    const impl = { path: "inventory/admin.py", content: lines("class AdminImpl(AdminServicer):", "    def ExportSnapshot(self, request, context):", '        raise NotImplementedError("this store does not support snapshot export")') };
    expect(stubs([base, impl])).toEqual([]);
    expect(stubs([base, impl, { ...server, content: server.content.replace("AdminServicer(engine)", "AdminImpl(engine)") }])).toEqual(["py-not-implemented@3"]);
  });
});

describe("tls-disabled: a connection string whose flag turns verification off", () => {
  test("go-sql-driver's `tls=skip-verify` and MongoDB's `tlsInsecure=true` in shipped code", () => {
    expect(of("cmd/importer/main.go", lines("package main", "", "func main() {", '	dsn := flag.String("dsn", "importer@tcp(db:3306)/lending?parseTime=true&tls=skip-verify", "MySQL DSN")', "	run(*dsn)", "}"), /^tls-disabled$/)).toEqual(["go-tls-disabled@4"]);
    expect(of("src/db.ts", lines("export const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://db:27017/app?tls=true&tlsInsecure=true');"), /^tls-disabled$/)).toEqual(["ts-tls-disabled@1"]);
  });
  test("...a DSN that verifies (`tls=true`, `sslmode=verify-full`) is not reported", () => {
    expect(of("cmd/importer/main.go", lines("package main", "", "func main() {", '	dsn := flag.String("dsn", "importer@tcp(db:3306)/lending?parseTime=true&tls=true", "MySQL DSN")', "	run(*dsn)", "}"), /^tls-disabled$/)).toEqual([]);
    expect(of("app/db.py", lines('DSN = "postgresql://app@db/app?sslmode=verify-full"'), /^tls-disabled$/)).toEqual([]);
  });
});

describe("hardcoded-secret: a configuration schema's default", () => {
  const env = (value: string) => of("src/env.ts", lines(
    "import { z } from 'zod';",
    "export const env = z.object({",
    "  PORT: z.coerce.number().int().default(4000),",
    `  SESSION_SIGNING_KEY: z.string().min(32).default(${value}),`,
    "}).parse(process.env);"), /^hardcoded-secret$/);
  test("a zod default under a key named for a secret is the value the program runs with", () => {
    expect(env('"hd_sk_2b7f9c41e8a05d63f1b4c9e7a2d8f0c5b6e1"')).toEqual(["ts-hardcoded-secret@4"]);
  });
  test("...a placeholder default is not a credential", () => {
    expect(env('"change-me-in-production"')).toEqual([]);
  });
});

describe("swallowed-error, Rust: a discarded value every declaration answers without an error", () => {
  const server = (ret: string) => [{ path: "lib/src/server.rs", content: lines(
    "impl Server {",
    `    pub fn shut_down_sessions(&mut self, tokens: &[Token])${ret} {`,
    "        tokens.len()",
    "    }",
    "",
    "    pub fn kill_session(&mut self, token: Token) {",
    "        let _ = self.shut_down_sessions(&[token]);",
    "        self.store.record_kill(token);",
    "    }",
    "}") }];
  const drops = (files: File[]) => found(files, /^swallowed-error$/);
  test("a count of closed sessions (`-> usize`) carries no error to lose", () => {
    expect(drops(server(" -> usize"))).toEqual([]);
  });
  test("...a Result, or a call the repository does not declare, keeps the finding", () => {
    expect(drops(server(" -> Result<usize, Error>")).length).toBe(1);
    expect(drops([{ path: "lib/src/server.rs", content: lines("fn kill(s: &mut Store, t: Token) {", "    let _ = s.delete_session(t);", "}") }]).length).toBe(1);
  });
});

describe("assertion-free-test: a hand-written check and DRF's raising validation", () => {
  test("Python: a branch whose first statement raises is the test's check", () => {
    expect(of("tests/test_views.py", lines(
      "def test_list_views_have_search_fields():",
      "    missing = [v for v in list_views() if not v.search_fields]",
      "    if missing:",
      "        raise Exception(f'views without search_fields: {missing}')"), /^assertion-free-test$/)).toEqual([]);
    expect(of("tests/test_views.py", lines(
      "def test_list_views_have_search_fields():",
      "    def boom():",
      "        raise ConnectionError()",
      "    sync(on_error=boom)"), /^assertion-free-test$/)).toEqual(["py-assertion-free-test@1"]);
  });
  test("...`serializer.is_valid(raise_exception=True)` asserts by raising: a smoke note", () => {
    expect(of("tests/test_serializers.py", lines(
      "def test_partial_update(repo):",
      "    serializer = RemoteSerializer(repo, data={'proxy_url': 'http://p'}, partial=True)",
      "    serializer.is_valid(raise_exception=True)"), /^assertion-free-test$/)).toEqual(["py-assertion-free-test@1 note"]);
  });
  test("...TypeScript's `if (n < 3) throw` is not read as a check: a test's callbacks throw as fakes", () => {
    expect(of("test/retry.test.ts", lines(
      "test('calls onRetry between attempts', async () => {",
      "  const seen: number[] = [];",
      "  await withRetry(async (n) => { if (n < 3) throw new Error('again'); }, { attempts: 3, onRetry: (_e, a) => seen.push(a) });",
      "});"), /^assertion-free-test$/)).toEqual(["ts-assertion-free-test@1"]);
  });
});

describe("swallowed-error, Go: the convention reading leaves a rule whose match shows the write alone", () => {
  test("a spool file's Close dropped on every path is still the write error lost", () => {
    const spool = lines(
      "package relay",
      "",
      "func (s *Spool) Put(f Frame) (string, error) {",
      "	fh, err := os.OpenFile(s.path(f), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)",
      "	if err != nil {",
      "		return \"\", err",
      "	}",
      "	if err := json.NewEncoder(fh).Encode(f); err != nil {",
      "		fh.Close()",
      "		return \"\", err",
      "	}",
      "	if err := fh.Sync(); err != nil {",
      "		fh.Close()",
      "		return \"\", err",
      "	}",
      "	fh.Close()",
      "	return f.Name, nil",
      "}");
    const claims = scanSnippets([{ path: "relay/spool.go", content: spool }], /^swallowed-error$/).filter((x) => !x.lead && x.severity !== "info").map((x) => x.line);
    expect(claims).toContain(16);
  });
});

describe("stub, Go: a served operation that checks who is asking and then returns a not-implemented sentinel", () => {
  const handler = (body: string) => of("internal/service/handler.go", lines(
    "package service",
    "",
    "func (h *Handler) ImportFlags(ctx context.Context, req *api.ImportFlagsReq, params api.ImportFlagsParams) (*api.ImportFlagsRes, error) {",
    body,
    "}"), /^stub$/);
  test("`requireProject(..)` then `return nil, ht.ErrNotImplemented`: every call past the check fails", () => {
    expect(handler("	if _, err := requireProject(ctx, params.Project, roleAdmin); err != nil {\n		return nil, err\n	}\n	return nil, ht.ErrNotImplemented")).toEqual(["go-not-implemented@7"]);
  });
  test("...a type declining one operation of its interface (its only statement) is not reported", () => {
    expect(handler("	return nil, ErrNotImplemented")).toEqual([]);
  });
});

describe("stub, Python: a registered view that looks the record up and then answers 501", () => {
  const view = (last: string) => of("clinic/resources/billing.py", lines(
    '@blp.route("/invoices/<int:invoice_id>/pdf")',
    "class InvoicePdf(MethodView):",
    "    @jwt_required()",
    '    @role_required("reception", "admin")',
    "    def get(self, invoice_id):",
    "        _invoice_in_clinic(invoice_id)",
    `        ${last}`), /^stub$/);
  test("`abort(501, ..)` after the lookup refuses every call", () => {
    expect(view('abort(501, message="PDF invoices are not available yet")')).toEqual(["py-not-implemented@7"]);
  });
  test("...a view that answers 501 on one path and serves the rest is an answer", () => {
    expect(of("clinic/resources/billing.py", lines(
      "@jwt_required()",
      "def pdf(invoice_id):",
      "    invoice = _invoice_in_clinic(invoice_id)",
      "    if not invoice.renderable:",
      '        abort(501, message="no template for this invoice type")',
      "    return render_pdf(invoice)"), /^stub$/)).toEqual([]);
  });
});
