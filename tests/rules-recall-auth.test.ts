// Issue-10 recall pass on unwired-auth: siblings of one registration site that disagree on a guard. Each
// shape has a case the floor must report and a decoy it must stay quiet on (fresh snippets in frameworks
// that are not in the development corpora).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const auth = (path: string, content: string) => foundIn([{ path, content }], /^unwired-auth$/);

describe("decorated siblings: a registration keyword naming who is asking", () => {
  const views = (last: string) => lines(
    "@hub.route('/boards', methods=['POST'], login_scope='member')",
    "def create_board(req):",
    "    return boards.create(req.body)",
    "",
    "@hub.route('/boards/<bid>', methods=['PATCH'], login_scope='member')",
    "def edit_board(req, bid):",
    "    return boards.edit(bid, req.body)",
    "",
    "@hub.route('/boards/<bid>/pins', methods=['POST'], login_scope='member')",
    "def pin_board(req, bid):",
    "    return boards.pin(bid)",
    "",
    last,
    "def drop_board(req, bid):",
    "    boards.drop(bid)");
  test("the one sibling without the keyword that deletes is reported at its registration", () => {
    expect(auth("app/views.py", views("@hub.route('/boards/<bid>', methods=['DELETE'])"))).toEqual(["unwired-auth@app/views.py:13"]);
  });
  test("a sibling that carries it, or one that only reads, is not", () => {
    expect(auth("app/views.py", views("@hub.route('/boards/<bid>', methods=['DELETE'], login_scope='member')"))).toEqual([]);
    expect(auth("app/views.py", views("@hub.route('/boards/<bid>', methods=['GET'])"))).toEqual([]);
  });
  test("a keyword switched off is no guard: no majority, nothing to deviate from", () => {
    const off = views("@hub.route('/boards/<bid>', methods=['DELETE'])").replace(/login_scope='member'/g, "login_scope=None");
    expect(auth("app/views.py", off)).toEqual([]);
  });
});

describe("attribute siblings: a first statement that checks who is asking and fails the call", () => {
  const rpc = (body: string) => lines(
    "#[remote_fn]",
    "pub async fn open_ticket(cx: Cx, body: NewTicket) -> Result<u64, RpcError> {",
    "    require_agent_session(&cx).await?;",
    "    cx.db.open_ticket(body).await",
    "}",
    "#[remote_fn]",
    "pub async fn assign_ticket(cx: Cx, id: u64, to: String) -> Result<(), RpcError> {",
    "    require_agent_session(&cx).await?;",
    "    cx.db.assign(id, to).await",
    "}",
    "#[remote_fn]",
    "pub async fn close_ticket(cx: Cx, id: u64) -> Result<(), RpcError> {",
    "    require_agent_session(&cx).await?;",
    "    cx.db.close(id).await",
    "}",
    "#[remote_fn]",
    "pub async fn purge_ticket(cx: Cx, id: u64) -> Result<(), RpcError> {",
    body,
    "    cx.db.purge(id).await",
    "}");
  test("the destructive sibling that skips the check is reported", () => {
    expect(auth("src/rpc.rs", rpc("    tracing::info!(id, \"purging\");"))).toEqual(["unwired-auth@src/rpc.rs:16"]);
  });
  test("the same sibling making the check, or taking the caller as a parameter, is not", () => {
    expect(auth("src/rpc.rs", rpc("    require_agent_session(&cx).await?;"))).toEqual([]);
    expect(auth("src/rpc.rs", rpc("    tracing::info!(id, \"purging\");").replace("purge_ticket(cx: Cx, id: u64)", "purge_ticket(cx: Cx, agent: AgentSession, id: u64)"))).toEqual([]);
  });
  test("a leading call whose failure is not propagated gates nothing", () => {
    expect(auth("src/rpc.rs", rpc("    tracing::info!(id, \"purging\");").replace(/require_agent_session\(&cx\)\.await\?;/g, "let _ = require_agent_session(&cx).await;"))).toEqual([]);
  });
  test("a requirement named for no one (a feature switch) is no guard", () => {
    const feature = rpc("    tracing::info!(id, \"purging\");").replace(/require_agent_session\(&cx\)/g, "ensure_tickets_enabled()");
    expect(auth("src/rpc.rs", feature)).toEqual([]);
  });
  test("a requirement three siblings make on the session is a guard even when its name says no one", () => {
    const unlocked = rpc("    tracing::info!(id, \"purging\");").replace(/    require_agent_session\(&cx\)\.await\?;/g, "    let held = cx.session.read();\n    let open = ensure_unlocked(&held)?;");
    expect(auth("src/rpc.rs", unlocked)).toEqual(["unwired-auth@src/rpc.rs:19"]);
  });
});

describe("controller methods: guard decorators on most methods of one decorated class", () => {
  const controller = (last: string) => lines(
    "export class ShelfController {",
    "  @RequireRole('librarian')",
    "  @Verb('POST', '/shelves')",
    "  add(body: NewShelf) { return this.shelves.add(body); }",
    "",
    "  @RequireRole('librarian')",
    "  @Verb('PUT', '/shelves/:id')",
    "  relabel(id: string, label: string) { return this.shelves.relabel(id, label); }",
    "",
    last,
    "  @Verb('DELETE', '/shelves/:id')",
    "  remove(id: string) { return this.shelves.remove(id); }",
    "}");
  test("the bare delete is reported", () => {
    expect(auth("src/shelf.controller.ts", controller(""))).toEqual(["unwired-auth@src/shelf.controller.ts:11"]);
  });
  test("with the guard, or delegating to a guarded sibling, it is not", () => {
    expect(auth("src/shelf.controller.ts", controller("  @RequireRole('librarian')"))).toEqual([]);
    const delegating = controller("").replace("remove(id: string) { return this.shelves.remove(id); }", "remove(id: string) { return this.relabel(id, 'removed'); }");
    expect(auth("src/shelf.controller.ts", delegating)).toEqual([]);
  });
  test("an unlock that takes the password is where authentication happens, not a missing guard", () => {
    const unlock = controller("  @RequireRole('librarian')").replace("}\n", "  @Verb('POST', '/unlock')\n  unlock(password: string) { return this.vault.open(password); }\n}\n");
    expect(auth("src/shelf.controller.ts", unlock)).toEqual([]);
  });
});

describe("command chains: a guard wrapping the handler a chained call hands over", () => {
  const cli = (destroyAction: string) => lines(
    "const app = sade('shelfctl');",
    "app.command('list').describe('List shelves').action(async (opts) => print(await api.list(opts)));",
    "app.command('wipe <shelf>').describe('Erase a shelf').action(requireKeyholder(async (shelf) => api.wipe(shelf)));",
    `app.command('purge <shelf>').describe('Delete every book on a shelf').action(${destroyAction});`,
    "app.parse(process.argv);");
  test("the destructive command handed over bare is reported", () => {
    expect(auth("bin/shelfctl.ts", cli("async (shelf) => api.purge(shelf)"))).toEqual(["unwired-auth@bin/shelfctl.ts:4"]);
  });
  test("wrapped like its sibling, it is not; nor is anything when no sibling is guarded", () => {
    expect(auth("bin/shelfctl.ts", cli("requireKeyholder(async (shelf) => api.purge(shelf))"))).toEqual([]);
    expect(auth("bin/shelfctl.ts", cli("async (shelf) => api.purge(shelf)").replace("requireKeyholder(async (shelf) => api.wipe(shelf))", "async (shelf) => api.wipe(shelf)"))).toEqual([]);
  });
});

describe("registration tables: a destructive entry handed over bare beside a wrapped sibling", () => {
  const table = (purge: string) => lines(
    "export const commands = {",
    "  show,",
    "  publish: withSession(publish),",
    `  ${purge},`,
    "}");
  test("the bare destructive entry is reported", () => {
    expect(auth("src/commands.ts", table("purge"))).toEqual(["unwired-auth@src/commands.ts:4"]);
  });
  test("wrapped, it is not; a data object whose fields merely say deleted is not a table", () => {
    expect(auth("src/commands.ts", table("purge: withSession(purge)"))).toEqual([]);
    const presenter = lines("return {", "  id: doc.id,", "  owner: presentUser(doc.owner),", "  deletedAt: doc.deletedAt,", "};");
    expect(auth("src/present.ts", presenter)).toEqual([]);
  });
  test("a Go command map reads the same way", () => {
    const go = (v: string) => lines("package main", "var commands = map[string]Runner{", "\t\"status\": runStatus,", "\t\"rotate\": requireToken(runRotate),", `\t"drop": ${v},`, "}");
    expect(auth("cmd/tool/main.go", go("runDrop"))).toEqual(["unwired-auth@cmd/tool/main.go:5"]);
    expect(auth("cmd/tool/main.go", go("requireToken(runDrop)"))).toEqual([]);
  });
});

describe("a route registered on the root router under a guarded group's prefix", () => {
  const routes = (refund: string, group = `staff := r.Group("/desk/v2", checkStaffBadge(cfg.Badges))`) => lines(
    "package desk",
    "func Mount(r *kit.Router, cfg *Config, d *Desk) {",
    "\tr.GET(\"/ping\", d.Ping)",
    `\t${group}`,
    "\tstaff.GET(\"/tickets\", d.Tickets)",
    "\tstaff.POST(\"/tickets/:id/close\", d.Close)",
    `\t${refund}`,
    "}");
  test("the state-changing route beside the group is reported", () => {
    expect(auth("desk/routes.go", routes(`r.POST("/desk/v2/tickets/:id/refund", d.Refund)`))).toEqual(["unwired-auth@desk/routes.go:7"]);
  });
  test("a guard given to the group with Use counts the same", () => {
    const used = routes(`r.POST("/desk/v2/tickets/:id/refund", d.Refund)`, `staff := r.Group("/desk/v2")\n\tstaff.Use(checkStaffBadge(cfg.Badges))`);
    expect(auth("desk/routes.go", used)).toEqual(["unwired-auth@desk/routes.go:8"]);
  });
  test("in the group, outside its prefix, read-only, or beside an unguarded group, it is not", () => {
    expect(auth("desk/routes.go", routes(`staff.POST("/tickets/:id/refund", d.Refund)`))).toEqual([]);
    expect(auth("desk/routes.go", routes(`r.POST("/public/feedback", d.Feedback)`))).toEqual([]);
    expect(auth("desk/routes.go", routes(`r.GET("/desk/v2/tickets/:id/refund", d.Refund)`))).toEqual([]);
    expect(auth("desk/routes.go", routes(`r.POST("/desk/v2/tickets/:id/refund", d.Refund)`, `staff := r.Group("/desk/v2", gzip.Compress())`))).toEqual([]);
  });
});

describe("verb links of one builder chain: most wrap their handler in a guard", () => {
  const app = (purge: string) => lines(
    "pub fn app() -> Router {",
    "    Router::new()",
    "        .get(\"/status\", handlers::status)",
    "        .get(\"/api/boxes\", boxes::list.wrapped_by(needs_user))",
    "        .post(\"/api/boxes\", boxes::create.wrapped_by(needs_user))",
    "        .put(\"/api/boxes/:id\", boxes::update.wrapped_by(needs_user))",
    `        ${purge}`,
    "}");
  test("the bare state-changing link is reported", () => {
    expect(auth("src/app.rs", app(".delete(\"/api/boxes/:id\", boxes::purge)"))).toEqual(["unwired-auth@src/app.rs:7"]);
  });
  test("wrapped like its siblings, or read-only, it is not; a module named for who is asking wraps nothing", () => {
    expect(auth("src/app.rs", app(".delete(\"/api/boxes/:id\", boxes::purge.wrapped_by(needs_user))"))).toEqual([]);
    expect(auth("src/app.rs", app(".get(\"/api/boxes/:id/export\", boxes::export)"))).toEqual([]);
    const modules = app(".delete(\"/api/boxes/:id\", boxes::purge)").replace(/boxes::(\w+)\.wrapped_by\(needs_user\)/g, "user::$1");
    expect(auth("src/app.rs", modules)).toEqual([]);
  });
});
