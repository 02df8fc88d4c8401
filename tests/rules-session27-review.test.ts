// The limits of the twenty-seventh session's readings: counter-examples a read-only review (helper 256) found against
// them, each one wrong on the engine as first written (tests/fixtures/review27, one directory per reading). Every
// expectation here is what a reviewer wants: the defect still reported, the harmless code left alone.
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { scanSnippets } from "./support/snippet-scan";

const ROOT = join(import.meta.dir, "fixtures", "review27");

function filesOf(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p), content: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

const found = (dir: string) => scanSnippets(filesOf(join(ROOT, dir)), /./).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`).sort();

describe("the limits of the twenty-seventh session's readings (review 256)", () => {
  test("sw1: a cache write beside an insert, a revoked token under a cache key, setQuiet and a silent OAuth refresh stay swallows", () => {
    expect(found("sw1")).toEqual([
      "src/auth/logout.service.ts:ts-catch-noop@2",
      "src/auth/settings.ts:ts-catch-noop@2",
      "src/auth/settings.ts:ts-catch-noop@6",
      "src/orders/orders.service.ts:ts-empty-catch@5",
    ]);
  });
  test("sw2: a test module's #![allow(unused_must_use)] leaves shipped writes claims; a swallowed CancelledError loses the batch", () => {
    expect(found("sw2")).toEqual([
      "app/flusher.py:py-except-pass-on-write@7",
      "src/ledger.rs:rs-discarded-write@5",
      "src/ledger.rs:rs-discarded-write@6",
    ]);
  });
  test("sw3: @Public() on a delete among admin-guarded routes stays reported", () => {
    expect(found("sw3")).toEqual([
      "src/jobs/backup.ts:ts-empty-catch@5",
      "src/users/users.controller.ts:ts-unguarded-sibling@12",
    ]);
  });
  test("ic1: constructors by prefix authenticate (NewSession, LoadByAPIKey, Open); a signup form comparing two password fields is no secret compare", () => {
    expect(found("ic1")).toEqual([
      "api/deps.py:py-insecure-compare@4",
      "api/deps.py:py-unwired-auth@1",
      "internal/auth/service.go:go-insecure-compare@13",
      "internal/auth/service.go:go-insecure-compare@21",
      "internal/auth/service.go:go-insecure-compare@30",
      "internal/auth/service.go:go-insecure-compare@5",
      "internal/auth/service.go:go-unwired-auth@28",
    ]);
  });
  test("ic2: an expected key chosen by a conditional expression is no boolean", () => {
    expect(found("ic2")).toEqual([
      "api/deps.py:py-insecure-compare@4",
      "api/deps.py:py-unwired-auth@1",
    ]);
  });
  test("ic3: a digest helper keyed in its own body is an HMAC", () => {
    expect(found("ic3")).toEqual([
      "hooks/views.py:py-insecure-compare@11",
    ]);
  });
  test("af1: a declared assertion function the loop never calls; a suite's Exactly, WithinDuration and T().Fatalf assert; `_ *testing.T` is a note", () => {
    expect(found("af1")).toEqual([
      "fee/fee_test.go:go-assertion-free-test@3 note",
      "svc/transfer_test.go:go-assertion-free-test@3",
    ]);
  });
  test("af2: a service's create beside a raising twin, and an ensure_ helper that creates, leave the test a claim", () => {
    expect(found("af2")).toEqual([
      "devices/tests/test_service.py:py-assertion-free-test@3",
      "orders/tests/test_orders.py:py-assertion-free-test@6",
    ]);
  });
  test("af3: a row looked up as setup, before an unchecked act, is no check", () => {
    expect(found("af3")).toEqual([
      "tests/test_transfer.py:py-assertion-free-test@1",
    ]);
  });
  test("ip1: a thread target and a scope parameter a family applies are not imposed", () => {
    expect(found("ip1")).toEqual([
      "jobs/sync.py:py-ignored-option-parameter@1",
      "reports/exporters/xlsx.py:py-ignored-option-parameter@1",
    ]);
  });
  test("misc: a request type named ChallengeResponse is bound, not answered; a WebDAV 501 for a method is HTTP's answer", () => {
    expect(found("misc")).toEqual([
      "internal/mfa/handler.go:go-unread-option-field@5",
      "internal/mfa/handler.go:go-unwired-auth@8",
    ]);
  });
  test("rs1: a builder chain's last call is a library's, not the repository's declaration of that name", () => {
    expect(found("rs1")).toEqual([
      "src/purge.rs:rs-discarded-result@2",
    ]);
  });
  test("rs2: a trait default's todo!() is reported; SMTP's 502 for unsupported commands is no stub", () => {
    expect(found("rs2")).toEqual([
      "src/storage.rs:rs-todo-macro@4",
    ]);
  });
  test("ua1: Django's @require_POST checks the method, not the user", () => {
    expect(found("ua1")).toEqual([
      "billing/views_nodeco.py:py-unguarded-peer@28",
    ]);
  });
  test("ua2: a project's own guard exported from its swagger module guards; a view fetching a record by id is no public cache", () => {
    expect(found("ua2")).toEqual([
      "helpdesk/endpoints.py:py-unguarded-peer@24",
    ]);
  });
  test("hu: three zero-width spaces compared with a password are reported; a heartbeat timestamp records no delivery", () => {
    expect(found("hu")).toEqual([
      "internal/ws/client.go:go-discarded-error@4 note",
      "src/admin.ts:ts-invisible-character@3",
    ]);
  });
});
