// A check that throws on a file it did not foresee costs that rule's findings in that file, not the sweep:
// the rule is skipped there, every other rule still reports, and the caller is told once per rule.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { createFloor } from "../pipeline/rules/floor";
import { loadRules } from "../pipeline/rules/load-rules";
import { lines, scanSnippets } from "./support/snippet-scan";

const rules = loadRules(join(import.meta.dir, "..", "prompts", "rules"));

const peers = (extra: string) => lines(
  "package server",
  "func (s *Server) CreateInvoice(ctx context.Context, req *CreateRequest) (*Invoice, error) {",
  "	if err := requireScope(ctx, \"invoices:write\"); err != nil {",
  "		return nil, err",
  "	}",
  "	return s.store.Create(ctx, req)",
  "}",
  "func (s *Server) PayInvoice(ctx context.Context, req *PayRequest) (*Invoice, error) {",
  "	if err := requireScope(ctx, \"invoices:write\"); err != nil {",
  "		return nil, err",
  "	}",
  "	return s.store.Pay(ctx, req.Id)",
  "}",
  "func (s *Server) RefundInvoice(ctx context.Context, req *RefundRequest) (*Invoice, error) {",
  "	if err := requireScope(ctx, \"invoices:write\"); err != nil {",
  "		return nil, err",
  "	}",
  "	return s.store.Refund(ctx, req.Id)",
  "}",
  "func (s *Server) VoidInvoice(ctx context.Context, req *VoidRequest) (*Invoice, error) {",
  extra,
  "	return s.store.Void(ctx, req.Id)",
  "}");

describe("a rule that throws on a file", () => {
  // The peer check builds a pattern from its `destructive` parameter: one that does not compile throws on
  // every file with three peers, as a check's own fault on unforeseen code would.
  const broken = rules.map((r) => (r.id === "go-unguarded-peer" ? { ...r, check: { ...r.check!, destructive: "(" } } : r));
  const files = [
    { path: "internal/a.go", content: peers("	_ = s.audit.Write(ctx, req.Id)") },
    { path: "internal/b.go", content: peers("") },
  ];

  test("is skipped there; the other rules still report, and the caller hears once per rule", () => {
    const told: string[] = [];
    const found = [...createFloor(broken).scan(files, [], (m) => told.push(m)).values()].flat();
    expect(found.map((f) => f.rule_id)).toContain("go-discarded-error");
    expect(found.some((f) => f.rule_id === "go-unguarded-peer")).toBe(false);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^rule go-unguarded-peer failed on 2 files and was skipped there \(first: internal\/a\.go: .*regular expression/);
  });

  test("the same in worker threads", async () => {
    const told: string[] = [];
    const found = [...(await createFloor(broken).scanAsync(files, { workers: 1, onRuleFailure: (m) => told.push(m) })).values()].flat();
    expect(found.map((f) => f.rule_id)).toContain("go-discarded-error");
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("go-unguarded-peer failed on 2 files");
  });

  test("with the rule intact, it reports and nobody is told", () => {
    const told: string[] = [];
    const found = [...createFloor(rules).scan(files, [], (m) => told.push(m)).values()].flat();
    expect(found.filter((f) => f.rule_id === "go-unguarded-peer").map((f) => `${f.file}:${f.line}`)).toEqual(["internal/a.go:20", "internal/b.go:20"]);
    expect(told).toEqual([]);
  });
});

describe("a Rust result dropped from a chain that ends in a turbofish across lines", () => {
  test("is read by its last method (collect), not by the text of the whole chain", () => {
    const src = lines(
      "async fn configure(ips: Vec<IpAddr>) {",
      "    let mut config = ResolverConfig::default();",
      "    let _ = ips",
      "        .iter()",
      "        .map(|ip| {",
      "            config.add_name_server(NameServerConfig { socket_addr: SocketAddr::new(*ip, 53), bind_addr: None })",
      "        })",
      "        .collect::<Vec<()>>();",
      "}");
    expect(() => scanSnippets([{ path: "src/resolve.rs", content: src }], /^swallowed-error$/)).not.toThrow();
  });
});
