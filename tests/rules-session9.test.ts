// Ninth session of issue 10: a route group is known by its shape (a value made from the router with a path
// prefix that routes are then registered on), whatever the framework calls the method, and a route registered on
// a looser group under a stricter group's prefix is reported. Fresh snippets, not corpus or panel code.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

const unwired = (content: string, path = "cmd/server/routes.go") =>
  scanSnippets([{ path, content }], /^unwired-auth$/).map((f) => `${f.rule_id}@${f.line}`);

const routes = (...body: string[]) => lines(
  "package main",
  "",
  "func routes(app *web.App, keys *auth.Keys, h *Handlers) {",
  ...body.map((b) => `\t${b}`),
  "}");

describe("unwired-auth: route groups by shape", () => {
  test("a state-changing route on the root under a guarded group's prefix, whatever the group method is called", () => {
    const src = routes(
      'v1 := app.Section("/api/v1", auth.RequireSession(keys))',
      'v1.Get("/orders", h.ListOrders)',
      'v1.Post("/orders", h.CreateOrder)',
      'app.Post("/api/v1/orders/{id}/cancel", h.CancelOrder)');
    expect(unwired(src)).toEqual(["go-unguarded-route@7"]);
  });

  test("a value made from the router that no route is registered on is no group", () => {
    const src = routes(
      'docs := app.Static("/api/v1", auth.RequireSession(keys))',
      'app.Post("/api/v1/orders/{id}/cancel", h.CancelOrder)',
      'log.Println(docs)');
    expect(unwired(src)).toEqual([]);
  });

  test("a route on a looser group whose full path falls under a stricter group's prefix", () => {
    const src = routes(
      'api := app.Section("/api/v1", auth.RequireSession(keys))',
      'api.Get("/orders", h.ListOrders)',
      'ops := app.Section("/api/v1/ops", auth.RequireSession(keys), auth.RequireRole("operator"))',
      'ops.Get("/queues", h.ListQueues)',
      'api.Delete("/ops/queues/{id}", h.DropQueue)');
    expect(unwired(src)).toEqual(["go-unguarded-route@8"]);
  });

  test("the same route on the stricter group, or one that only shares the looser prefix, is not reported", () => {
    const base = [
      'api := app.Section("/api/v1", auth.RequireSession(keys))',
      'api.Get("/orders", h.ListOrders)',
      'ops := app.Section("/api/v1/ops", auth.RequireSession(keys), auth.RequireRole("operator"))',
      'ops.Get("/queues", h.ListQueues)'];
    expect(unwired(routes(...base, 'ops.Delete("/queues/{id}", h.DropQueue)'))).toEqual([]);
    expect(unwired(routes(...base, 'api.Delete("/orders/{id}", h.DropOrder)'))).toEqual([]);
  });

  test("a stricter group made from the looser one inherits its guards and adds its own", () => {
    const src = routes(
      'api := app.Section("/api/v1", auth.RequireSession(keys))',
      'api.Get("/orders", h.ListOrders)',
      'ops := api.Section("/ops", auth.RequireRole("operator"))',
      'ops.Get("/queues", h.ListQueues)',
      'api.Delete("/ops/queues/{id}", h.DropQueue)');
    expect(unwired(src)).toEqual(["go-unguarded-route@8"]);
  });
});

const ignored = (files: { path: string; content: string }[]) =>
  scanSnippets(files, /^ignored-parameter$/).map((f) => `${f.rule_id}@${f.file}:${f.line}`);

describe("ignored-parameter: a criterion dropped from the function's own query", () => {
  const store = (query: string) => ({ path: "internal/store/rentals.go", content: lines(
    "package store",
    "",
    "const rentalCols = `id, bike_id, rider_id, state, started_at`",
    "",
    "func (s *Store) Rentals(ctx context.Context, bikeID int64, riderID int64, limit int) ([]Rental, error) {",
    `\trows, err := s.db.QueryContext(ctx, ${query}, bikeID, limit)`,
    "\tif err != nil {",
    "\t\treturn nil, err",
    "\t}",
    "\treturn scanRentals(rows)",
    "}") });
  // Another type's method of the same name (a handler) would otherwise make the signature look shared.
  const handler = { path: "internal/api/rentals.go", content: lines(
    "package api",
    "",
    "func (h *Handlers) Rentals(ctx context.Context, in *RentalsInput) (*RentalsOutput, error) {",
    "\tout, err := h.store.Rentals(ctx, in.BikeID, in.RiderID, in.Limit)",
    "\treturn &RentalsOutput{Body: out}, err",
    "}") };

  test("a parameter named for a column the query selects, never bound, is reported on a method", () => {
    expect(ignored([store("`SELECT id, bike_id, rider_id FROM rentals WHERE bike_id = $1 LIMIT $2`"), handler])).toEqual(["go-ignored-option-parameter@internal/store/rentals.go:5"]);
  });

  test("the column may come from a file constant spliced into the statement", () => {
    expect(ignored([store("`SELECT `+rentalCols+` FROM rentals WHERE bike_id = $1 LIMIT $2`"), handler])).toEqual(["go-ignored-option-parameter@internal/store/rentals.go:5"]);
  });

  test("a function another module defines again with the parameter (one migration step per database) is a module-level interface", () => {
    const step = (db: string) => ({ path: `storage/${db}/deltas/add_region.go`, content: lines(
      "package deltas",
      "",
      "func UpAddRegion(ctx context.Context, tx *sql.Tx, region string, fleet string) error {",
      "\t_, err := tx.ExecContext(ctx, \"ALTER TABLE bikes ADD COLUMN region TEXT NOT NULL DEFAULT ''\", fleet)",
      "\treturn err",
      "}") });
    expect(ignored([step("sqlite3")])).toEqual(["go-ignored-option-parameter@storage/sqlite3/deltas/add_region.go:3"]);
    expect(ignored([step("sqlite3"), step("postgres")])).toEqual([]);
  });

  test("a query that names no such column is no evidence", () => {
    expect(ignored([store("`SELECT id, bike_id FROM rentals WHERE bike_id = $1 LIMIT $2`"), handler])).toEqual([]);
  });

  test("Python and TypeScript read the same way (a private method, a class the module does not export)", () => {
    const py = { path: "app/repo.py", content: lines(
      "class RentalRepo:",
      "    def _rentals(self, bike_id, rider_id, limit):",
      '        return self.db.fetch("SELECT id, rider_id FROM rentals WHERE bike_id = %s LIMIT %s", (bike_id, limit))') };
    const ts = { path: "src/repo.ts", content: lines(
      "const COLS = 'id, bike_id, rider_id';",
      "class RentalRepo {",
      "  async rentals(bikeId: number, riderId: number, limit: number) {",
      "    return this.db.query(`SELECT ${COLS} FROM rentals WHERE bike_id = $1 LIMIT $2`, [bikeId, limit]);",
      "  }",
      "}") };
    expect(ignored([py])).toEqual(["py-ignored-option-parameter@app/repo.py:2"]);
    expect(ignored([ts])).toEqual(["ts-ignored-option-parameter@src/repo.ts:3"]);
  });
});

const freeTests = (files: { path: string; content: string }[]) =>
  scanSnippets(files, /^assertion-free-test$/).map((f) => `${f.severity}@${f.file}:${f.line}`);

describe("assertion-free-test: delegation followed across test files", () => {
  // A test calls a harness method in one file; the harness hands the run to a checker type in another file.
  const test_ = { path: "tests/cli/test_export.rs", content: lines(
    "use crate::common::{CliRun, ExportCase};",
    "",
    "#[tokio::test]",
    "async fn export_help_matches() {",
    "    let mut run = CliRun::default();",
    "    run.run_case(ExportCase::new(vec![\"export\", \"--help\"], \"usage: export\".into())).await;",
    "}") };
  const harness = { path: "tests/common/mod.rs", content: lines(
    "pub struct CliRun;",
    "impl CliRun {",
    "    pub async fn run_case(&mut self, case: ExportCase) {",
    "        let out = Command::cargo_bin(\"tool\").unwrap().args(case.args()).output_assert();",
    "        case.check_output(out);",
    "    }",
    "}") };
  const checker = (check: string) => ({ path: "tests/common/export.rs", content: lines(
    "pub struct ExportCase { args: Vec<String>, want: String }",
    "impl ExportCase {",
    "    pub fn new(args: Vec<&str>, want: String) -> Self { Self { args: args.into_iter().map(Into::into).collect(), want } }",
    "    pub fn args(&self) -> &[String] { &self.args }",
    `    pub fn check_output(&self, state: Assert) { ${check} }`,
    "}") });

  test("a checker two files away whose assert_cmd Assert is checked makes the test assert", () => {
    expect(freeTests([test_, harness, checker("state.success().stdout(self.want.clone());")])).toEqual([]);
  });

  test("a checker that only prints leaves the test assertion-free", () => {
    expect(freeTests([test_, harness, checker("println!(\"{:?}\", self.want);")])).toEqual(["warning@tests/cli/test_export.rs:4"]);
  });

  test("a call through a module path reaches that module's function even when the test has its name", () => {
    const tests = { path: "tests/tls.rs", content: lines("mod util;", "", "#[tokio::test]", "async fn plaintext() {", "    util::plaintext().await;", "}") };
    const util = (body: string) => ({ path: "tests/util.rs", content: lines("pub async fn plaintext() {", "    let (client, server) = run_pair().await;", `    ${body}`, "}") });
    expect(freeTests([tests, util("assert_eq!(client, server);")])).toEqual([]);
    expect(freeTests([tests, util("drop((client, server));")])).toEqual(["warning@tests/tls.rs:4"]);
  });

  test("a test whose body is a macro invoked with braces asserts through the macro", () => {
    const src = (assertion: string) => lines(
      "macro_rules! accepts_tls {",
      "    (client: $make:path) => {",
      "        let client = $make(\"localhost\");",
      `        ${assertion}`,
      "    };",
      "}",
      "",
      "#[tokio::test]",
      "async fn http1_accepts_tls() {",
      "    accepts_tls! { client: client::http1_tls }",
      "}");
    expect(freeTests([{ path: "tests/identity.rs", content: src("assert!(client.ready().await);") }])).toEqual([]);
    expect(freeTests([{ path: "tests/identity.rs", content: src("let _ = client.ready().await;") }])).toEqual(["warning@tests/identity.rs:9"]);
  });
});

describe("assertion-free-test (Python): pytest's context managers imported bare", () => {
  const suite = (body: string, imports = "from pytest import raises") => ({ path: "tests/test_config.py", content: lines(
    imports,
    "from contextlib import nullcontext as does_not_raise",
    "from app.config import load",
    "",
    "def test_empty_file_is_refused(tmp_path):",
    `    ${body}`,
    "        load(tmp_path / 'empty.yml')") });

  test("`with raises(..)` asserts, as `with pytest.raises(..)` does", () => {
    expect(freeTests([suite("with raises(ValueError):")])).toEqual([]);
  });

  test("`with does_not_raise():` states its check: a declared smoke test, not a finding", () => {
    expect(freeTests([suite("with does_not_raise():")])).toEqual([]);
  });

  test("another context manager asserts nothing", () => {
    expect(freeTests([suite("with open(tmp_path / 'log.txt', 'w'):")])).toEqual(["warning@tests/test_config.py:5"]);
  });
});

describe("assertion-free-test: a test that discards a call to a check of the repository is a smoke note", () => {
  const freeNotes = (files: { path: string; content: string }[]) =>
    scanSnippets(files, /^assertion-free-test$/).map((f) => `${f.severity}@${f.file}:${f.line}`);
  const validation = (tail: string[]) => ({ path: "app/config/validation.py", content: lines(
    "import os",
    "",
    "def validate_path(value, base_path):",
    '    """Check that value is a usable path and normalise it."""',
    "    text = str(value).strip()",
    "    if not text:",
    "        raise ConfigError('empty path')",
    ...tail) });
  const suite = { path: "tests/test_validation.py", content: lines(
    "from app.config.validation import validate_path",
    "",
    "def test_it_accepts_relative_path(tmp_path):",
    "    (tmp_path / 'docs').mkdir()",
    "    validate_path('docs', str(tmp_path))") };

  test("a check (binds, refuses under a condition, returns nothing): the test asserts by not raising", () => {
    expect(freeNotes([validation(["    full = os.path.join(base_path, text)", "    return None"]), suite])).toEqual(["info@tests/test_validation.py:3"]);
  });

  test("a check that hands back a value leaves the test something to assert: still assertion-free", () => {
    expect(freeNotes([validation(["    full = os.path.join(base_path, text)", "    return full"]), suite])).toEqual(["warning@tests/test_validation.py:3"]);
  });

  test("a function that also acts is no check: the test stays assertion-free", () => {
    expect(freeNotes([validation(["    os.makedirs(os.path.join(base_path, text))", "    return text"]), suite])).toEqual(["warning@tests/test_validation.py:3"]);
  });

  test("TypeScript: a permission check that throws, awaited and discarded", () => {
    const perms = { path: "src/auth/permissions.ts", content: lines(
      "export function verifyApiKeyPermission(key: ApiKey, permission: string): void {",
      "  const granted = key.permissions ?? [];",
      "  if (!granted.includes(permission)) {",
      "    throw new ForbiddenError(`missing ${permission}`);",
      "  }",
      "}") };
    const spec = { path: "test/permissions.test.ts", content: lines(
      "import { verifyApiKeyPermission } from '../src/auth/permissions';",
      "",
      "it('lets a read key read features', () => {",
      "  verifyApiKeyPermission({ permissions: ['readData'] }, 'readData');",
      "});") };
    expect(freeNotes([perms, spec])).toEqual(["info@test/permissions.test.ts:3"]);
  });
});

describe("unwired-auth in a dispatch: a requirement handed a credential is a check, whatever it names", () => {
  const cli = (runArm: string) => ({ path: "src/cli.ts", content: lines(
    "import { assertMaintainer } from './access';",
    "export async function main(args: Args): Promise<number> {",
    "  switch (args.command) {",
    "    case 'start':",
    "      await startScheduler();",
    "      return 0;",
    "    case 'run':",
    `      ${runArm}`,
    "      await runJob(args.job);",
    "      return 0;",
    "    case 'purge-history':",
    "      await purgeHistory(args.before);",
    "      return 0;",
    "  }",
    "  return 2;",
    "}") });

  test("a sibling arm's assertX(token) makes the destructive arm's missing check a finding", () => {
    expect(unwired(cli("assertMaintainer(args['--token']);").content, "src/cli.ts")).toEqual(["ts-unguarded-dispatch@11"]);
  });

  test("the same call handed no credential is no evidence", () => {
    expect(unwired(cli("assertMaintainer(args.job);").content, "src/cli.ts")).toEqual([]);
  });
});

describe("unwired-auth: a fluent route group (routes in a callback, prefix and middleware chained after)", () => {
  const routes = (outside: string) => lines(
    "import router from '@adonisjs/core/services/router'",
    "import { middleware } from '#start/kernel'",
    "",
    "router",
    "  .group(() => {",
    "    router.get('/parcels', [ParcelsController, 'index'])",
    "    router.post('/parcels', [ParcelsController, 'store'])",
    "  })",
    "  .prefix('/api/v2')",
    "  .use(middleware.auth({ guards: ['api'] }))",
    "",
    "router",
    `  .post(${outside}, [ParcelsController, 'cancel'])`,
    "  .where('id', router.matchers.number())");

  test("a state-changing route under the guarded group's prefix, registered outside it (and refined by a chain)", () => {
    expect(unwired(routes("'/api/v2/parcels/:id/cancel'"), "start/routes.ts")).toEqual(["ts-unguarded-route@12"]);
  });

  test("a route outside the group's prefix is not the group's", () => {
    expect(unwired(routes("'/public/parcels/:id/track'"), "start/routes.ts")).toEqual([]);
  });

  test("a route that chains the guard itself is guarded", () => {
    const src = routes("'/api/v2/parcels/:id/cancel'").replace("  .where('id', router.matchers.number())", "  .use(middleware.auth({ guards: ['api'] }))");
    expect(unwired(src, "start/routes.ts")).toEqual([]);
  });
});
