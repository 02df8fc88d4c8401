// Issue-10 third recall pass (unwired-auth, insecure-compare, hardcoded-secret, stub): each shape has a case the
// floor must report and a decoy it must stay quiet on. Fresh snippets in frameworks that are not in the corpora.
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const found = (path: string, content: string, cls: RegExp) => foundIn([{ path, content }], cls);

describe("insecure-compare: a byte or string view of a credential is the credential", () => {
  const ts = (cmp: string) => lines(
    "export function gate(given: string): void {",
    "  const want = process.env.DEPLOY_TOKEN ?? '';",
    `  if (!${cmp}) throw new GateClosed();`,
    "}");
  test("Buffer.from(given).equals(Buffer.from(want, 'hex')) is reported", () => {
    expect(found("src/gate.ts", ts("Buffer.from(given, 'hex').equals(Buffer.from(want, 'hex'))"), /^insecure-compare$/)).toEqual(["insecure-compare@src/gate.ts:3"]);
  });
  test("the same views compared in constant time are not", () => {
    expect(found("src/gate.ts", ts("timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(want, 'hex'))"), /^insecure-compare$/)).toEqual([]);
  });
  test("views of two file contents are not a credential compare", () => {
    const src = lines("export function unchanged(prev: string, next: string): boolean {", "  return Buffer.from(prev, 'utf8').equals(Buffer.from(next, 'utf8'));", "}");
    expect(found("src/diff.ts", src, /^insecure-compare$/)).toEqual([]);
  });
  const rs = (lhs: string) => lines(
    "pub fn admit(presented: &str) -> Result<(), Denied> {",
    "    let expected = std::env::var(\"RELAY_ADMIT_TOKEN\").map_err(|_| Denied)?;",
    `    if ${lhs} { Ok(()) } else { Err(Denied) }`,
    "}");
  test("Rust: as_bytes() on both sides is reported", () => {
    expect(found("src/admit.rs", rs("presented.as_bytes() == expected.as_bytes()"), /^insecure-compare$/)).toEqual(["insecure-compare@src/admit.rs:3"]);
  });
  test("Rust: two unrelated byte views are not", () => {
    const src = lines("pub fn same(a: &str, b: &str) -> bool {", "    a.as_bytes() == b.as_bytes()", "}");
    expect(found("src/same.rs", src, /^insecure-compare$/)).toEqual([]);
  });
});

describe("hardcoded-secret: a vendor tail made of several random runs", () => {
  test("prefix, a hex run and a mixed run joined by hyphens is reported", () => {
    const src = lines('const RELAY_AUTH: &str = "mrk-4be0a9c17d32f58e6b0c94a1d7e3f52c08b6a9d4e1f7c3a5b2d8e0f6a4c1b9d7-Zp4Kx8Vn2Qw7Lr3T";');
    expect(found("src/relay.rs", src, /^hardcoded-secret$/)).toEqual(["hardcoded-secret@src/relay.rs:1"]);
  });
  test("a release tag of a hex run and a word is not", () => {
    const src = lines('const BUILD_TAG: &str = "build-4be0a9c17d32f58e6b0c94a1d7e3f52c-release";');
    expect(found("src/build.rs", src, /^hardcoded-secret$/)).toEqual([]);
  });
});

describe("unwired-auth: a route registered on the parent under a guarded group's prefix", () => {
  const go = (route: string) => lines(
    "package web",
    "func Routes(h *Handlers) *web.Router {",
    "\troot := web.NewRouter()",
    "\tops := web.NewRouter()",
    "\tops.Use(h.RequireStaffToken)",
    "\tops.HandleFunc(route.Post(\"/purge\"), h.Purge)",
    "\troot.Handle(route.Prefix(\"/ops/*\"), ops)",
    `\troot.HandleFunc(${route})`,
    "\treturn root",
    "}");
  test("a POST under the group's prefix is reported", () => {
    expect(found("web/routes.go", go('route.Post("/ops/reset"), h.Reset'), /^unwired-auth$/)).toEqual(["unwired-auth@web/routes.go:8"]);
  });
  test("a login under the prefix, or a route outside it, is not", () => {
    expect(found("web/routes.go", go('route.Post("/ops/login"), h.Login'), /^unwired-auth$/)).toEqual([]);
    expect(found("web/routes.go", go('route.Post("/feedback"), h.Feedback'), /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: the same bypass in TypeScript", () => {
  const ts = (route: string) => lines(
    "const app = createApp();",
    "const ops = createRouter();",
    "ops.use(requireStaffToken);",
    "ops.post('/purge', purge);",
    "app.use('/ops', ops);",
    route);
  test("a POST the app registers under the guarded router's prefix is reported", () => {
    expect(found("src/app.ts", ts("app.post('/ops/reset', resetAll);"), /^unwired-auth$/)).toEqual(["unwired-auth@src/app.ts:6"]);
  });
  test("a read under the prefix is not", () => {
    expect(found("src/app.ts", ts("app.get('/ops/status', status);"), /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: a router mounted ahead of the guard on the same object", () => {
  const ts = (order: string[]) => lines(
    "function backofficeRoutes() {",
    "  const r = createRouter();",
    "  r.post('/backoffice/refund', refund);",
    "  r.delete('/backoffice/users/:id', dropUser);",
    "  return r;",
    "}",
    "function storeRoutes() {",
    "  const r = createRouter();",
    "  r.get('/products', listProducts);",
    "  return r;",
    "}",
    ...order);
  test("the state-changing router mounted before the guard is reported", () => {
    expect(found("src/server.ts", ts(["srv.plug(accessLog);", "srv.plug(backofficeRoutes());", "srv.plug(requireAccessToken);", "srv.plug(storeRoutes());"]), /^unwired-auth$/)).toEqual(["unwired-auth@src/server.ts:13"]);
  });
  test("mounted after the guard, it is not", () => {
    expect(found("src/server.ts", ts(["srv.plug(accessLog);", "srv.plug(requireAccessToken);", "srv.plug(backofficeRoutes());", "srv.plug(storeRoutes());"]), /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: a credential-checking class instantiated nowhere", () => {
  const cls = lines(
    "from django.conf import settings",
    "",
    "class PartnerKey(HeaderKeyBase):",
    "    def resolve(self, request, presented):",
    "        if presented == settings.PARTNER_API_KEY:",
    "            return 'partner'",
    "        return None");
  test("defined and never applied, it is reported", () => {
    expect(found("app/partner_auth.py", cls, /^unwired-auth$/)).toEqual(["unwired-auth@app/partner_auth.py:3"]);
  });
  test("applied by another file, it is not", () => {
    const files = [{ path: "app/partner_auth.py", content: cls }, { path: "app/routes.py", content: lines("from .partner_auth import PartnerKey", "partner = Router(auth=PartnerKey())") }];
    expect(foundIn(files, /^unwired-auth$/)).toEqual([]);
  });
});

describe("unwired-auth: a destructive handler object without the check its sibling opens with", () => {
  const jobs = (wipeBody: string) => lines(
    "const rotate = defineJob({",
    "  title: 'rotate',",
    "  perform: async ({ secret }) => {",
    "    await confirmSigner(secret);",
    "    await keys.rotate();",
    "  },",
    "});",
    "const stats = defineJob({ title: 'stats', perform: async () => keys.stats() });",
    "const wipe = defineJob({",
    "  title: 'wipe',",
    "  perform: async ({ secret }) => {",
    wipeBody,
    "    await keys.destroyAll();",
    "  },",
    "});");
  test("the wipe job that skips confirmSigner is reported", () => {
    expect(found("src/jobs.ts", jobs("    metrics.count('wipe');"), /^unwired-auth$/)).toEqual(["unwired-auth@src/jobs.ts:9"]);
  });
  test("the wipe job that makes the check is not", () => {
    expect(found("src/jobs.ts", jobs("    await confirmSigner(secret);"), /^unwired-auth$/)).toEqual([]);
  });
  test("the same objects in browser code (option objects handed to an ajax helper) are not", () => {
    expect(found("public/jobs.js", "const el = document.getElementById('jobs');\n" + jobs("    metrics.count('wipe');"), /^unwired-auth$/)).toEqual([]);
  });
});

describe("stub: a function that only logs that it runs and answers zero", () => {
  const py = (work: string) => lines(
    "@every(hours=6)",
    "def compact_ledgers(ctx):",
    '    """Merge closed ledger segments."""',
    '    logger.info("compaction started")',
    work);
  test("a zero record after the log line is reported", () => {
    expect(found("jobs/compact.py", py('    return {"merged": 0}'), /^stub$/)).toEqual(["stub@jobs/compact.py:5"]);
  });
  test("a body that does the work, or a boolean answer, is not", () => {
    expect(found("jobs/compact.py", py('    merged = ctx.store.merge_closed()\n    return {"merged": merged}'), /^stub$/)).toEqual([]);
    expect(found("jobs/compact.py", py("    return True"), /^stub$/)).toEqual([]);
  });
  test("TypeScript: a referenced function that logs and answers an empty record is reported", () => {
    const src = lines("export function reconcileInvoices(batch: Batch) {", "  log.info('reconciling', batch.id);", "  return { matched: 0, unmatched: [] };", "}", "queue.on('reconcile', reconcileInvoices);");
    expect(found("src/reconcile.ts", src, /^stub$/)).toEqual(["stub@src/reconcile.ts:3"]);
  });
});
