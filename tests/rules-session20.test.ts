// Readings of the twentieth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}${f.lead ? " lead" : ""}`);

describe("assertion-free-test: an assertion export bound under another name still asserts", () => {
  // Gladys's server tests: `const assertChai = require('chai').assert` and `const { assert: sinonAssert } = sinon`
  // where `sinon` is a sandbox `require('sinon').createSandbox()` made.
  const spec = (head: string, check: string) => ({ path: "server/test/lib/house/house.arm.test.js", content: lines(
    head,
    "describe('house.arm', () => {",
    "  it('rejects an unknown house', async () => {",
    "    const promise = house.arm('unknown');",
    `    ${check};`,
    "  });",
    "});") });
  test("`require('chai').assert` under another name: no finding", () => {
    expect(found([spec("const assertChai = require('chai').assert;", "return assertChai.isRejected(promise)")], /^assertion-free-test$/)).toEqual([]);
  });
  test("sinon's assert destructured off a sandbox: no finding", () => {
    expect(found([spec("const sinon = require('sinon').createSandbox();\nconst { fake, assert: sinonAssert } = sinon;", "sinonAssert.calledWith(gateway.arm, 'unknown')")], /^assertion-free-test$/)).toEqual([]);
  });
  test("a sandbox made from an imported sinon, its assert read as a member: no finding", () => {
    expect(found([spec("import sinon from 'sinon';\nconst box = sinon.createSandbox();\nconst check = box.assert;", "check.calledOnce(gateway.arm)")], /^assertion-free-test$/)).toEqual([]);
  });
  test("another member of the module (`require('chai').use(..)`, sinon's `fake`) asserts nothing: reported", () => {
    expect(found([spec("const chaiUse = require('chai').use;", "chaiUse.isRejected(promise)")], /^assertion-free-test$/)).toEqual(["server/test/lib/house/house.arm.test.js:ts-assertion-free-test@3"]);
    expect(found([spec("const sinon = require('sinon').createSandbox();\nconst { fake: stubbed } = sinon;", "stubbed.resolves(promise)")], /^assertion-free-test$/)).toEqual(["server/test/lib/house/house.arm.test.js:ts-assertion-free-test@4"]);
  });
});
