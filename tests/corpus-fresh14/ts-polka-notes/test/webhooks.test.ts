import { createHmac } from "crypto";
import request from "supertest";
import { buildApp } from "../src/server";
import type { NoteRepo } from "../src/repo/noteRepo";
import { testConfig } from "./helpers";

const repo = {} as NoteRepo;
const mailer = { send: async () => undefined };

function sign(body: string, secret = testConfig.webhookSecret): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

describe("billing webhooks", () => {
  it("accepts a correctly signed event", async () => {
    const body = JSON.stringify({ type: "invoice.paid" });
    await request(buildApp(testConfig, repo, mailer).handler)
      .post("/webhooks/billing")
      .set("Content-Type", "application/json")
      .set("X-Notes-Signature", sign(body))
      .send(body)
      .expect(200, { received: true });
  });

  it("rejects a forged signature", async () => {
    const body = JSON.stringify({ type: "invoice.paid" });
    const res = await request(buildApp(testConfig, repo, mailer).handler)
      .post("/webhooks/billing")
      .set("X-Notes-Signature", sign(body, "wrong-secret"))
      .send(body);
    expect(res.status).toBe(401);
  });

  it("handles an empty body", async () => {
    const app = buildApp(testConfig, repo, mailer);
    const res = await request(app.handler).post("/webhooks/billing").send("");
    console.log("status for empty body", res.status);
  });
});
