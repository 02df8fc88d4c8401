// Both providers drive the real clients against the model server and return text, tokens and latency.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createProvider } from "../pipeline/providers/factory";
import { startModelServer, type ModelServer } from "./support/model-server";
import { PROTOCOLS, rungFor } from "./support/provider-rung";

const review = '{"verdict":"concerns","score":6,"items":[{"title":"unchecked input"}]}';
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({
    models: ["m1"],
    script: (r) => (r.json ? { text: review, tokens: { prompt: 812, completion: 57 } } : { text: `Looks fine to me (${r.messages.map((m) => m.role).join("+")}).` }),
  });
});
afterAll(() => server.stop());

const lastChat = () => server.requests.filter((r) => r.outcome === "text").at(-1)!;

for (const protocol of PROTOCOLS) {
  describe(`${protocol} provider`, () => {
    test("returns a JSON answer with the server's token counts when json is asked", async () => {
      const p = createProvider(rungFor(protocol, server.url), {});
      const res = await p.chat({ system: "You review code.", user: "file.ts ...", json: true });
      expect(JSON.parse(res.text).verdict).toBe("concerns");
      expect(res.tokens).toEqual({ prompt: 812, completion: 57 });
      expect(res.latencyMs).toBeGreaterThanOrEqual(0);
      const sent = lastChat();
      expect(sent.json).toBe(true);
      expect(sent.stream).toBe(false);
      expect(sent.model).toBe("m1");
    });

    test("returns plain text and sends system then user without a format switch", async () => {
      const p = createProvider(rungFor(protocol, server.url), {});
      const res = await p.chat({ system: "s", user: "u" });
      expect(res.text).toBe("Looks fine to me (system+user).");
      expect(res.tokens.completion).toBe(Math.ceil(res.text.length / 4));
      expect(res.tokens.prompt).toBeGreaterThan(0);
      const body = lastChat().body as Record<string, unknown>;
      expect(body.format ?? body.response_format).toBeUndefined();
    });

    test("is local for a loopback endpoint", () => {
      expect(createProvider(rungFor(protocol, server.url), {}).local).toBe(true);
      expect(createProvider(rungFor(protocol, "https://models.example.com"), {}).local).toBe(false);
    });

    test("sends the key from the named env variable as a bearer token", async () => {
      const s = await startModelServer({ apiKey: "k-123" });
      try {
        const rung = rungFor(protocol, s.url, { apiKeyEnv: "SCRUM_TEST_KEY" });
        expect((await createProvider(rung, { SCRUM_TEST_KEY: "k-123" }).chat({ system: "s", user: "u" })).text).toBe("ok");
        const denied = await createProvider(rung, { SCRUM_TEST_KEY: "wrong" }).chat({ system: "s", user: "u" }).catch((e) => e);
        expect(denied.kind).toBe("auth");
      } finally {
        await s.stop();
      }
    });
  });
}

test("ollama passes think through when the rung asks for it", async () => {
  const p = createProvider(rungFor("ollama", server.url, { think: true }), {});
  await p.chat({ system: "s", user: "u" });
  expect((lastChat().body as { think?: boolean }).think).toBe(true);
  await createProvider(rungFor("ollama", server.url), {}).chat({ system: "s", user: "u" });
  expect("think" in (lastChat().body as object)).toBe(false);
});
