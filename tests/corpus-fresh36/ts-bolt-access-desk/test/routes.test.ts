import express from "express";
import request from "supertest";
import { registerCustomRoutes } from "../src/routes";
import { testConfig } from "./helpers";

jest.mock("@slack/web-api", () => ({
  ...jest.requireActual("@slack/web-api"),
  WebClient: jest.fn().mockImplementation(() => ({ chat: { postMessage: jest.fn() } })),
}));

function build() {
  const store = {
    rawPool: { query: jest.fn().mockResolvedValue({ rows: [] }) },
    dueForExpiry: jest.fn().mockResolvedValue([
      { id: 9, team_id: "T1", requester_id: "U1", system: "grafana", access_role: "editor", grant_ref: "g-9" },
    ]),
    markExpired: jest.fn(),
    tx: jest.fn(),
  };
  const provisioner = { revokeAccess: jest.fn() };
  const installations = {
    fetchInstallation: jest.fn().mockResolvedValue({ bot: { token: "xoxb-test" } }),
    storeInstallation: jest.fn(),
  };
  const app = express();
  const router = express.Router();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  registerCustomRoutes(router, testConfig, store as any, provisioner as any, installations as any);
  app.use(router);
  return { app, store, provisioner };
}

describe("custom routes", () => {
  it("rejects the expiry job without the internal token", async () => {
    const { app } = build();
    await request(app).post("/internal/expire-grants").expect(401);
  });

  it("expires grants that are due", async () => {
    const { app } = build();
    await request(app).post("/internal/expire-grants").set("Authorization", "Bearer test-internal-token");
  });

  it("answers the health probe", async () => {
    const { app } = build();
    await request(app).get("/healthz").expect(200, { ok: true });
  });
});
