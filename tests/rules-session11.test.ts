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
