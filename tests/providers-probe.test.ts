// probe() lists models within its budget and reports why a rung is unusable, never throwing.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createProvider } from "../pipeline/providers/factory";
import { startModelServer, type ModelServer } from "./support/model-server";
import { PROTOCOLS, rungFor } from "./support/provider-rung";

let server: ModelServer;
let deadUrl: string;
beforeAll(async () => {
  server = await startModelServer({ models: ["m1", "qwen2.5-coder:14b", "llama3.1:latest"] });
  const dead = await startModelServer();
  deadUrl = dead.url;
  await dead.stop();
});
afterAll(() => server.stop());

for (const protocol of PROTOCOLS) {
  describe(`${protocol} probe`, () => {
    test("is ok when the endpoint lists the rung's model", async () => {
      expect(await createProvider(rungFor(protocol, server.url), {}).probe(300)).toEqual({ ok: true });
    });

    test("says the model is missing and what the host has", async () => {
      const res = await createProvider(rungFor(protocol, server.url, { model: "kimi-k2:1t" }), {}).probe(300);
      expect(res.ok).toBe(false);
      expect(res.reason).toContain(`model kimi-k2:1t not served by`);
      expect(res.reason).toContain("qwen2.5-coder:14b");
    });

    test("fails with a connection reason on a dead port", async () => {
      const res = await createProvider(rungFor(protocol, deadUrl), {}).probe(300);
      expect(res.ok).toBe(false);
      expect(res.reason).toMatch(/ECONNREFUSED|Unable to connect|Connection error/);
    });

    test("gives up on a listing that never answers", async () => {
      const s = await startModelServer({ models: ["m1"], modelsReply: { hang: true } });
      try {
        const res = await createProvider(rungFor(protocol, s.url), {}).probe(200);
        expect(res).toEqual({ ok: false, reason: expect.stringContaining("no answer within 200 ms") });
      } finally {
        await s.stop();
      }
    });

    test("reports a listing error status as the reason", async () => {
      const s = await startModelServer({ modelsReply: { status: 401 } });
      try {
        const res = await createProvider(rungFor(protocol, s.url), {}).probe(300);
        expect(res.ok).toBe(false);
        expect(res.reason).toContain("HTTP 401");
      } finally {
        await s.stop();
      }
    });
  });
}

test("ollama matches a bare model name to its :latest tag", async () => {
  expect(await createProvider(rungFor("ollama", server.url, { model: "llama3.1" }), {}).probe(300)).toEqual({ ok: true });
  expect((await createProvider(rungFor("ollama", server.url, { model: "qwen2.5-coder" }), {}).probe(300)).ok).toBe(false);
});
