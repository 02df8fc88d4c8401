import { describe, expect, test } from "bun:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { fingerprint, jaccard, normalizeTitle } from "../pipeline/analytics/fingerprint";
import { fingerprintMacros, lit } from "../pipeline/query/fingerprint-sql";

const TITLES = [
  "[swallowed-error] catch block discards the error", "Empty catch block swallows the database error", "Errors are silently swallowed",
  "Hardcoded API key in source", "API token committed in source", "TLS certificate verification disabled (rejectUnauthorized: false)",
  "Auth middleware is never applied to the admin router", "Parameter `limit` is ignored", "Function returns a hard-coded result",
  "Test has no assertions", "SQL query built by string concatenation", "Stale comment about retries", "", "???", "Fixes the parsing of settings",
  "Using == to compare the HMAC signature", "Hard-coded path /home/alice/data", "Missing input validation on request body",
  "SQL İnjection via name", "Ｓｔａｌｅ ｃｏｍｍｅｎｔ about RETRİES", "Déjà vu: CAFÉ crème 😀 loop", "ǅungla ẞtraße Ⅻ ﬁle ıdle",
];

describe("fingerprints", () => {
  test("a [class] prefix wins over the wording", () => {
    expect(normalizeTitle("[hardcoded-path] fixed location")).toBe("hardcoded-path");
  });
  test("different wordings of one defect share a key", () => {
    expect(normalizeTitle(TITLES[1]!)).toBe("swallowed-error");
    expect(normalizeTitle(TITLES[2]!)).toBe("swallowed-error");
    expect(normalizeTitle(TITLES[3]!)).toBe(normalizeTitle(TITLES[4]!));
  });
  test("unclassified titles become sorted stems, stopwords dropped", () => {
    expect(normalizeTitle("Stale comment about retries")).toBe("about-comment-retri-stale");
    expect(normalizeTitle("???")).toBe("untitled");
  });
  test("uppercase non-ASCII letters fold like their ASCII base (İ → i), other non-ASCII is a separator", () => {
    expect(normalizeTitle("SQL İnjection via name")).toBe("sql-injection");
    expect(normalizeTitle("Déjà vu: CAFÉ crème")).toBe(normalizeTitle("deja vu: cafe creme"));
  });
  test("lines fall into buckets; no line is its own bucket", () => {
    expect(fingerprint("a.ts", { title: "Test has no assertions", line: 20 }, 10)).toBe("a.ts#assertion-free-test@L11");
    expect(fingerprint("a.ts", { title: "Test has no assertions", line: 21 }, 10)).toBe("a.ts#assertion-free-test@L21");
    expect(fingerprint("a.ts", { title: "Test has no assertions" }, 10)).toBe("a.ts#assertion-free-test@-");
  });
  test("jaccard: two empty sets are identical; disjoint sets are 0", () => {
    expect(jaccard(new Set(), new Set())).toBe(1);
    expect(jaccard(new Set(["a"]), new Set(["b"]))).toBe(0);
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
  });
  test("the SQL macro computes the same fingerprint as TypeScript", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    for (const m of fingerprintMacros(7)) await con.run(m);
    for (const [i, t] of TITLES.entries()) {
      const line = i % 3 === 0 ? "NULL" : String(i * 5);
      const r = await con.runAndReadAll(`SELECT scrum_fp('src/x.ts', ${lit(t)}, ${line})`);
      expect([t, r.getRowsJS()[0]![0]]).toEqual([t, fingerprint("src/x.ts", { title: t, line: line === "NULL" ? undefined : i * 5 }, 7)]);
    }
    con.closeSync();
  });
});
