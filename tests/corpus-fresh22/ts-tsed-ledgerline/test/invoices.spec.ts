import {createHmac} from "crypto";
import {PlatformTest} from "@tsed/common";
import SuperTest from "supertest";
import jwt from "jsonwebtoken";

process.env.DATABASE_URL = "postgresql://localhost:5432/ledgerline_test";
process.env.JWT_SECRET = "unit-test-jwt-secret";
process.env.PAYGATE_WEBHOOK_SECRET = "unit-test-webhook-secret";

import {Server} from "../src/Server";
import {PrismaService} from "../src/services/PrismaService";
import {PaygateClient} from "../src/services/PaygateClient";

const user = {id: "usr_1", email: "ana@example.com", tenantId: "ten_1", role: "member", passwordHash: "x"};

const prismaMock = {
  $connect: jest.fn(),
  $disconnect: jest.fn(),
  $queryRaw: jest.fn().mockResolvedValue([{"?column?": 1}]),
  user: {findUnique: jest.fn().mockResolvedValue(user), findMany: jest.fn().mockResolvedValue([])},
  invoice: {
    findMany: jest.fn().mockResolvedValue([
      {id: "inv_1", number: "2024-00001", tenantId: "ten_1", customer: "ACME", amountCents: 12000, status: "open"}
    ]),
    findFirst: jest.fn().mockResolvedValue(null),
    update: jest.fn()
  },
  auditEvent: {create: jest.fn(), findMany: jest.fn().mockResolvedValue([])}
};

const paygateMock = {getCharge: jest.fn(), refund: jest.fn()};

function tokenFor(claims: Partial<typeof user> = {}) {
  const u = {...user, ...claims};
  return jwt.sign({tid: u.tenantId, role: u.role}, "unit-test-jwt-secret", {
    subject: u.id,
    issuer: "https://auth.ledgerline.io/",
    audience: "ledgerline-api"
  });
}

function expectProblem(res: SuperTest.Response, status: number, name: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({name, status});
}

function sign(body: string, ts = Math.floor(Date.now() / 1000)) {
  const mac = createHmac("sha256", "unit-test-webhook-secret").update(`${ts}.${body}`).digest("hex");
  return `t=${ts},v1=${mac}`;
}

describe("Ledgerline API", () => {
  let request: SuperTest.Agent;

  beforeAll(
    PlatformTest.bootstrap(Server, {
      imports: [
        {token: PrismaService, use: prismaMock},
        {token: PaygateClient, use: paygateMock}
      ]
    })
  );
  beforeAll(() => {
    request = SuperTest(PlatformTest.callback());
  });
  afterEach(() => jest.clearAllMocks());
  afterAll(PlatformTest.reset);

  describe("GET /health", () => {
    it("reports version", async () => {
      const res = await request.get("/health");
      expect(res.body).toMatchSnapshot();
    });
  });

  describe("GET /rest/invoices", () => {
    it("rejects anonymous callers", async () => {
      const res = await request.get("/rest/invoices");
      expectProblem(res, 401, "UNAUTHORIZED");
    });

    it("lists invoices for the caller's tenant", async () => {
      const res = await request.get("/rest/invoices?status=open").set("Authorization", `Bearer ${tokenFor()}`);
      console.log(res.body);
    });

    it("returns 404 for another tenant's invoice", async () => {
      prismaMock.invoice.findFirst.mockResolvedValueOnce(null);
      const res = await request.get("/rest/invoices/inv_9").set("Authorization", `Bearer ${tokenFor()}`);
      expectProblem(res, 404, "NOT_FOUND");
      expect(prismaMock.invoice.findFirst).toHaveBeenCalledWith({where: {id: "inv_9", tenantId: "ten_1"}});
    });
  });

  describe("POST /hooks/paygate", () => {
    it("rejects a bad signature", async () => {
      const body = JSON.stringify({id: "evt_1", type: "charge.succeeded", data: {chargeId: "ch_1", metadata: {}}, created: 1});
      const res = await request
        .post("/hooks/paygate")
        .set("Content-Type", "application/json")
        .set("x-paygate-signature", `t=${Math.floor(Date.now() / 1000)},v1=deadbeef`)
        .send(body);
      expect(res.status).toBe(401);
    });

    it("marks the invoice paid", async () => {
      paygateMock.getCharge.mockResolvedValueOnce({id: "ch_1", status: "succeeded"});
      prismaMock.invoice.update.mockResolvedValueOnce({id: "inv_1", status: "paid"});
      const body = JSON.stringify({
        id: "evt_2",
        type: "charge.succeeded",
        data: {chargeId: "ch_1", metadata: {invoiceId: "inv_1"}},
        created: Math.floor(Date.now() / 1000)
      });
      const res = await request
        .post("/hooks/paygate")
        .set("Content-Type", "application/json")
        .set("x-paygate-signature", sign(body))
        .send(body);
      expect(res.status).toBe(204);
      expect(prismaMock.invoice.update).toHaveBeenCalledWith(
        expect.objectContaining({where: {id: "inv_1"}, data: expect.objectContaining({status: "paid", paymentRef: "ch_1"})})
      );
    });
  });
});
