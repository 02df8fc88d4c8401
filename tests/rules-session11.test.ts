// Readings of the eleventh session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

const of = (path: string, content: string, cls: RegExp) => scanSnippets([{ path, content }], cls).map((f) => `${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("assertion-free-test: a callable named for the checks it makes", () => {
  const suite = (call: string) => lines(
    "import pytest",
    "from tests.helpers import HTTPXResponseAssertion",
    "",
    "@pytest.mark.asyncio",
    "class TestListClients:",
    "    async def test_unauthorized(self, unauthorized_api_assertions: HTTPXResponseAssertion, test_client_api):",
    "        response = await test_client_api.get('/clients/')",
    `        ${call}`);
  test("a fixture parametrized with asserting functions, called on the response, is the test's check", () => {
    expect(of("tests/test_clients.py", suite("unauthorized_api_assertions(response)"), /^assertion-free-test$/)).toEqual([]);
    expect(of("tests/test_clients.py", suite("dashboard_forbidden_assertion(response)"), /^assertion-free-test$/)).toEqual([]);
  });
  test("a callable named for something else leaves the test asserting nothing", () => {
    expect(of("tests/test_clients.py", suite("log_response(response)"), /^assertion-free-test$/)).toEqual(["py-assertion-free-test@6"]);
    expect(of("tests/test_clients.py", suite("collect_assertions_count(response)"), /^assertion-free-test$/)).toEqual(["py-assertion-free-test@6"]);
  });
});

describe("stub: a method an interface of the repository's own makes its type define, every input marked unread", () => {
  const iface = { path: "packages/core/src/MapperInterface.ts", content: lines("export interface MapperInterface<D, P> {", "  toDomain(p: P): D", "  toProjection(d: D): P", "}") };
  const mapper = (param: string) => ({ path: "packages/api/src/MessageHttpMapper.ts", content: lines(
    "import { MapperInterface } from '@acme/core'",
    "export class MessageHttpMapper implements MapperInterface<Message, MessageHttp> {",
    `  toDomain(${param}: MessageHttp): Message {`,
    "    throw new Error('Mapping from http representation to domain is not implemented.')",
    "  }",
    "  toProjection(domain: Message): MessageHttp {",
    "    return { uuid: domain.id }",
    "  }",
    "}") });
  const stubs = (files: { path: string; content: string }[]) => scanSnippets(files, /^stub$/).map((f) => `${f.rule_id}@${f.line}${f.severity === "info" ? " lead" : ""}`);
  test("TypeScript: one direction of a two-way mapper is a lead when the interface is declared here", () => {
    expect(stubs([iface, mapper("_projection")])).toEqual(["ts-not-implemented@4 lead"]);
  });
  test("...a claim when the interface is a framework's, or the input has a name the method ignores", () => {
    expect(stubs([mapper("_projection")])).toEqual(["ts-not-implemented@4"]);
    expect(stubs([iface, mapper("projection")])).toEqual(["ts-not-implemented@4"]);
  });
  const trait = { path: "src/storage/mod.rs", content: lines("pub trait RepoStorage {", "    fn put_block(&self, cid: Cid, bytes: Vec<u8>) -> Result<()>;", "}") };
  const overlay = (head: string) => ({ path: "src/storage/sync_storage.rs", content: lines(
    `${head} {`,
    "    fn put_block(&self, _cid: Cid, _bytes: Vec<u8>) -> Result<()> {",
    "        unimplemented!()",
    "    }",
    "}") });
  test("Rust: a read-only overlay's write in a trait of the repository is a lead", () => {
    expect(stubs([trait, overlay("impl RepoStorage for SyncStorage")])).toEqual(["rs-todo-macro@3 lead"]);
  });
  test("...a claim in a framework's trait (a job runner calls its run), or in an inherent impl", () => {
    expect(stubs([overlay("impl Runnable for BounceJob")])).toEqual(["rs-todo-macro@3"]);
    expect(stubs([trait, overlay("impl SyncStorage")])).toEqual(["rs-todo-macro@3"]);
  });
});

describe("after fresh22 (its misses read after three looks): shapes it showed", () => {
  const compares = (path: string, content: string) => scanSnippets([{ path, content }], /^insecure-compare$/).map((f) => `${f.rule_id}@${f.line}`);
  test("a key the request presents compared with === to a key the deployment configures", () => {
    const mw = (header: string) => lines(
      "export class AdminAuthMiddleware {",
      "  use(request: Req) {",
      `    const opsKey = request.get("${header}");`,
      "    if (opsKey && opsKey === process.env.LEDGERLINE_OPS_KEY) {",
      "      return;",
      "    }",
      "  }",
      "}");
    expect(compares("src/middlewares/AdminAuthMiddleware.ts", mw("x-ops-key"))).toEqual(["ts-insecure-compare@4"]);
    const keyId = lines(
      "export async function statusPage(request: Req) {",
      "  const keyId = request.header('x-statuspage-key-id', '')",
      "  if (keyId !== services.statusPage.signingKeyId) { return 401 }",
      "}");
    expect(compares("src/controllers/webhooks.ts", keyId)).toEqual([]);
  });
  test("Rust: a bearer bound by a let-else pattern, compared with ==", () => {
    const src = lines(
      "async fn resolve(admin_token: Option<&str>, header: Option<&str>) -> Caller {",
      "    let Some(presented) = header.and_then(|h| h.strip_prefix(\"Bearer \")).map(str::trim) else {",
      "        return Caller::anonymous();",
      "    };",
      "    if let Some(admin) = admin_token {",
      "        if presented == admin {",
      "            return Caller::admin();",
      "        }",
      "    }",
      "    Caller::anonymous()",
      "}");
    expect(compares("src/auth.rs", src)).toEqual(["rs-insecure-compare@6"]);
  });

  const peers = (files: { path: string; content: string }[]) => scanSnippets(files, /^unwired-auth$/).map((f) => `${f.rule_id}@${f.line}${f.severity === "info" ? " lead" : ""}`);
  test("Rust: peers checking through a statement macro (`guard!(require_admin(..))`): the destroying peer without it is a lead", () => {
    const fn = (name: string, check: string) => [`pub async fn ${name}(req: Request, ctx: RouteContext<()>) -> Result<Response> {`, "    let env = env_name(&ctx);", ...(check ? [`    ${check}`] : []), "    store_for(&ctx, env)?.touch().await?;", "    Response::empty()", "}"];
    const src = lines(
      ...fn("evaluate_one", "guard!(require_sdk_key(&req, &ctx.env, env));"),
      ...fn("upsert", "let actor = guard!(require_admin(&req, &ctx.env));"),
      ...fn("remove", ""),
      ...fn("history", "guard!(require_admin(&req, &ctx.env));"),
      ...fn("schedule", "guard!(require_admin(&req, &ctx.env));"));
    // Three of the five acting peers make the check (the evaluation read makes an SDK-key check of its own): short of
    // two thirds, so the destroying peer is a lead for the models, not a claim.
    expect(peers([{ path: "worker/src/flags.rs", content: src }])).toEqual(["rs-unguarded-peer@13 lead"]);
  });
  test("Rust: a bare requirement handed a role is an access check; who-am-i is a read", () => {
    const m = (name: string, body: string) => [`    async fn ${name}(&self, ext: &Extensions, id: i64) -> RpcResult<Payout> {`, `        ${body}`, "        db::touch(&self.pool, id).await.map_err(internal)", "    }"];
    const src = lines(
      "impl PayoutApiServer for PayoutApi {",
      ...m("whoami", "let c = caller(ext);"),
      ...m("create", "let c = require(ext, Role::Seller)?;"),
      ...m("approve", "let c = require(ext, Role::Operator)?;"),
      ...m("cancel", "let c = caller(ext);"),
      ...m("rotate_key", "let c = require(ext, Role::Admin)?;"),
      "}");
    expect(peers([{ path: "src/server.rs", content: src }])).toEqual(["rs-unguarded-peer@14"]);
  });
});
