import { computeSignature, parseSignatureHeader, payrailWebhook } from "../src/http/payments";

jest.mock("../src/data/bookings", () => ({
  getBooking: jest.fn().mockResolvedValue({ patientId: "patient-1", status: "confirmed" }),
  markPaid: jest.fn().mockResolvedValue(undefined),
  writeAudit: jest.fn().mockResolvedValue(undefined),
}));

import { markPaid } from "../src/data/bookings";

const WEBHOOK_SECRET = "whsec_test_9c1f0b7e2a";

interface FakeResponse {
  statusCode: number;
  body: unknown;
  status(code: number): FakeResponse;
  send(body: unknown): FakeResponse;
  json(body: unknown): FakeResponse;
}

function fakeResponse(): FakeResponse {
  const res: FakeResponse = {
    statusCode: 200,
    body: undefined,
    status(code) {
      res.statusCode = code;
      return res;
    },
    send(body) {
      res.body = body;
      return res;
    },
    json(body) {
      res.body = body;
      return res;
    },
  };
  return res;
}

function signedRequest(payload: object, secret = WEBHOOK_SECRET) {
  const raw = Buffer.from(JSON.stringify(payload));
  const t = Math.floor(Date.now() / 1000);
  const header = `t=${t},v1=${computeSignature(secret, t, raw)}`;
  return {
    method: "POST",
    ip: "203.0.113.7",
    rawBody: raw,
    body: payload,
    get: (name: string) => (name.toLowerCase() === "payrail-signature" ? header : undefined),
  };
}

function expectStatus(res: FakeResponse, code: number): void {
  expect(res.statusCode).toBe(code);
}

const succeeded = {
  id: "evt_1",
  type: "payment_intent.succeeded",
  data: { object: { id: "pi_1", amount: 4500, currency: "eur", metadata: { bookingId: "bk_1" } } },
};

beforeAll(() => {
  process.env.PAYRAIL_WEBHOOK_SECRET = WEBHOOK_SECRET;
});

describe("parseSignatureHeader", () => {
  it("reads timestamp and v1", () => {
    expect(parseSignatureHeader("t=1700000000,v1=abc")).toEqual({ t: 1700000000, v1: "abc" });
    expect(parseSignatureHeader("v1=abc")).toBeNull();
  });
});

describe("payrailWebhook", () => {
  it("accepts a correctly signed payment", async () => {
    const res = fakeResponse();
    await payrailWebhook(signedRequest(succeeded) as never, res as never);
    expectStatus(res, 200);
    expect(markPaid).toHaveBeenCalledWith("bk_1", "pi_1");
  });

  it("rejects a body signed with another secret", async () => {
    const res = fakeResponse();
    await payrailWebhook(signedRequest(succeeded, "whsec_someone_else") as never, res as never);
    expectStatus(res, 401);
  });
});
