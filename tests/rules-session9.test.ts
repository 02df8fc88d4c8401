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
