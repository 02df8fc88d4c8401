import { describe, it, expect, beforeAll, afterAll } from "vitest";
import https from "node:https";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { LedgerClient } from "../src/clients/ledger";

// Self-signed cert generated for the test server; clients in this file trust it blindly.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

describe("LedgerClient", () => {
  let server: https.Server;
  let calls = 0;

  beforeAll(async () => {
    server = https.createServer(
      { key: readFileSync(`${__dirname}/fixtures/key.pem`), cert: readFileSync(`${__dirname}/fixtures/cert.pem`) },
      (req, res) => {
        calls += 1;
        res.statusCode = calls < 3 ? 503 : 201;
        res.end();
      },
    );
    await new Promise<void>((r) => server.listen(0, r));
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("retries until the ledger accepts the entry", async () => {
    const { port } = server.address() as AddressInfo;
    const client = new LedgerClient(`https://127.0.0.1:${port}`);
    await client.post(
      { account: "revenue", amountCents: 100, currency: "EUR", reference: "t1" },
      { retries: 3, backoffMs: 1 },
    );
    expect(calls).toBe(3);
  });
});
