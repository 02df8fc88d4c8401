// Readings of the nineteenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { trojanSource } from "../pipeline/rules/checks/hidden-unicode";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}${f.lead ? " lead" : ""}`);

describe("assertion-free-test: a benchmark written as a test reports timings, not outcomes", () => {
  // lemmy's api_tests/src/speed.spec.ts: every test times API calls through a helper of its file.
  const spec = (timer: string) => ({ path: "api_tests/src/speed.spec.ts", content: lines(
    "const report: string[] = [];",
    "async function timeApiCall<T>(fn: () => Promise<T>) {",
    `  const start = ${timer};`,
    "  const res = await fn();",
    `  return { res, diff: ${timer} - start };`,
    "}",
    "async function timeApiCalls<T>(fn: () => Promise<T>, times = 5) {",
    "  const diffs = [];",
    "  for (let i = 0; i < times; i++) diffs.push((await timeApiCall(fn)).diff);",
    "  return diffs;",
    "}",
    'test("List posts with different sorts", async () => {',
    '  for (const sort of ["hot", "new"]) {',
    "    const time = await timeApiCalls(() => api.getPosts({ sort }));",
    "    report.push(`${sort} | ${time}`);",
    "  }",
    "});") });
  test("a helper's helper reads performance.now() twice: the test measures, no finding", () => {
    expect(found([spec("performance.now()")], /^assertion-free-test$/)).toEqual([]);
  });
  test("the same test whose helper reads no clock asserts nothing: reported", () => {
    expect(found([spec("counter()")], /^assertion-free-test$/)).toEqual(["api_tests/src/speed.spec.ts:ts-assertion-free-test@12"]);
  });
});

describe("assertion-free-test: a wait for a named outcome fails the test when it never comes", () => {
  const e2e = (wait: string) => ({ path: "e2e/teams/manage-team.spec.ts", content: lines(
    'import { test } from "@playwright/test";',
    'test("updates a team", async ({ page }) => {',
    '  await page.goto("/settings/teams");',
    '  await page.getByRole("button", { name: "Save" }).click();',
    `  ${wait};`,
    "});") });
  test("page.waitForURL(target) is the test's check: no finding, no note", () => {
    expect(found([e2e('await page.waitForURL("/t/new-team/settings")')], /^assertion-free-test$/)).toEqual([]);
  });
  test("a polling helper handed a predicate that compares (lemmy's waitUntilSuccess): no finding", () => {
    const f = e2e('await waitUntilSuccess(\n    () => getCommunity(alpha, id),\n    (c) => c.community_view.community.sidebar == "Example sidebar",\n  )');
    expect(found([f], /^assertion-free-test$/)).toEqual([]);
  });
  test("a pause names no outcome: still a smoke-test note", () => {
    expect(found([e2e("await page.waitForTimeout(500)")], /^assertion-free-test$/)).toEqual(["e2e/teams/manage-team.spec.ts:ts-assertion-free-test@2 note"]);
  });
});

describe("stub (Go): a switch's default and a handler maker's branch are answers, not placeholders", () => {
  test("`default: return errors.New(\"format not implemented\")` after the supported formats: not reported", () => {
    const raw = { path: "http/raw.go", content: lines(
      "package http",
      'import "errors"',
      "func parseQueryAlgorithm(algo string) (string, error) {",
      "\tswitch algo {",
      '\tcase "zip":',
      '\t\treturn ".zip", nil',
      "\tdefault:",
      '\t\treturn "", errors.New("format not implemented")',
      "\t}",
      "}") };
    expect(found([raw], /^stub$/)).toEqual([]);
  });
  test("the same message as a function's whole body: reported", () => {
    const raw = { path: "http/raw.go", content: lines(
      "package http",
      'import "errors"',
      'func parseQueryAlgorithm(algo string) (string, error) { return "", errors.New("format not implemented") }') };
    expect(found([raw], /^stub$/).length).toBe(1);
  });
  test("`return withUser(func(..) {.. return http.StatusNotImplemented ..})`: the maker serves previews; not reported", () => {
    const preview = { path: "http/preview.go", content: lines(
      "package http",
      "func previewHandler(svc ImgService) handleFunc {",
      "\treturn withUser(func(w http.ResponseWriter, r *http.Request, d *data) (int, error) {",
      '\t\tif d.file.Type != "image" {',
      "\t\t\treturn http.StatusNotImplemented, nil",
      "\t\t}",
      "\t\treturn svc.Preview(w, d.file)",
      "\t})",
      "}") };
    expect(found([preview], /^stub$/)).toEqual([]);
  });
});

describe("stub (Python): a refusal the repository's own code catches is a protocol, reported as a lead", () => {
  const store = { path: "xandikos/store/vdir.py", content: lines(
    "class VdirStore:",
    "    def set_comment(self, comment):",
    "        raise NotImplementedError(self.set_comment)") };
  const server = (catches: boolean) => ({ path: "xandikos/webdav.py", content: lines(
    "def set_property(prop, resource, el):",
    ...(catches ? ["    try:", "        prop.set_value(resource, el)", "    except NotImplementedError:", "        return 403"] : ["    prop.set_value(resource, el)", "    return 200"])) });
  test("webdav.py catches NotImplementedError a level up: the refusal is a lead", () => {
    expect(found([store, server(true)], /^stub$/)).toEqual(["xandikos/store/vdir.py:py-not-implemented@3 note lead"]);
  });
  test("nothing catches it: a claim", () => {
    expect(found([store, server(false)], /^stub$/)).toEqual(["xandikos/store/vdir.py:py-not-implemented@3"]);
  });
});

describe("ignored-parameter (TypeScript): a component's callers are its JSX elements", () => {
  const dialog = { path: "ui/src/dialogs/HelpDialog.jsx", content: lines(
    "export const HelpDialog = (props) => {",
    "  const [open, setOpen] = useState(false);",
    "  return <Dialog open={open} onClose={() => setOpen(false)} />;",
    "};") };
  test("every <HelpDialog /> passes nothing: the unread props drop nothing, no finding", () => {
    const use = { path: "ui/src/dialogs/Dialogs.jsx", content: lines("export const Dialogs = () => (", "  <>", "    <HelpDialog />", "  </>", ");") };
    expect(found([dialog, use], /^ignored-parameter$/)).toEqual([]);
  });
  test("an element that passes a prop: the unread props are reported", () => {
    const use = { path: "ui/src/dialogs/Dialogs.jsx", content: lines("export const Dialogs = () => (", "  <>", '    <HelpDialog topic="keys" />', "  </>", ");") };
    expect(found([dialog, use], /^ignored-parameter$/).length).toBe(1);
  });
});

describe("insecure-compare: numbers and discriminants are no secrets", () => {
  const ts = (body: string[]) => ({ path: "packages/lib/server-only/envelope/items.ts", content: lines(...body) });
  test("a sort comparator's signing orders (`aOrder !== bOrder` then `aOrder - bOrder`): not reported", () => {
    const f = ts([
      "export const sortRecipients = (recipients: Recipient[]) =>",
      "  [...recipients].sort((a, b) => {",
      "    const aOrder = a.signingOrder ?? Number.MAX_SAFE_INTEGER;",
      "    const bOrder = b.signingOrder ?? Number.MAX_SAFE_INTEGER;",
      "    if (aOrder !== bOrder) {",
      "      return aOrder - bOrder;",
      "    }",
      "    return a.id - b.id;",
      "  });"]);
    expect(found([f], /^insecure-compare$/)).toEqual([]);
  });
  test("a field type against an enum member named for signatures: not reported; a signature against a header still is", () => {
    const f = ts([
      "export const isSignatureField = (type: FieldType) => type === FieldType.SIGNATURE || type === FieldType.FREE_SIGNATURE;",
      "export function verifyWebhook(req: Request, secret: string) {",
      '  const signature = req.headers.get("x-signature");',
      "  return signature === hmac(secret, req.body);",
      "}"]);
    expect(found([f], /^insecure-compare$/)).toEqual(["packages/lib/server-only/envelope/items.ts:ts-insecure-compare@4"]);
  });
});

describe("swallowed-error (Go): binary.Write into a buffer of the function cannot fail on the writer", () => {
  const wav = (made: string) => ({ path: "internal/ai/audio/webm.go", content: lines(
    "package audio",
    'import ("bytes"; "encoding/binary"; "os")',
    "func wavHeader(dataSize int, out *os.File) []byte {",
    `\t${made}`,
    "\t_ = binary.Write(buf, binary.LittleEndian, uint32(36+dataSize))",
    "\treturn nil",
    "}") });
  test("buf := new(bytes.Buffer): not reported", () => {
    expect(found([wav("buf := new(bytes.Buffer)")], /^swallowed-error$/)).toEqual([]);
  });
  test("buf := out (a file): reported", () => {
    expect(found([wav("buf := out")], /^swallowed-error$/).length).toBe(1);
  });
});

describe("Trojan Source: controls listed in a regular expression's character class find them, they hide nothing", () => {
  test("`/^[\\u2066-\\u2069]+$/` written with the characters: not reported", () => {
    expect(trojanSource("export const isBidiIsolate = (text: string) => /^[\u2066-\u2069]+$/.test(text);\n", null)).toEqual([]);
  });
  test("an isolate in code outside any class: reported", () => {
    expect(trojanSource("const ok = isAdmin \u2066|| true\u2069;\n", null).length).toBe(2);
  });
});

describe("ignored-parameter (TypeScript): a sibling's default reads a destructured option through an object shorthand", () => {
  const helpers = (fallback: string) => ({ path: "src/modules/shared/db/columns.helpers.ts", content: lines(
    "export function createPrimaryKeyField({",
    "  prefix,",
    `  idGenerator = () => ${fallback},`,
    "}: { prefix?: string; idGenerator?: () => string } = {}) {",
    "  return { id: text('id').primaryKey().$default(idGenerator) };",
    "}") });
  const table = { path: "src/modules/users/users.table.ts", content: lines("export const users = table('users', { ...createPrimaryKeyField({ prefix: 'usr' }) });") };
  test("`generateId({ prefix })` in idGenerator's default: prefix is read", () => {
    expect(found([helpers("generateId({ prefix })"), table], /^ignored-parameter$/)).toEqual([]);
  });
  test("a default that does not read it: prefix is reported", () => {
    expect(found([helpers("generateId({})"), table], /^ignored-parameter$/).length).toBe(1);
  });
});

describe("swallowed-error (Rust): a once-only initialisation answers Err only when it was done already", () => {
  const cell = (decl: string) => ({ path: "crates/common/src/sync/eager_future_cell.rs", content: lines(
    `use std::sync::${decl};`,
    `pub struct Cell<T> { inner: ${decl}<T> }`,
    "impl<T> Cell<T> {",
    "    pub fn put(&self, value: T) {",
    "        let _ = self.inner.set(value);",
    "    }",
    "}") });
  test("`let _ = self.inner.set(value)` beside a OnceLock: not reported", () => {
    expect(found([cell("OnceLock")], /^swallowed-error$/)).toEqual([]);
  });
  test("the same discard beside a Mutex: reported", () => {
    expect(found([cell("Mutex")], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
});

describe("swallowed-error (TypeScript): a response body read with a fallback is a parse, not a dropped write", () => {
  const auth = (call: string) => ({ path: "apps/mobile/store/auth.ts", content: lines(
    "export const fetchInstanceLogins = async (instance: string) => {",
    "  const res = await Promise.race([fetch(`${instance}/api/v1/logins`), timeout()]);",
    `  const data = await ${call}.catch(() => null);`,
    '  if (!res.ok) throw new Error("LOGINS");',
    "  return data;",
    "};") });
  test("`res.json().catch(() => null)`: not reported", () => {
    expect(found([auth("res.json()")], /^swallowed-error$/)).toEqual([]);
  });
  test("a session write started and let fail the same way: reported", () => {
    const save = { path: "apps/mobile/store/session.ts", content: lines(
      "export function remember(res: Response) {",
      "  saveSession(res).catch(() => null);",
      "}") };
    expect(found([save], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
});

describe("hardcoded-secret: markers and template slots hold no credential", () => {
  test("`__DOUBLE_ASTERISK_TOKEN__`, a substitution marker: not reported", () => {
    const f = { path: "server/src/analytics-script/utils.ts", content: lines(
      'const DOUBLE_WILDCARD_TOKEN = "__DOUBLE_ASTERISK_TOKEN__";',
      "export const patternToRegex = (p: string) => new RegExp(p.replace(/\\*\\*/g, DOUBLE_WILDCARD_TOKEN));") };
    expect(found([f], /^hardcoded-secret$/)).toEqual([]);
  });
  test("a connection string whose password is `[YOUR-PASSWORD]`: not reported; a literal password: reported", () => {
    const form = (pw: string) => ({ path: "client/src/sources/postgres/postgres-connection-form.jsx", content: lines(
      "export const connectionForm = {",
      `  csPlaceholder: "postgres://postgres.abcdefghijkl:${pw}@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",`,
      "};") });
    expect(found([form("[YOUR-PASSWORD]")], /^hardcoded-secret$/)).toEqual([]);
    expect(found([form("Zq7vR2mXp9LkT4wB")], /^hardcoded-secret$/).length).toBeGreaterThan(0);
  });
});

describe("insecure-compare: an equality handed to a query builds SQL; the database looks the value up", () => {
  test("SQLAlchemy `select(Booking).where(Booking.checkin_code == code)`: not reported; the same compare in Python: reported", () => {
    const repo = (line: string) => ({ path: "booking_bot/db/repo.py", content: lines(
      "async def booking_by_checkin_code(session, code: str, booking):",
      `    ${line}`) });
    expect(found([repo("return await session.scalar(select(Booking).where(Booking.checkin_code == code.upper()))")], /^insecure-compare$/)).toEqual([]);
    expect(found([repo("return booking if booking.checkin_code == code.upper() else None")], /^insecure-compare$/).length).toBe(1);
  });
  test("diesel's `.set((local_user::password_encrypted.eq(password_hash),))` assigns a column: not reported", () => {
    const rs = { path: "crates/db_schema/src/impls/local_user.rs", content: lines(
      "pub async fn update_password(pool: &mut DbPool<'_>, id: LocalUserId, new_password: &str) -> Result<LocalUser> {",
      "    let password_hash = hash(new_password, DEFAULT_COST)?;",
      "    diesel::update(local_user::table.find(id))",
      "        .set((local_user::password_encrypted.eq(password_hash),))",
      "        .get_result::<LocalUser>(conn)",
      "        .await",
      "}") };
    expect(found([rs], /^insecure-compare$/)).toEqual([]);
  });
});

describe("hardcoded-secret: a Telegram bot token and a connection password of ordinary length", () => {
  const settings = (token: string, dsn: string) => ({ path: "booking_bot/config.py", content: lines(
    "class Settings(BaseSettings):",
    `    bot_token: SecretStr = SecretStr("${token}")`,
    `    database_url: str = "${dsn}"`) });
  test("`7391846205:AAG…` and a ten-character mixed password in a DSN: both reported", () => {
    expect(found([settings("7391846205:AAGk3hT0pVx-9QeLr2mWc8ZsNd5YbJf1uHo", "postgresql+asyncpg://booking:Kq7vR2pXw9@db.internal:5432/booking")], /^hardcoded-secret$/)).toEqual([
      "booking_bot/config.py:py-vendor-credential@2",
      "booking_bot/config.py:py-vendor-credential@3",
    ]);
  });
  test("a short numeric id pair and a password that is a word: neither reported", () => {
    expect(found([settings("12345:hello", "postgresql://booking:password@localhost:5432/booking")], /^hardcoded-secret$/)).toEqual([]);
  });
});

describe("the review of this session's change (helper 191): counter-examples that must stay reported", () => {
  test("a module function caught for NotImplementedError (`multiprocessing.cpu_count()`) makes no protocol: the stub stays a claim", () => {
    const stub = { path: "app/reports/exporter.py", content: lines("class Exporter:", "    def to_pdf(self, report):", '        raise NotImplementedError("TODO: PDF export")') };
    const workers = { path: "app/workers.py", content: lines("import multiprocessing", "def cores():", "    try:", "        return multiprocessing.cpu_count()", "    except NotImplementedError:", "        return 1") };
    expect(found([stub, workers], /^stub$/)).toEqual(["app/reports/exporter.py:py-not-implemented@3"]);
  });
  test("a test that polls until a deadline (`while (Date.now() - start < 5000)`) is no benchmark: reported", () => {
    const t = { path: "test/ping.test.ts", content: lines(
      'test("the server comes up", async () => {',
      "  const start = Date.now();",
      "  while (Date.now() - start < 5000) {",
      "    if (await ping()) break;",
      "  }",
      "});") };
    expect(found([t], /^assertion-free-test$/)).toEqual(["test/ping.test.ts:ts-assertion-free-test@1"]);
  });
  test("a catch around an optional element's wait in a test is not a swallowed check", () => {
    const t = { path: "e2e/cookies.spec.ts", content: lines(
      'test("signs in", async ({ page }) => {',
      '  try { await page.locator("#cookie").waitFor({ timeout: 2000 }); await page.click("#accept"); } catch {}',
      '  await page.goto("/login");',
      '  await expect(page.getByText("Welcome")).toBeVisible();',
      "});") };
    expect(found([t], /^swallowed-error$/)).toEqual([]);
  });
  test("`rejectUnauthorized: false` under an `if` over the mode, or a switch over a policy: reported", () => {
    const f = (body: string[]) => ({ path: "server/db.ts", content: lines(...body) });
    expect(found([f(["export function opts(mode: string) {", '  if (mode !== "disable") {', "    return { rejectUnauthorized: false };", "  }", "}"])], /^tls-disabled$/).length).toBe(1);
    expect(found([f(["export function agent(policy: string) {", "  switch (policy) {", '    case "allow":', "      return new https.Agent({ rejectUnauthorized: false });", "  }", "}"])], /^tls-disabled$/).length).toBe(1);
  });
  test("a component rendered with children it drops: reported", () => {
    const panel = { path: "ui/Panel.tsx", content: lines("export function Panel({ title, children }: { title: string; children: React.ReactNode }) {", "  return <h2>{title}</h2>;", "}") };
    const use = { path: "ui/Settings.tsx", content: lines("export const Settings = () => (", '  <Panel title="Settings">', "    <Form />", "  </Panel>", ");") };
    expect(found([panel, use], /^ignored-parameter$/).length).toBe(1);
  });
  test("a switch default that promises work (`\"TODO: csv export\"`): still a stub", () => {
    const g = { path: "export/format.go", content: lines("package export", 'import "errors"', "func render(kind string) ([]byte, error) {", "\tswitch kind {", '\tcase "json":', "\t\treturn renderJSON()", "\tdefault:", '\t\treturn nil, errors.New("TODO: csv export not implemented")', "\t}", "}") };
    expect(found([g], /^stub$/).length).toBe(1);
  });
  test("binary.Write of `len(data)` (an int, no fixed size) into a buffer: reported", () => {
    const g = { path: "codec/frame.go", content: lines("package codec", 'import ("bytes"; "encoding/binary")', "func frame(data []byte) []byte {", "\tbuf := new(bytes.Buffer)", "\t_ = binary.Write(buf, binary.BigEndian, len(data))", "\treturn buf.Bytes()", "}") };
    expect(found([g], /^swallowed-error$/).length).toBe(1);
  });
  test("an `@Allow(Permission.Public)` mutation among guarded siblings is still unguarded", () => {
    const r = { path: "src/api/admin.resolver.ts", content: lines(
      "@Resolver()",
      "export class AdminResolver {",
      "  @Mutation()", "  @Allow(Permission.UpdateCatalog)", "  archiveProduct(@Ctx() ctx: RequestContext, @Args() args: { id: ID }) { return this.products.archive(ctx, args.id); }",
      "  @Mutation()", "  @Allow(Permission.UpdateCatalog)", "  restoreProduct(@Ctx() ctx: RequestContext, @Args() args: { id: ID }) { return this.products.restore(ctx, args.id); }",
      "  @Mutation()", "  @Allow(Permission.Public)", "  deleteProduct(@Ctx() ctx: RequestContext, @Args() args: { id: ID }) { return this.products.delete(ctx, args.id); }",
      "}") };
    expect(found([r], /^unwired-auth$/).length).toBe(1);
  });
  test("a lone right-to-left override inside a character class reverses the rest of the line: reported", () => {
    expect(trojanSource("if (/[\u202E]/.test(name)) { deny(); } else { grant(); }\n", null).length).toBe(1);
  });
  test("Python `flag.set(api_key == Config.API_KEY)` is a compare, not a query: reported", () => {
    const f = { path: "app/auth.py", content: lines("def check(flag, api_key):", "    flag.set(api_key == Config.API_KEY)") };
    expect(found([f], /^insecure-compare$/).length).toBe(1);
  });
});
