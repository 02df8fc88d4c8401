// Fifth pass on issue 10: each shape the floor learned, with a case it must report and a decoy it must not.
import { describe, expect, test } from "bun:test";
import { foundIn, lines, scanSnippets, type SnippetFile as File } from "./support/snippet-scan";
import { randomRun } from "../pipeline/rules/checks/secret-literal";

const scan = (...files: File[]) => scanSnippets(files);
const classes = (...files: File[]) => foundIn(files);

describe("stub: a Go message that ends on 'not implemented'", () => {
  test("several words naming the missing work still make a stub", () => {
    const src = lines("package billing", "func (b *Biller) Prorate(ctx context.Context, plan Plan) (Money, error) {", '\treturn Money{}, errors.New("billing: mid-cycle proration not yet implemented")', "}");
    expect(classes({ path: "billing/prorate.go", content: src })).toEqual(["stub@billing/prorate.go:3"]);
  });
  test("behind a condition it is a gate, not a stub", () => {
    const src = lines("package billing", "func (b *Biller) Prorate(ctx context.Context, plan Plan) (Money, error) {", "\tif plan.Legacy {", '\t\treturn Money{}, errors.New("billing: proration of legacy plans not implemented")', "\t}", "\treturn b.prorate(ctx, plan)", "}");
    expect(classes({ path: "billing/prorate.go", content: src })).toEqual([]);
  });
});

describe("hardcoded-secret: a readable prefix before a random run", () => {
  test("randomRun tells a token's random tail from a long name", () => {
    expect(randomRun("acme_live_9f3b27c14e0a6d85b2c9e71f")).toBe(true);
    expect(randomRun("settlement_webhook_signing_secret")).toBe(false);
    expect(randomRun("v2_0_1_release_candidate")).toBe(false);
  });
  test("a lowercase token under a secret name is reported; a lowercase name is not", () => {
    expect(classes({ path: "src/config.rs", content: 'pub const PAYOUT_API_TOKEN: &str = "po_tok_3c81e9a07d4b26f5e1a9c0d7";\n' })).toEqual(["hardcoded-secret@src/config.rs:1"]);
    expect(classes({ path: "src/config.rs", content: 'pub const PAYOUT_API_TOKEN: &str = "payout_api_token_header_name";\n' })).toEqual([]);
  });
});

describe("swallowed-error: Go writes and closes by their signature", () => {
  test("one blank on a Write that answers only its error drops a domain write", () => {
    const src = lines("package orders", "func (s *Service) Cancel(ctx context.Context, id string) {", "\ts.repo.SetState(ctx, id, Cancelled)", '\t_ = s.history.Write(ctx, id, "cancelled")', "}");
    expect(classes({ path: "orders/cancel.go", content: src })).toEqual(["swallowed-error@orders/cancel.go:4"]);
  });
  test("a sticky-error writer checked with Error() afterwards is not reported", () => {
    const src = lines("package orders", "func Export(w io.Writer, os []Order) error {", "\tcw := csv.NewWriter(w)", "\tfor _, o := range os {", "\t\t_ = cw.Write([]string{o.ID})", "\t}", "\tcw.Flush()", "\treturn cw.Error()", "}");
    expect(classes({ path: "orders/export.go", content: src })).toEqual([]);
  });
  test("a bare Close of a written writer in a function returning error loses the flush", () => {
    const src = lines("package pack", "func Pack(dst io.Writer, blobs [][]byte) error {", "\tgz := gzip.NewWriter(dst)", "\tfor _, b := range blobs {", "\t\tif _, err := gz.Write(b); err != nil {", "\t\t\treturn err", "\t\t}", "\t}", "\tgz.Close()", "\treturn nil", "}");
    expect(classes({ path: "pack/pack.go", content: src })).toEqual(["swallowed-error@pack/pack.go:9"]);
  });
  test("closing what was only read is not reported", () => {
    const src = lines("package pack", "func Size(path string) (int64, error) {", "\tf, err := os.Open(path)", "\tif err != nil {", "\t\treturn 0, err", "\t}", "\tn, err := io.Copy(io.Discard, f)", "\tf.Close()", "\treturn n, err", "}");
    expect(classes({ path: "pack/size.go", content: src })).toEqual([]);
  });
});

describe("swallowed-error: a Python handler naming one class around a durable write", () => {
  const body = (cls: string) => lines("def remember(conn, key, value):", "    try:", '        conn.execute("UPDATE prefs SET value = ? WHERE key = ?", (value, key))', `    except ${cls}:`, "        pass");
  test("the driver's error class passed over loses the row", () => {
    expect(classes({ path: "app/prefs.py", content: body("sqlite3.OperationalError") })).toEqual(["swallowed-error@app/prefs.py:4"]);
  });
  test("a conflict is the expected outcome, and a narrow handler around memory is no write", () => {
    expect(classes({ path: "app/prefs.py", content: body("sqlite3.IntegrityError") })).toEqual([]);
    const mem = lines("def remember(cache, key, raw):", "    try:", "        cache[key] = int(raw)", "    except ValueError:", "        pass");
    expect(classes({ path: "app/prefs.py", content: mem })).toEqual([]);
  });
});

describe("unwired-auth: wrappers and composed guards by shape", () => {
  const wrapper = lines(
    "pub fn members_only<H: Handler>(inner: H) -> impl Handler {",
    "    move |req: Request| {",
    '        let ok = req.headers().get("x-member-session").is_some();',
    "        async move { if !ok { return Err(StatusCode::UNAUTHORIZED); } inner.call(req).await }",
    "    }",
    "}");
  test("a Rust wrapper (one handler in, the same kind out) that refuses and is applied nowhere", () => {
    expect(classes({ path: "src/gate.rs", content: wrapper }, { path: "src/main.rs", content: "mod gate;\nfn app() { route(\"/feed\", feed) }\n" })).toEqual(["unwired-auth@src/gate.rs:1"]);
  });
  test("the same wrapper applied to a route is wired", () => {
    expect(classes({ path: "src/gate.rs", content: wrapper }, { path: "src/main.rs", content: "mod gate;\nfn app() { route(\"/feed\", gate::members_only(feed)) }\n" })).toEqual([]);
  });
  const rpc = lines(
    'import { makeRpc, RpcError } from "./rpc";',
    "const rpc = makeRpc<{ user?: { role: string } }>();",
    "export const base = rpc.procedure;",
    "const paying = rpc.middleware(({ ctx, next }) => {",
    '  if (ctx.user?.role !== "billing") throw new RpcError({ code: "FORBIDDEN" });',
    "  return next({ ctx });",
    "});",
    "export const paidProcedure = base.use(paying);");
  test("a TS builder composed from a guard that no route uses", () => {
    const routes = { path: "src/routes.ts", content: 'import { base } from "./rpc-setup";\nexport const r = { upgrade: base.mutation(() => upgrade()) };\n' };
    expect(classes({ path: "src/rpc-setup.ts", content: rpc }, routes)).toEqual(["unwired-auth@src/rpc-setup.ts:8"]);
    expect(scan({ path: "src/rpc-setup.ts", content: rpc }, routes)[0]?.message).toContain("built from an access guard");
  });
  test("the composed builder used by a route is wired", () => {
    const routes = { path: "src/routes.ts", content: 'import { paidProcedure } from "./rpc-setup";\nexport const r = { upgrade: paidProcedure.mutation(() => upgrade()) };\n' };
    expect(classes({ path: "src/rpc-setup.ts", content: rpc }, routes)).toEqual([]);
  });
});

describe("unwired-auth: a state-changing route beside guarded siblings", () => {
  const goMux = (extra: string) => lines(
    "package main",
    "func staffOnly(next http.HandlerFunc) http.HandlerFunc {",
    "\treturn func(w http.ResponseWriter, r *http.Request) {",
    '\t\tif !validStaffSession(r) { http.Error(w, "forbidden", http.StatusForbidden); return }',
    "\t\tnext(w, r)",
    "\t}",
    "}",
    "func mux() *http.ServeMux {",
    "\tm := http.NewServeMux()",
    '\tm.HandleFunc("GET /queue", staffOnly(showQueue))',
    extra,
    "\treturn m",
    "}");
  test("Go: POST registered bare on a mux whose GET goes through the guard", () => {
    expect(classes({ path: "cmd/app/mux.go", content: goMux('\tm.HandleFunc("POST /queue/purge", purgeQueue)') })).toEqual(["unwired-auth@cmd/app/mux.go:11"]);
  });
  test("Go: guarded, or open by design (login), is not reported", () => {
    expect(classes({ path: "cmd/app/mux.go", content: goMux('\tm.HandleFunc("POST /queue/purge", staffOnly(purgeQueue))') })).toEqual([]);
    expect(classes({ path: "cmd/app/mux.go", content: goMux('\tm.HandleFunc("POST /login", login)') })).toEqual([]);
  });
  test("TS: a delete without the guard its sibling passes; a router-level use() guards all", () => {
    const bare = lines("const r = Router();", 'r.get("/keys", requireAdmin, listKeys);', 'r.delete("/keys/:id", revokeKey);', "export default r;");
    expect(classes({ path: "src/keys.ts", content: bare })).toEqual(["unwired-auth@src/keys.ts:3"]);
    const used = lines("const r = Router();", "r.use(requireAdmin);", 'r.get("/keys", listKeys);', 'r.delete("/keys/:id", revokeKey);');
    expect(classes({ path: "src/keys.ts", content: used })).toEqual([]);
  });
});

describe("assertion-free-test: answers dropped, fixtures of constants", () => {
  test("Rust: setup unwrapped, then the awaited call's answer dropped with let _", () => {
    const src = lines("#[tokio::test]", "async fn renews_lease() {", "    let pool = Pool::connect_test().await.unwrap();", "    let leases = Leases::new(pool).unwrap();", "    let _ = leases.renew(LeaseId(7), Duration::from_secs(30)).await;", "}");
    expect(classes({ path: "tests/leases.rs", content: src })).toEqual(["assertion-free-test@tests/leases.rs:2"]);
    const checked = src.replace("let _ = leases.renew(LeaseId(7), Duration::from_secs(30)).await;", "assert!(leases.renew(LeaseId(7), Duration::from_secs(30)).await.is_ok());");
    expect(classes({ path: "tests/leases.rs", content: checked })).toEqual([]);
  });
  test("Go: a fixture fed a composite literal of constants is setup, not the check", () => {
    const fixture = lines("package queue", "func filled(t *testing.T, jobs []string) *Queue {", "\tt.Helper()", "\tq := New()", "\tfor _, j := range jobs {", "\t\tif err := q.Push(j); err != nil {", "\t\t\tt.Fatal(err)", "\t\t}", "\t}", "\treturn q", "}");
    const bare = fixture + lines("func TestDrain(t *testing.T) {", '\tq := filled(t, []string{"a", "b"})', "\tq.Drain(1)", "}");
    expect(classes({ path: "queue/queue_test.go", content: bare })).toEqual(["assertion-free-test@queue/queue_test.go:12"]);
    const checked = fixture + lines("func TestDrain(t *testing.T) {", '\tq := filled(t, []string{"a", "b"})', "\tq.Drain(1)", "\tif q.Len() != 1 {", '\t\tt.Fatalf("len %d", q.Len())', "\t}", "}");
    expect(classes({ path: "queue/queue_test.go", content: checked })).toEqual([]);
  });
});
