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
