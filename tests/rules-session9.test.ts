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
