// Panel-10 fixes (after its unseen measure): Cypress's chained `.contains(..)` and custom commands that assert,
// a compare with an empty literal (a presence check), a password typed twice. Each shape with a quiet case and a
// decoy the floor must still report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const aft = (...files: { path: string; content: string }[]) => foundIn(files, /^assertion-free-test$/);

describe("assertion-free-test: Cypress", () => {
  test("a chained .contains(..) on a cy chain is an assertion; a test that only clicks is reported", () => {
    expect(aft({ path: "cypress/e2e/lists.cy.ts", content: lines(
      'describe("lists", () => {',
      '  it("renames a list", () => {',
      '    cy.get("[data-cy=rename]").first().click();',
      '    cy.get("tbody td.name").contains("td", "renamed");',
      "  });",
      '  it("opens the menu", () => {',
      '    cy.get("[data-cy=menu]").click();',
      "  });",
      "});") })).toEqual(["assertion-free-test@cypress/e2e/lists.cy.ts:6"]);
  });
  test("a custom command registered with an assertion checks for the test that calls it", () => {
    const support = { path: "cypress/support/commands.ts", content: lines(
      'Cypress.Commands.add("checkRowOrder", (ids: number[]) => {',
      '  cy.get("tbody tr").each(($row, i) => {',
      '    expect(Number($row.attr("data-id"))).to.equal(ids[i]);',
      "  });",
      "});",
      'Cypress.Commands.add("login", (user: string) => {',
      '  cy.visit("/login");',
      '  cy.get("input[name=user]").type(user);',
      "});") };
    expect(aft(support, { path: "cypress/e2e/sort.cy.ts", content: lines(
      'describe("sort", () => {',
      '  it("sorts by name", () => {',
      '    cy.get("th.name").click();',
      "    cy.checkRowOrder([3, 1, 2]);",
      "  });",
      '  it("logs in", () => {',
      '    cy.login("admin");',
      "  });",
      "});") })).toEqual(["assertion-free-test@cypress/e2e/sort.cy.ts:6"]);
  });
});

describe("insecure-compare: presence checks and a password typed twice", () => {
  const compares = (path: string, content: string) => foundIn([{ path, content }], /^insecure-compare$/);
  test("a compare with an empty literal, or of a password with its numbered twin, is not reported", () => {
    expect(compares("src/paste.rs", lines(
      "fn open(paste: &Paste, password: &str) -> Result<String, Error> {",
      '    if paste.encrypted && password == *"" {',
      "        return Err(Error::PasswordRequired);",
      "    }",
      "    decrypt(&paste.body, password)",
      "}"))).toEqual([]);
    expect(compares("cmd/auth.go", lines(
      "package main",
      "",
      "func (a *App) resetPassword(c echo.Context) error {",
      '\tpassword, password2 := c.FormValue("password"), c.FormValue("password2")',
      "\tif password != password2 {",
      '\t\treturn echo.NewHTTPError(http.StatusBadRequest, "passwords do not match")',
      "\t}",
      "\treturn a.setPassword(c, password)",
      "}"))).toEqual([]);
  });
  test("a presented password compared with a stored one, or two numbered MACs, is still reported", () => {
    expect(compares("src/paste.rs", lines(
      "fn open(paste: &Paste, password: &str) -> Result<String, Error> {",
      "    if paste.password == password {",
      "        return Ok(paste.body.clone());",
      "    }",
      "    Err(Error::Forbidden)",
      "}"))).toEqual(["insecure-compare@src/paste.rs:2"]);
    expect(compares("hooks/verify.go", lines(
      "package hooks",
      "",
      "func verify(r *http.Request, body []byte, secret []byte) bool {",
      '\tmac1 := r.Header.Get("X-Signature")',
      "\tm := hmac.New(sha256.New, secret)",
      "\tm.Write(body)",
      "\tmac2 := hex.EncodeToString(m.Sum(nil))",
      "\treturn mac1 == mac2",
      "}"))).toEqual(["insecure-compare@hooks/verify.go:8"]);
  });
});
