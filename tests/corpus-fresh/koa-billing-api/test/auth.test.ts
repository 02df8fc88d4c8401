import { describe, it, expect } from "vitest";
import Koa from "koa";
import request from "supertest";
import { requireApiKey, requireFinanceAdmin } from "../src/middleware/auth";

describe("requireApiKey", () => {
  const app = new Koa();
  app.use(requireApiKey(["k1-abc", "k2-def"]));
  app.use((ctx) => {
    ctx.body = ctx.state.principal;
  });

  it("rejects requests without an api key", async () => {
    const res = await request(app.callback()).get("/");
    expect(res.status).toBe(401);
  });

  it("rejects an invalid api key of the same length", async () => {
    const res = await request(app.callback()).get("/").set("x-acme-api-key", "k1-abd");
    expect(res.status).toBe(401);
  });

  it("accepts any configured key", async () => {
    const res = await request(app.callback()).get("/").set("x-acme-api-key", "k2-def");
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(["service"]);
  });
});

describe("requireFinanceAdmin", () => {
  function appWith(roles: string[]) {
    const app = new Koa();
    app.use(async (ctx, next) => {
      ctx.state.principal = { id: "u1", roles };
      await next();
    });
    app.use(requireFinanceAdmin);
    app.use((ctx) => {
      ctx.body = "ok";
    });
    return app;
  }

  it("forbids callers without the finance-admin role", async () => {
    const res = await request(appWith(["support"]).callback()).post("/admin/x");
    expect(res.status).toBe(403);
  });

  it("lets finance admins through", async () => {
    const res = await request(appWith(["finance-admin"]).callback()).post("/admin/x");
    expect(res.text).toBe("ok");
  });
});
