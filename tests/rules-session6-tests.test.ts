// Test shapes whose check is not an assertion call (sixth session of issue 10, read from the development panels):
// a Go concurrency test whose oracle is the race detector, a Go helper process another test runs by name, and
// polling waits by any name. Each shape with a quiet or info-level case and a decoy still reported as a claim
// (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

const aft = (...files: { path: string; content: string }[]) =>
  scanSnippets(files, /^assertion-free-test$/).map((f) => `${f.severity}@${f.file}:${f.line}`);

describe("assertion-free-test: Go concurrency tests", () => {
  test("goroutines waited for are an info-level note; goroutines never waited for, a claim", () => {
    expect(aft({ path: "queue/broker_test.go", content: lines(
      "package queue",
      "",
      'import ("sync"; "testing")',
      "",
      "func TestPublishWhileClosing(t *testing.T) {",
      "\tb := NewBroker()",
      "\tvar wg sync.WaitGroup",
      "\tfor i := 0; i < 8; i++ {",
      "\t\twg.Add(1)",
      "\t\tgo func() { defer wg.Done(); b.Publish(\"x\") }()",
      "\t}",
      "\tb.Close()",
      "\twg.Wait()",
      "}",
      "",
      "func TestPublishFireAndForget(t *testing.T) {",
      "\tb := NewBroker()",
      "\tgo b.Publish(\"x\")",
      "\tb.Close()",
      "}") })).toEqual(["info@queue/broker_test.go:5", "warning@queue/broker_test.go:16"]);
  });
  test("a channel receive or a select is a wait too", () => {
    expect(aft({ path: "pool/pool_test.go", content: lines(
      "package pool",
      "",
      'import "testing"',
      "",
      "func TestStopDrains(t *testing.T) {",
      "\tp := New(2)",
      "\tdone := make(chan struct{})",
      "\tgo func() { p.Stop(); close(done) }()",
      "\t<-done",
      "}") })).toEqual(["info@pool/pool_test.go:5"]);
  });
});

describe("assertion-free-test: Go helper processes", () => {
  test("a test another test runs as a subprocess by name is not reported; an unnamed look-alike is", () => {
    expect(aft({ path: "internal/env/home_test.go", content: lines(
      "package env",
      "",
      'import ("fmt"; "os"; "os/exec"; "testing")',
      "",
      "func TestPrintHomeHelper(_ *testing.T) {",
      '\tif os.Getenv("WANT_HELPER") != "1" {',
      "\t\treturn",
      "\t}",
      "\tfmt.Println(Home())",
      "}",
      "",
      "func TestHome(t *testing.T) {",
      '\tcmd := exec.Command(os.Args[0], "-test.run=TestPrintHomeHelper")',
      '\tcmd.Env = append(os.Environ(), "WANT_HELPER=1", "APP_HOME=/srv")',
      "\tout, err := cmd.Output()",
      "\tif err != nil || string(out) != \"/srv\\n\" {",
      '\t\tt.Fatalf("got %q, %v", out, err)',
      "\t}",
      "}",
      "",
      "func TestPrintConfig(_ *testing.T) {",
      "\tfmt.Println(Config())",
      "}") })).toEqual(["warning@internal/env/home_test.go:21"]);
  });
});

describe("assertion-free-test: polling waits", () => {
  test("a TypeScript test whose only check is a polling wait is an info-level note; one that only acts, a claim", () => {
    expect(aft({ path: "e2e/replication.test.ts", content: lines(
      'import { test } from "vitest";',
      'import { waitUntilReplicated, client } from "./harness";',
      "",
      'test("a write reaches the replica", async () => {',
      '  await client.put("k", "v");',
      '  await waitUntilReplicated("k", { timeoutMs: 5000 });',
      "});",
      "",
      'test("a write is accepted", async () => {',
      '  await client.put("k", "v");',
      "});") })).toEqual(["info@e2e/replication.test.ts:4", "warning@e2e/replication.test.ts:9"]);
  });
  test("a polling wait beside a helper of another test file that asserts is no smoke test: quiet", () => {
    const support = { path: "e2e/support/errors.ts", content: lines(
      "export async function rejectsWith(fn: () => Promise<unknown>, code: string) {",
      "  await expect(fn()).rejects.toMatchObject({ code });",
      "}") };
    expect(aft(support, { path: "e2e/block.test.ts", content: lines(
      'import { test } from "vitest";',
      'import { rejectsWith } from "./support/errors";',
      'import { admin, waitUntilSettled } from "./harness";',
      "",
      'test("a banned host is refused", async () => {',
      '  await admin.ban("evil.example");',
      "  await waitUntilSettled();",
      '  await rejectsWith(() => admin.fetch("https://evil.example"), "banned");',
      "});") })).toEqual([]);
  });
  test("a Python test whose only check is a polling wait is an info-level note", () => {
    expect(aft({ path: "tests/test_sync.py", content: lines(
      "def test_job_finishes(worker):",
      '    worker.submit("reindex")',
      '    wait_until_idle(worker, timeout=10)',
      "",
      "def test_job_submitted(worker):",
      '    worker.submit("reindex")') })).toEqual(["info@tests/test_sync.py:1", "warning@tests/test_sync.py:5"]);
  });
});
