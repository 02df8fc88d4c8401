import express from "express";
import { pino } from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { signBody } from "../src/lib/signature.js";
import { mountRoutes } from "../src/routes/index.js";
import { fakeDeps } from "./helpers.js";

function appWith(deps = fakeDeps()) {
  const router = express.Router();
  mountRoutes(router, deps, pino({ level: "silent" }) as any);
  return { app: express().use("/release-guard", router), deps };
}

describe("release-guard routes", () => {
  it("rejects admin calls without the token", async () => {
    const { app } = appWith();
    await request(app).get("/release-guard/admin/freezes").expect(401, { error: "unauthorized" });
  });

  it("lists freezes for the admin token", async () => {
    const { app, deps } = appWith();
    await request(app)
      .get("/release-guard/admin/freezes?limit=10")
      .set("authorization", "Bearer test-admin-token")
      .expect(200, []);
    expect(deps.freezes.listAll).toHaveBeenCalledWith(10);
  });

  it("accepts a correctly signed deploy callback", async () => {
    const { app, deps } = appWith();
    const body = Buffer.from(JSON.stringify({ job_id: "job-1", status: "succeeded" }));
    await request(app)
      .post("/release-guard/deploy-callback")
      .set("content-type", "application/json")
      .set("x-deploy-signature", signBody("test-callback-secret", body))
      .send(body)
      .expect(204);
    expect(deps.deployments.markStatus).toHaveBeenCalledWith("job-1", "succeeded");
  });

  it("rejects a deploy callback with a forged signature", async () => {
    const { app } = appWith();
    await request(app)
      .post("/release-guard/deploy-callback")
      .set("content-type", "application/json")
      .set("x-deploy-signature", "sha256=" + "0".repeat(64))
      .send(JSON.stringify({ job_id: "job-1", status: "succeeded" }))
      .expect(401);
  });

  it("reports unhealthy when the database is down", async () => {
    const { app } = appWith(fakeDeps({ ping: async () => Promise.reject(new Error("ECONNREFUSED")) }));
    const res = await request(app).get("/release-guard/healthz");
    expect(res.status).toBe(503);
    expect(res.body).toMatchInlineSnapshot(`
      {
        "ok": false,
      }
    `);
  });
});
