// Claims and leads (pipeline/rules/checks/claim-evidence.ts, deviance.ts): a Go or Rust swallowed error in
// shipped code is a defect claim only when the code shows the failure matters (a write or audit, a stored
// delete, a success answered after the drop, other call sites handling the same call's error); otherwise
// it is a lead, kept as an info note. TypeScript and Python are not gated. Each shape has both sides.
import { describe, expect, test } from "bun:test";
import { droppedCallee, removesStored } from "../pipeline/rules/checks/claim-evidence";
import { applyLeadPolicy } from "../pipeline/rules/lead-policy";
import { floor, lines, scanSnippets, type SnippetFile } from "./support/snippet-scan";

/** `severity@file:line` of the swallowed-error findings, `lead` marked. */
const swallowed = (files: SnippetFile[]) =>
  scanSnippets(files, /^swallowed-error$/).map((f) => `${f.lead ? "lead" : "claim"}:${f.severity}@${f.file}:${f.line}`);

const goFile = (path: string, ...body: string[]) => ({ path, content: lines("package svc", "", ...body) });

describe("the dropped callee, as other call sites spell it", () => {
  test("method and the segment before it; bindings, awaits and .ok() skipped", () => {
    expect(droppedCallee("_ = s.ds.Property(ctx).Put(k, v)")).toEqual({ prev: "Property", method: "Put" });
    expect(droppedCallee("let _ = meta.delete_hub_session().await;")).toEqual({ prev: "meta", method: "delete_hub_session" });
    expect(droppedCallee("followers.dereference(&c, &ctx).await.ok();")).toEqual({ prev: "followers", method: "dereference" });
    expect(droppedCallee("if err := warm(ctx); err != nil {")).toEqual({ prev: null, method: "warm" });
    expect(droppedCallee("v, err := c.Load(id)")).toEqual({ prev: "c", method: "Load" });
  });
  test("no call, no callee", () => {
    expect(droppedCallee("_ = x")).toBeNull();
    expect(droppedCallee("let _ = rx;")).toBeNull();
  });
  test("a stored delete is not a file removal", () => {
    expect(removesStored("let _ = store.delete_session(id).await;")).toBe(true);
    expect(removesStored("_ = s.tokens.Revoke(ctx, t)")).toBe(true);
    expect(removesStored("let _ = std::fs::remove_file(&tmp);")).toBe(false);
    expect(removesStored("_ = os.Remove(path)")).toBe(false);
  });
});

describe("Go: a drop the repository's other call sites would have handled", () => {
  const dropped = goFile("svc/warm.go",
    "func (s *Service) Start(ctx context.Context) {",
    "\t_ = s.cache.Warm(ctx)",
    "}");
  const handled = (n: number) => Array.from({ length: n }, (_, i) => goFile(`svc/use${i}.go`,
    `func (s *Service) Use${i}(ctx context.Context) error {`,
    "\tif err := s.cache.Warm(ctx); err != nil {",
    "\t\treturn err",
    "\t}",
    "\treturn nil",
    "}"));
  test("handled at two other sites: a claim", () => {
    expect(swallowed([dropped, ...handled(2)])).toEqual(["claim:warning@svc/warm.go:4"]);
  });
  test("handled at one other site only, or nowhere: a lead (an info note)", () => {
    expect(swallowed([dropped, ...handled(1)])).toEqual(["lead:info@svc/warm.go:4"]);
    expect(swallowed([dropped])).toEqual(["lead:info@svc/warm.go:4"]);
  });
  test("dropped as often as handled elsewhere: the convention, a lead", () => {
    const alsoDropped = [0, 1].map((i) => goFile(`svc/drop${i}.go`, `func (s *Service) D${i}(ctx context.Context) {`, "\t_ = s.cache.Warm(ctx)", "}"));
    expect(swallowed([dropped, ...handled(2), ...alsoDropped]).filter((f) => f.endsWith("warm.go:4"))).toEqual(["lead:info@svc/warm.go:4"]);
  });
  test("a write, whatever the other sites do, is a claim", () => {
    const save = goFile("svc/save.go", "func (s *Service) Keep(ctx context.Context, o Order) {", "\t_ = s.repo.Save(ctx, o)", "}");
    expect(swallowed([save])).toEqual(["claim:warning@svc/save.go:4"]);
  });
  test("a success answered right after the drop is a claim", () => {
    const del = goFile("svc/routes.go",
      "func (s *Server) routes(api *gin.RouterGroup) {",
      "\tapi.DELETE(\"/orders/:id\", func(c *gin.Context) {",
      "\t\t_ = s.Archive(c, c.Param(\"id\"))",
      "\t\tc.Status(http.StatusNoContent)",
      "\t})",
      "}");
    const quiet = { ...del, path: "svc/quiet.go", content: del.content.replace("\t\tc.Status(http.StatusNoContent)\n", "") };
    expect(swallowed([del])).toEqual(["claim:warning@svc/routes.go:5"]);
    expect(swallowed([quiet])).toEqual(["lead:info@svc/quiet.go:5"]);
  });
});

describe("Rust", () => {
  const rs = (path: string, ...body: string[]) => ({ path, content: lines(...body) });
  test("a stored delete is a claim; a lossy send and a temp-file removal are leads", () => {
    const f = rs("src/session.rs",
      "pub async fn logout(meta: &Meta, tx: &Sender<u8>, tmp: &Path) -> Result<()> {",
      "    let _ = meta.delete_session().await;",
      "    let _ = tx.try_send(1);",
      "    let _ = std::fs::remove_file(tmp);",
      "    Ok(())",
      "}");
    expect(swallowed([f])).toEqual(["claim:warning@src/session.rs:2", "lead:info@src/session.rs:3", "lead:info@src/session.rs:4"]);
  });
  test("a call handed a database connection is a claim; an LDAP unbind is a lead", () => {
    const f = rs("src/accounts.rs",
      "pub async fn register(user: &User, conn: &DbConn, ldap: &mut Ldap) -> Result<()> {",
      "    invite.accept_invite(&user.uuid, &conn).await.ok();",
      "    let _ = ldap.unbind();",
      "    Ok(())",
      "}");
    expect(swallowed([f])).toEqual(["claim:warning@src/accounts.rs:2", "lead:info@src/accounts.rs:3"]);
  });
  test("a file written whole and a write macro prove themselves", () => {
    const f = rs("src/store.rs",
      "pub fn backup(path: &Path, body: String, log: &mut File) {",
      "    fs::write(path, body).ok();",
      "    let _ = writeln!(log, \"backed up\");",
      "}");
    expect(swallowed([f]).map((x) => x.split("@")[0])).toEqual(["claim:warning", "claim:warning"]);
  });
  test("the same call propagated with `?` at two other sites makes the drop a claim", () => {
    const use = (i: number) => rs(`src/use${i}.rs`, `pub async fn u${i}(c: &Client) -> Result<()> {`, "    c.refresh_token().await?;", "    Ok(())", "}");
    const drop = rs("src/bg.rs", "pub async fn bg(c: &Client) {", "    let _ = c.refresh_token().await;", "}");
    expect(swallowed([drop, use(0), use(1)])).toEqual(["claim:warning@src/bg.rs:2"]);
    expect(swallowed([drop, use(0)])).toEqual(["lead:info@src/bg.rs:2"]);
  });
});

describe("TypeScript is not gated", () => {
  test("an empty catch around a UI refresh stays a claim, as does one around an audit write", () => {
    const f = { path: "src/handlers.ts", content: lines(
      "export async function remove(req: Req, res: Res) {",
      "  try {",
      "    await store.writeAudit({ action: 'delete', id: req.params.id });",
      "  } catch {}",
      "  try {",
      "    await badge.refreshCount(req.user);",
      "  } catch {}",
      "  res.json({ ok: true });",
      "}") };
    expect(swallowed([f])).toEqual(["claim:warning@src/handlers.ts:4", "claim:warning@src/handlers.ts:7"]);
  });
});

describe("Python", () => {
  test("a broad except around a commit is a claim, around a cache warm-up a lead", () => {
    const f = { path: "app/jobs.py", content: lines(
      "def finish(session, cache, job):",
      "    try:",
      "        session.commit()",
      "    except Exception:",
      "        pass",
      "    try:",
      "        cache.warm(job.id)",
      "    except Exception:",
      "        pass") };
    expect(swallowed([f])).toEqual(["claim:warning@app/jobs.py:4", "lead:info@app/jobs.py:8"]);
  });
  test("in test code a swallowed assertion stays a claim", () => {
    const f = { path: "tests/test_x.py", content: lines(
      "def test_total():",
      "    try:",
      "        assert total([1, 2]) == 3",
      "    except Exception:",
      "        pass") };
    expect(swallowed([f])).toEqual(["claim:warning@tests/test_x.py:4"]);
  });
});

describe("static.leads", () => {
  test("claim restores a lead's rule severity and keeps the lead mark; note leaves it", () => {
    const found = floor.scan([goFile("svc/warm.go", "func (s *Service) Start(ctx context.Context) {", "\t_ = s.cache.Warm(ctx)", "}")]);
    const lead = [...found.values()].flat().find((f) => f.class === "swallowed-error")!;
    expect(lead.severity).toBe("info");
    expect(applyLeadPolicy(found, floor.rules, "note").get("svc/warm.go")![0]!.severity).toBe("info");
    const claimed = applyLeadPolicy(found, floor.rules, "claim").get("svc/warm.go")!.find((f) => f.class === "swallowed-error")!;
    expect(claimed.severity).toBe(floor.rules.find((r) => r.id === lead.rule_id)!.severity);
    expect(claimed.lead).toBe(true);
  });
});
