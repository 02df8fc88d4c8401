// Every way a model endpoint fails becomes a ProviderError of the right kind, for both providers.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createProvider } from "../pipeline/providers/factory";
import { ProviderError } from "../pipeline/providers/provider";
import { startModelServer, type ModelServer, type Reply } from "./support/model-server";
import { PROTOCOLS, rungFor } from "./support/provider-rung";

// The model name picks the scripted failure, so one server serves every case.
const FAULTS: Record<string, Reply> = {
  "rate-secs": { status: 429, headers: { "retry-after": "7" } },
  "rate-date": { status: 429, headers: { "retry-after": new Date(Date.now() + 60_000).toUTCString() } },
  "err-500": { status: 500 },
  "err-503": { status: 503, body: { error: "model is loading" } },
  "err-401": { status: 401 },
  "err-403": { status: 403 },
  "err-400": { status: 400 },
  hang: { hang: true },
  stall: { stall: true, text: "a long answer that never finishes arriving at the client" },
  reset: { reset: true },
  garbage: { garbage: true },
  slow: { text: "late", delayMs: 5_000 },
};

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ script: (r) => FAULTS[r.model] ?? { text: "ok" } });
});
afterAll(() => server.stop());

async function failure(protocol: "ollama" | "openai", model: string, signal?: AbortSignal, url = server.url): Promise<ProviderError> {
  const p = createProvider(rungFor(protocol, url, { model }), {});
  const err = await p.chat({ system: "s", user: "u", signal }).then(
    () => undefined,
    (e) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

for (const protocol of PROTOCOLS) {
  describe(`${protocol} failures`, () => {
    test("429 with Retry-After seconds is rate_limit with retryAfterMs", async () => {
      const err = await failure(protocol, "rate-secs");
      expect([err.kind, err.status, err.retryAfterMs, err.retryable]).toEqual(["rate_limit", 429, 7000, true]);
    });

    test("429 with an HTTP-date Retry-After is read as a wait in the future", async () => {
      const err = await failure(protocol, "rate-date");
      expect(err.kind).toBe("rate_limit");
      expect(err.retryAfterMs).toBeGreaterThan(30_000);
    });

    test("500 and 503 are server errors, with the server's message", async () => {
      expect((await failure(protocol, "err-500")).kind).toBe("server");
      const e503 = await failure(protocol, "err-503");
      expect([e503.kind, e503.status]).toEqual(["server", 503]);
      expect(e503.message).toContain("model is loading");
    });

    test("401 and 403 are auth, 400 is client and not retryable", async () => {
      expect((await failure(protocol, "err-401")).kind).toBe("auth");
      expect((await failure(protocol, "err-403")).kind).toBe("auth");
      const bad = await failure(protocol, "err-400");
      expect([bad.kind, bad.retryable]).toEqual(["client", false]);
    });

    test("a server that never answers is a timeout after the rung's timeoutMs", async () => {
      const err = await failure(protocol, "hang");
      expect(err.kind).toBe("timeout");
      expect(err.message).toContain("300 ms");
    });

    test("a body that stops halfway is a timeout, not a hang", async () => {
      expect((await failure(protocol, "stall")).kind).toBe("timeout");
    });

    test("a connection reset is a connection error", async () => {
      const err = await failure(protocol, "reset");
      expect(err.kind).toBe("connection");
      expect(err.message).toContain("ECONNRESET");
    });

    test("a refused port is a connection error", async () => {
      const dead = await startModelServer();
      const url = dead.url;
      await dead.stop();
      expect((await failure(protocol, "m1", undefined, url)).kind).toBe("connection");
    });

    test("a body that is not the protocol is a server error, not a crash", async () => {
      const err = await failure(protocol, "garbage");
      expect(err.kind).toBe("server");
      expect(err.message).toContain("malformed response");
    });

    test("the caller's signal aborts the request as aborted, not timeout", async () => {
      const ac = new AbortController();
      const pending = failure(protocol, "slow", ac.signal);
      while (!server.requests.some((r) => r.model === "slow" && r.protocol === protocol)) await Bun.sleep(5);
      ac.abort();
      const err = await pending;
      expect([err.kind, err.retryable]).toEqual(["aborted", false]);
    });

    test("an already-aborted signal never reaches the server", async () => {
      const before = server.requests.length;
      const err = await failure(protocol, "m1", AbortSignal.abort());
      expect(err.kind).toBe("aborted");
      expect(server.requests.length).toBe(before);
    });
  });
}
