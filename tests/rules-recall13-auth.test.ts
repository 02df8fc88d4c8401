// Issue-10 second recall pass on unwired-auth, tls-disabled and stub: each shape has a case the floor must
// report and a decoy it must stay quiet on (fresh snippets in frameworks that are not in the development
// corpora; the shapes follow signatures, data flow and sibling deviance, not names).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const only = (cls: RegExp) => (path: string, content: string) => foundIn([{ path, content }], cls);
const auth = only(/^unwired-auth$/);
const tls = only(/^tls-disabled$/);
const stub = only(/^stub$/);

describe("a router filled statement by statement: one builder, like a chain", () => {
  const app = (del: string) => lines(
    "use crate::session::staff_gate;",
    "",
    "pub fn routes(mut r: Mux) -> Mux {",
    "    r.get(\"/status\", pages::status);",
    "    r.post(\"/shelves\", staff_gate(shelves::add));",
    "    r.put(\"/shelves/:id\", staff_gate(shelves::rename));",
    "    r.patch(\"/shelves/:id/tags\", staff_gate(shelves::tag));",
    `    ${del}`,
    "    r",
    "}");
  test("the bare delete beside wrapped siblings is reported; the wrapper's module names who it checks", () => {
    expect(auth("src/routes.rs", app("r.delete(\"/shelves/:id\", shelves::remove);"))).toEqual(["unwired-auth@src/routes.rs:8"]);
  });
  test("the delete wrapped like its siblings, or a wrapper from a module that names nobody, is not", () => {
    expect(auth("src/routes.rs", app("r.delete(\"/shelves/:id\", staff_gate(shelves::remove));"))).toEqual([]);
    expect(auth("src/routes.rs", app("r.delete(\"/shelves/:id\", shelves::remove);").replace("crate::session::staff_gate", "crate::timing::staff_gate"))).toEqual([]);
  });
});

describe("decorated siblings: an id parameter names whom the call acts on, not who is asking", () => {
  const svc = (params: string) => lines(
    "class Ledger:",
    "    @expose",
    "    @needs_caller_token",
    "    def post_entry(self, account_id, cents):",
    "        return self.book.post(account_id, cents)",
    "",
    "    @expose",
    "    @needs_caller_token",
    "    def reverse_entry(self, entry_id):",
    "        return self.book.reverse(entry_id)",
    "",
    "    @expose",
    `    def erase_account(self, ${params}):`,
    "        self.book.delete_all(account_id)",
    "        return True");
  test("the destructive sibling that takes only an owner id is reported", () => {
    expect(auth("ledger/service.py", svc("account_id, owner_id"))).toEqual(["unwired-auth@ledger/service.py:12"]);
  });
  test("a parameter the framework fills with the caller still authenticates it", () => {
    expect(auth("ledger/service.py", svc("account_id, caller: AuthUser"))).toEqual([]);
  });
});

describe("tls-disabled: the exemption needs a condition naming the opt-out", () => {
  test("verification off whenever TLS is on is reported", () => {
    const code = lines(
      "export const cache = new Cluster({",
      "  nodes: cfg.nodes,",
      "  tls: cfg.useTls ? { ca: cfg.ca, rejectUnauthorized: false } : undefined,",
      "});");
    expect(tls("src/cache.ts", code)).toEqual(["tls-disabled@src/cache.ts:3"]);
  });
  test("an expression-form opt-out the caller asked for is not", () => {
    const code = lines(
      "def broker_ssl(skip_verify: bool) -> dict:",
      "    mode = ssl.CERT_NONE if skip_verify else ssl.CERT_REQUIRED",
      "    return {'cert_reqs': mode}");
    expect(tls("relay/conn.py", code)).toEqual([]);
    expect(tls("src/cache.ts", "export const opts = { tls: cfg.allowSelfSigned ? { rejectUnauthorized: false } : {} };\n")).toEqual([]);
  });
});

describe("stub: a body that only announces the request and refuses", () => {
  test("log then NotImplementedError is reported", () => {
    const code = lines(
      "def rebalance(pool_id, weights):",
      "    logger.info('rebalance %s -> %s', pool_id, weights)",
      "    raise NotImplementedError('rebalancing runs in the spreadsheet for now')");
    expect(stub("pools/ops.py", code)).toEqual(["stub@pools/ops.py:3"]);
  });
  test("work before the raise, or an override hook, is not", () => {
    const code = lines(
      "def rebalance(pool_id, weights):",
      "    logger.info('rebalance %s', pool_id)",
      "    plan = planner.plan(pool_id, weights)",
      "    raise NotImplementedError(plan.reason)");
    expect(stub("pools/ops.py", code)).toEqual([]);
    expect(stub("pools/ops.py", lines("def rebalance(pool_id, weights):", "    log.debug('rebalance')", "    raise NotImplementedError('override in a subclass')"))).toEqual([]);
  });
  const worker = (ret: string) => lines(
    "export async function tallyVotes(job: Job<{ poll: string }>): Promise<Tally> {",
    "  audit.info('tallying', job.data.poll);",
    "  // TODO: count the ballots once the ballot box",
    "  // export lands.",
    `  ${ret}`,
    "}",
    "export const workers = { tally: tallyVotes };");
  test("a record with nothing computed in it under a wrapped TODO comment is reported", () => {
    expect(stub("src/jobs/tally.ts", worker("return { yes: 0, no: 0, spoiled: [] };"))).toEqual(["stub@src/jobs/tally.ts:5"]);
  });
  test("a record computed from what was read is not", () => {
    expect(stub("src/jobs/tally.ts", worker("return { yes: job.data.poll.length, no: 0, spoiled: [] };"))).toEqual([]);
  });
});

describe("stub: a routed handler that answers 501 after bare calls only", () => {
  const route = (before: string) => lines(
    "export default onRequest(async (req) => {",
    `  ${before}`,
    "  throw httpFailure({ code: 501, reason: 'Not implemented' });",
    "});");
  test("a guard call then the 501 is reported", () => {
    expect(stub("api/refunds.post.ts", route("await mustBeClerk(req);"))).toEqual(["stub@api/refunds.post.ts:3"]);
  });
  test("a 501 after a declaration or a branch answers one case and is not", () => {
    expect(stub("api/refunds.post.ts", route("const kind = req.query.kind;"))).toEqual([]);
    expect(stub("api/refunds.post.ts", route("if (req.query.kind === 'card') return refundCard(req);"))).toEqual([]);
  });
});

describe("CLI commands: a check the handler makes first is the command's guard", () => {
  const cli = (wipe: string) => lines(
    "function mustHoldKey(o: { key?: string }) {",
    "  if (o.key !== process.env.VAULT_ADMIN_TOKEN) { console.error('keyholder token required'); process.exit(4); }",
    "}",
    "const prog = cac('vaultctl');",
    "prog.command('seal').describe('Seal the vault').action((o) => { mustHoldKey(o); seal(); });",
    `prog.command('shred').describe('Remove every stored secret').action((o) => { ${wipe} shredAll(); });`,
    "prog.parse();");
  test("the destructive sibling without the first-statement check is reported", () => {
    expect(auth("src/cli.ts", cli(""))).toEqual(["unwired-auth@src/cli.ts:6"]);
  });
  test("the sibling that makes the check, or a first call that reads no credential, is not a gap", () => {
    expect(auth("src/cli.ts", cli("mustHoldKey(o);"))).toEqual([]);
    expect(auth("src/cli.ts", cli("").replace("o.key !== process.env.VAULT_ADMIN_TOKEN", "!o.key").replace("keyholder token required", "missing key"))).toEqual([]);
  });
});

describe("route groups opened with a callback: prefixes compose, a guard reaches nested groups", () => {
  const server = (last: string) => lines(
    "package web",
    "func mount(r *mux.Tree, a *App) {",
    "\tr.Group(\"/v3\", func(g *mux.Tree) {",
    "\t\tg.Use(a.requireLogin)",
    "\t\tg.Get(\"/cards\", a.listCards)",
    "\t\tg.Group(\"/owner\", func(g *mux.Tree) {",
    "\t\t\tg.Use(a.requireOwner)",
    "\t\t\tg.Get(\"/cards/all\", a.allCards)",
    "\t\t})",
    "\t})",
    `\t${last}`,
    "}");
  test("a read under the owner prefix registered on the bare router is reported", () => {
    expect(auth("web/mount.go", server("r.Get(\"/v3/owner/dump\", a.dump)"))).toEqual(["unwired-auth@web/mount.go:11"]);
  });
  test("a read under a prefix that names nobody is not, nor a probe", () => {
    expect(auth("web/mount.go", server("r.Get(\"/v3/cards/count\", a.count)"))).toEqual([]);
    expect(auth("web/mount.go", server("r.Get(\"/v3/owner/healthz\", a.health)"))).toEqual([]);
  });
  test("a write under the guarded prefix registered on the bare router is reported", () => {
    expect(auth("web/mount.go", server("r.Post(\"/v3/cards/import\", a.importCards)"))).toEqual(["unwired-auth@web/mount.go:11"]);
  });
});

describe("a middleware class by its method's shape", () => {
  const guard = lines(
    "import type { NextFunction, Request, Response } from 'express';",
    "export class RecentLogin {",
    "  use(req: Request, _res: Response, next: NextFunction): void {",
    "    const who = (req as Request & { user?: { at?: number } }).user;",
    "    if (!who?.at || Date.now() / 1000 - who.at > 900) return next(new ForbiddenError('log in again'));",
    "    next();",
    "  }",
    "}");
  test("mounted nowhere, it is reported at the class", () => {
    expect(foundIn([{ path: "src/mw/recent.ts", content: guard }], /^unwired-auth$/)).toEqual(["unwired-auth@src/mw/recent.ts:2"]);
  });
  test("mounted by a controller, it is not", () => {
    const controller = lines("import { RecentLogin } from '../mw/recent';", "@Before(RecentLogin)", "export class Payouts { @Del('/payouts/:id') remove() { return 1; } }");
    expect(foundIn([{ path: "src/mw/recent.ts", content: guard }, { path: "src/api/payouts.ts", content: controller }], /^unwired-auth$/)).toEqual([]);
  });
});

describe("an API description read as data: a write operation that overrides the global security with none", () => {
  const spec = (op: string, global = '"security": [{ "oauth": ["write"] }],') => lines(
    "{",
    '  "swagger": "2.0",',
    `  ${global}`,
    '  "paths": {',
    '    "/fleets/{id}": {',
    '      "get": { "operationId": "fleet_get", "security": [] },',
    `      ${op}`,
    "    }",
    "  }",
    "}");
  test("a JSON spec's delete with `security: []` is reported", () => {
    expect(auth("api/fleet.json", spec('"delete": { "operationId": "fleet_scrap", "security": [] }'))).toEqual(["unwired-auth@api/fleet.json:7"]);
  });
  test("only `{}` (anonymous allowed) is the same opening", () => {
    expect(auth("api/fleet.json", spec('"delete": { "operationId": "fleet_scrap", "security": [{}] }'))).toEqual(["unwired-auth@api/fleet.json:7"]);
  });
  test("an inherited requirement, a public read, no global requirement, or malformed data is not", () => {
    expect(auth("api/fleet.json", spec('"delete": { "operationId": "fleet_scrap" }'))).toEqual([]);
    expect(auth("api/fleet.json", spec('"delete": { "operationId": "fleet_scrap", "security": [] }', ""))).toEqual([]);
    expect(auth("api/fleet.json", '{ "security": [{ "k": [] }], "paths": { "/x": { "delete": { "security": [] } } }\n')).toEqual([]);
  });
});

describe("a keyed-digest primitive through a type alias of the HMAC type is no guard", () => {
  const code = (fail: string) => lines(
    "type MacSha = Hmac<Sha256>;",
    "type HmacSha512 = Hmac<Sha512>;",
    "pub fn verify_batch_signature(key: &[u8], body: &[u8], tag: &[u8]) -> Result<(), BatchError> {",
    "    let mut mac = HmacSha512::new_from_slice(key).map_err(|_| BatchError::Key)?;",
    "    mac.update(body);",
    `    ${fail}`,
    "}");
  test("unreferenced, it answers its callers and is not reported", () => {
    expect(auth("src/batch.rs", code("mac.verify_slice(tag).map_err(|_| BatchError::BadTag)"))).toEqual([]);
  });
  test("one that refuses the caller itself (a 401) is still a guard nobody mounts", () => {
    expect(auth("src/batch.rs", code("mac.verify_slice(tag).map_err(|_| BatchError::Status(StatusCode::UNAUTHORIZED))"))).toEqual(["unwired-auth@src/batch.rs:3"]);
  });
});

describe("stub: a Go value whose own literal says it is a placeholder, answered with a nil error", () => {
  const code = (ret: string) => lines(
    "package badge",
    "func Badge(userID int64, style string) ([]byte, error) {",
    "\tif style == \"\" {",
    "\t\treturn nil, fmt.Errorf(\"user %d: no style\", userID)",
    "\t}",
    `\t${ret}`,
    "}",
    "var Draw = Badge");
  test("the announced placeholder bytes are reported", () => {
    expect(stub("badge/badge.go", code("return []byte(\"<svg>\\n<!-- placeholder badge -->\\n</svg>\"), nil"))).toEqual(["stub@badge/badge.go:6"]);
  });
  test("bytes that are the real answer are not, nor a sentinel pair", () => {
    expect(stub("badge/badge.go", code("return []byte(\"<svg>\\n</svg>\"), nil"))).toEqual([]);
    expect(stub("badge/badge.go", code("return 0, nil").replace("([]byte, error)", "(int, error)"))).toEqual([]);
  });
});

describe("stub: a Go function answering only an error whose whole body is a TODO and `return nil`", () => {
  const code = (body: string) => lines(
    "package outbox",
    "type Relay struct{ q Queue }",
    "func (r *Relay) forwardVoid(id string) error {",
    body,
    "\treturn nil",
    "}",
    "func (r *Relay) Handle(id string) error { return r.forwardVoid(id) }");
  test("success reported for work never done is reported", () => {
    expect(stub("outbox/relay.go", code("\t// TODO: forward voids to the partner queue"))).toEqual(["stub@outbox/relay.go:5"]);
  });
  test("a nil after work, or a no-op that says why without deferring work, is not", () => {
    expect(stub("outbox/relay.go", code("\tr.q.Drop(id)\n\t// TODO: metrics"))).toEqual([]);
    expect(stub("outbox/relay.go", code("\t// voids need no forwarding for now: the partner reads them from the feed"))).toEqual([]);
  });
});

describe("a dispatch macro whose arms are blocks is a dispatch like a match", () => {
  const app = (purge: string) => lines(
    "pub fn handle(rq: &Request, st: &State) -> Response {",
    "    routes!(rq,",
    "        (GET) (/kennels) => { let who = must!(access::require_user(rq, st)); kennels::list(st, &who) },",
    "        (POST) (/kennels) => { must!(access::require_user(rq, st)); kennels::add(rq, st) },",
    `        (DELETE) (/kennels/{id: u64}) => { ${purge}kennels::remove(st, id) },`,
    "        _ => Response::empty_404()",
    "    )",
    "}");
  test("the delete arm without the check its siblings make is reported", () => {
    expect(auth("src/web.rs", app(""))).toEqual(["unwired-auth@src/web.rs:5"]);
  });
  test("the delete arm that makes the check is not", () => {
    expect(auth("src/web.rs", app("must!(access::require_user(rq, st)); "))).toEqual([]);
  });
});

describe("file-routed handlers: sibling modules of one directory whose handlers call a guard first", () => {
  const guarded = { path: "api/routes/ops/tenants/index.get.ts", content: lines(
    "import { requireUser } from '../../../session';",
    "export default route(async (ctx) => {",
    "  await requireUser(ctx);",
    "  return tenants.list();",
    "});") };
  const del = (first: string) => ({ path: "api/routes/ops/tenants/[id].delete.ts", content: lines(
    "export default route(async (ctx) => {",
    `  ${first}`,
    "  await tenants.drop(ctx.params.id);",
    "  return null;",
    "});") });
  test("the delete module whose handler skips the guard its sibling calls first is reported", () => {
    expect(foundIn([guarded, del("const id = ctx.params.id;")], /^unwired-auth$/)).toEqual(["unwired-auth@api/routes/ops/tenants/[id].delete.ts:1"]);
  });
  test("one that calls it, a read, or a directory where no sibling guards is not", () => {
    expect(foundIn([guarded, del("await requireUser(ctx);")], /^unwired-auth$/)).toEqual([]);
    expect(foundIn([guarded, { ...del("const id = ctx.params.id;"), path: "api/routes/ops/tenants/[id].get.ts", content: del("const id = ctx.params.id;").content.replace("tenants.drop", "tenants.get") }], /^unwired-auth$/)).toEqual([]);
    expect(foundIn([{ ...guarded, content: guarded.content.replace("  await requireUser(ctx);\n", "") }, del("const id = ctx.params.id;")], /^unwired-auth$/)).toEqual([]);
  });
});

