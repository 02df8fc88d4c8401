// Eighth pass on issue 10 (insecure-compare, swallowed-error, stub, tls-disabled): each shape with a case the
// floor must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const MINE = /^(insecure-compare|stub|swallowed-error|tls-disabled)$/;
const found = (...files: File[]) => foundIn(files, MINE);

describe("insecure-compare: equality spelled as a call", () => {
  const go = (cmp: string) => lines(
    "package hooks",
    "",
    "func (h *Hooks) receive(w http.ResponseWriter, r *http.Request) {",
    "\tm := hmac.New(sha256.New, h.key)",
    "\tm.Write(body)",
    "\texpected := hex.EncodeToString(m.Sum(nil))",
    `\tif !${cmp} {`,
    "\t\tw.WriteHeader(http.StatusUnauthorized)",
    "\t}",
    "}");
  test("strings.EqualFold on a signature header and a computed MAC: reported", () => {
    expect(found({ path: "hooks/recv.go", content: go('strings.EqualFold(r.Header.Get("X-Hub-Sig"), expected)') })).toEqual(["insecure-compare@hooks/recv.go:7"]);
  });
  test("hmac.Equal, and EqualFold on a content type: not reported", () => {
    expect(found({ path: "hooks/recv.go", content: go('hmac.Equal([]byte(r.Header.Get("X-Hub-Sig")), []byte(expected))') })).toEqual([]);
    expect(found({ path: "hooks/recv.go", content: go('strings.EqualFold(r.Header.Get("Content-Type"), "application/json")') })).toEqual([]);
  });
  const rs = (body: string) => lines(
    "pub struct Gate { operator_token: String }",
    "impl Gate {",
    "    fn is_authorised(&self, offered: &str) -> bool {",
    `        ${body}`,
    "    }",
    "}");
  test("PartialEq as a method (`offered.eq(&self.operator_token)`) or a path (`str::eq`) in an auth check: reported", () => {
    expect(found({ path: "src/gate.rs", content: rs("offered.eq(&self.operator_token)") })).toEqual(["insecure-compare@src/gate.rs:4"]);
    expect(found({ path: "src/gate.rs", content: rs("str::eq(offered, &self.operator_token)") })).toEqual(["insecure-compare@src/gate.rs:4"]);
  });
  test("a query DSL's `.eq` handed to filter (a predicate the database evaluates): not reported", () => {
    expect(found({ path: "src/gate.rs", content: rs("tokens::table.filter(tokens::operator_token.eq(offered)).count().get_result::<i64>(conn).map_or(false, |n| n > 0)") })).toEqual([]);
  });
  test("a constant-time compare, and `.eq` on a non-credential: not reported", () => {
    expect(found({ path: "src/gate.rs", content: rs("offered.as_bytes().ct_eq(self.operator_token.as_bytes()).into()") })).toEqual([]);
    expect(found({ path: "src/gate.rs", content: rs("offered.eq(&self.region)") })).toEqual([]);
  });
});

describe("insecure-compare: a same-file helper whose body computes the MAC", () => {
  const py = (helper: string) => lines(
    "import hmac, hashlib",
    "",
    "def _seal(blob: bytes) -> str:",
    `    return ${helper}`,
    "",
    "def accept(doc: dict, blob: bytes) -> None:",
    '    if _seal(blob) != doc.get("seal_signature", ""):',
    '        raise ValueError("bad seal")');
  test("the helper is keyed (hmac.new over a key): reported", () => {
    expect(found({ path: "app/seal.py", content: py("hmac.new(KEY, blob, hashlib.sha256).hexdigest()") })).toEqual(["insecure-compare@app/seal.py:7"]);
  });
  test("the helper is a plain digest, compared with another digest: not reported", () => {
    const plain = py("hashlib.sha256(blob).hexdigest()").replace('doc.get("seal_signature", "")', 'doc.get("sha256", "")');
    expect(found({ path: "app/seal.py", content: plain })).toEqual([]);
  });
});

describe("swallowed-error: a Go call handed a context, dropped as a statement", () => {
  const go = (stmt: string, imports = "") => lines(
    "package api",
    imports,
    "func (a *API) archive(w http.ResponseWriter, r *http.Request) {",
    "\tif err := a.Store.Lock(r.Context(), r.PathValue(\"id\")); err != nil {",
    "\t\thttp.Error(w, err.Error(), http.StatusConflict)",
    "\t\treturn",
    "\t}",
    `\t${stmt}`,
    "\tw.WriteHeader(http.StatusAccepted)",
    "}");
  test("a method of a receiver whose errors the file checks: reported", () => {
    expect(found({ path: "internal/api/archive.go", content: go('a.Store.Archive(r.Context(), r.PathValue("id"))') })).toEqual(["swallowed-error@internal/api/archive.go:8"]);
  });
  test("a logger handed the context, and a package function: not reported", () => {
    expect(found({ path: "internal/api/archive.go", content: go('a.Log.InfoContext(r.Context(), "archived")') })).toEqual([]);
    const pkg = go("render.Status(r.Context(), w)", 'import "example.org/x/render"').replace("a.Store.Lock(", "render.Bind(");
    expect(found({ path: "internal/api/archive.go", content: pkg })).toEqual([]);
  });
  test("a call handed only the context attaches it to the receiver (SetContext, WithContext): not reported", () => {
    expect(found({ path: "internal/api/archive.go", content: go("a.Store.SetContext(r.Context())") })).toEqual([]);
    expect(found({ path: "internal/api/archive.go", content: go("a.Store.WithContext(r.Context())") })).toEqual([]);
  });
});

describe("swallowed-error: what a dropped Go call answers, read where the file says it", () => {
  const gin = (sig: string, extra = "") => lines(
    "package auth",
    "",
    `func (a *Auth) deny(${sig}) {`,
    "\tif err := a.Store.Touch(ctx, 1); err != nil {",
    "\t\treturn",
    "\t}",
    "\ta.Store.Forget(ctx, 1)",
    "}",
    extra);
  test("ctx is a context.Context: reported", () => {
    expect(found({ path: "auth/deny.go", content: gin("ctx context.Context") })).toEqual(["swallowed-error@auth/deny.go:7"]);
  });
  test("ctx is a request handle (*gin.Context), or the file's own method answers no error: not reported", () => {
    expect(found({ path: "auth/deny.go", content: gin("ctx *gin.Context") })).toEqual([]);
    expect(found({ path: "auth/deny.go", content: gin("ctx context.Context", "func (s *Store) Forget(ctx context.Context, id int) {}") })).toEqual([]);
  });
});

describe("swallowed-error: a discarded follow-up inside a branch that already reported its error", () => {
  const go = (report: string) => lines(
    "package ship",
    "",
    "func deliver(ctx context.Context, o Order) error {",
    "\tif err := send(ctx, o); err != nil {",
    `\t\t${report}`,
    "\t\t_ = store.SaveFlag(ctx, o.ID, \"undelivered\")",
    "\t}",
    "\treturn nil",
    "}");
  test("nothing reported the error first: the discard is reported", () => {
    expect(found({ path: "ship/deliver.go", content: go("metrics.Inc()") })).toEqual(["swallowed-error@ship/deliver.go:6"]);
  });
  test("the error was logged right before: not reported", () => {
    expect(found({ path: "ship/deliver.go", content: go('logger.Warn("send failed", "error", err)') })).toEqual([]);
  });
});

describe("swallowed-error: statements in select! arms are code", () => {
  const rs = (arm: string) => lines(
    "pub async fn drain(q: &Queue, mut stop: watch::Receiver<bool>) -> anyhow::Result<()> {",
    "    loop {",
    "        tokio::select! {",
    "            _ = stop.changed() => return Ok(()),",
    "            Some(job) = q.next() => {",
    `                ${arm}`,
    "            }",
    "        }",
    "    }",
    "}");
  test("a dropped acknowledgement inside an arm: reported at its line", () => {
    expect(found({ path: "src/drain.rs", content: rs("let _ = q.ack(job.id).await;") })).toEqual(["swallowed-error@src/drain.rs:6"]);
  });
  test("the same call propagated with ?: not reported", () => {
    expect(found({ path: "src/drain.rs", content: rs("q.ack(job.id).await?;") })).toEqual([]);
  });
});

describe("stub: the placeholder announced by the value, and namespaced not-implemented errors", () => {
  const ts = (ret: string) => lines(
    "export async function receiptFor(orderId: string): Promise<Receipt> {",
    "  const order = await loadOrder(orderId);",
    "  if (!order.paid) throw new Error(\"unpaid\");",
    `  return ${ret};`,
    "}",
    "export const receipt = (id: string) => receiptFor(id);");
  test("a fixed record whose link says it is a placeholder: reported", () => {
    expect(found({ path: "src/receipt.ts", content: ts("{ href: 'https://cdn.example.net/receipt-placeholder.html', issuedAt: new Date(0).toISOString() }") })).toEqual(["stub@src/receipt.ts:4"]);
  });
  test("a record computed from the order, or a bare enum word: not reported", () => {
    expect(found({ path: "src/receipt.ts", content: ts("{ href: 'https://cdn.example.net/receipt-placeholder.html', total: order.total }") })).toEqual([]);
    expect(found({ path: "src/receipt.ts", content: ts("{ state: 'todo', open: true }") })).toEqual([]);
  });
  const svc = (body: string) => lines("export default {", "  actions: {", "    reindex: {", "      async handler(ctx) {", `        ${body}`, "      },", "    },", "  },", "};");
  test("an action that only throws a namespaced Not implemented error: reported", () => {
    expect(found({ path: "src/services/search.service.ts", content: svc("throw new Errors.MoleculerError('Not implemented', 501);") })).toEqual(["stub@src/services/search.service.ts:5"]);
  });
  test("the same error behind a condition: not reported", () => {
    expect(found({ path: "src/services/search.service.ts", content: svc("if (ctx.meta.legacy) throw new Errors.MoleculerError('Not implemented', 501);") })).toEqual([]);
  });
});

describe("tls-disabled: a rustls verifier that accepts on every path, where it is installed", () => {
  const rs = (verify: string) => lines(
    "struct OriginCa;",
    "impl ServerCertVerifier for OriginCa {",
    "    fn verify_server_cert(&self, e: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _n: &ServerName<'_>, _o: &[u8], _t: UnixTime) -> Result<ServerCertVerified, Error> {",
    `        ${verify}`,
    "    }",
    "}",
    "pub fn origin_client() -> ClientConfig {",
    "    ClientConfig::builder()",
    "        .dangerous()",
    "        .with_custom_certificate_verifier(Arc::new(OriginCa))",
    "        .with_no_client_auth()",
    "}");
  test("Ok(assertion()) unconditionally: reported at the installation", () => {
    expect(found({ path: "src/origin.rs", content: rs("Ok(ServerCertVerified::assertion())") })).toEqual(["tls-disabled@src/origin.rs:10"]);
  });
  test("a verifier that can refuse: not reported", () => {
    expect(found({ path: "src/origin.rs", content: rs("if pinned(e) { Ok(ServerCertVerified::assertion()) } else { Err(Error::General(\"unpinned\".into())) }") })).toEqual([]);
  });
});
