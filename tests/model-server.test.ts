// The model server speaks the Ollama and OpenAI protocols well enough for the unmodified real clients.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Ollama } from "ollama";
import OpenAI from "openai";
import { startModelServer, type ModelServer } from "./support/model-server";

const answer = '{"verdict":"pass","items":[]}';
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({
    models: ["llama3.1:8b", "gpt-test"],
    script: (r) => ({ text: r.json ? answer : `plain answer number ${r.n}`, thinking: r.think ? "let me think" : undefined }),
  });
});
afterAll(() => server.stop());

const user = (content: string) => [{ role: "user" as const, content }];

describe("ollama protocol", () => {
  test("non-streaming chat returns one object with token counts", async () => {
    const res = await new Ollama({ host: server.url }).chat({ model: "llama3.1:8b", messages: user("hi"), stream: false, format: "json" });
    expect(res.message.content).toBe(answer);
    expect(res.done).toBe(true);
    expect(res.prompt_eval_count).toBeGreaterThan(0);
    expect(res.eval_count).toBe(Math.ceil(answer.length / 4));
  });

  test("streaming chat yields NDJSON pieces ending in a done line with counts", async () => {
    const it = await new Ollama({ host: server.url }).chat({ model: "llama3.1:8b", messages: user("hi"), stream: true, think: true });
    const parts: string[] = [];
    let thinking = "";
    let last: { done: boolean; eval_count?: number } | undefined;
    for await (const p of it) {
      parts.push(p.message.content);
      thinking += p.message.thinking ?? "";
      last = p;
    }
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join("")).toMatch(/^plain answer number \d+$/);
    expect(thinking).toBe("let me think");
    expect(last?.done).toBe(true);
    expect(last?.eval_count).toBeGreaterThan(0);
  });

  test("a raw request without stream:false is streamed, as the real server does", async () => {
    const res = await fetch(`${server.url}/api/chat`, { method: "POST", body: JSON.stringify({ model: "llama3.1:8b", messages: user("x") }) });
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1).done).toBe(true);
    expect(lines.slice(0, -1).every((l) => l.done === false)).toBe(true);
  });

  test("tags, version and an unknown model", async () => {
    const client = new Ollama({ host: server.url });
    expect((await client.list()).models.map((m) => m.name)).toEqual(["llama3.1:8b", "gpt-test"]);
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
    const err = await client.chat({ model: "nope", messages: user("x") }).catch((e) => e);
    expect(err.status_code).toBe(404);
    expect(err.message).toContain('model "nope" not found');
  });
});

describe("openai protocol", () => {
  const client = () => new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "k", maxRetries: 0 });

  test("non-streaming completion carries usage", async () => {
    const res = await client().chat.completions.create({ model: "gpt-test", messages: user("hello"), response_format: { type: "json_object" } });
    expect(res.object).toBe("chat.completion");
    expect(res.choices[0]!.message.content).toBe(answer);
    expect(res.usage!.total_tokens).toBe(res.usage!.prompt_tokens + res.usage!.completion_tokens);
  });

  test("streaming SSE ends with a usage chunk when asked and [DONE]", async () => {
    const stream = await client().chat.completions.create({ model: "gpt-test", messages: user("hi"), stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish ??= chunk.choices[0]?.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toMatch(/^plain answer number \d+$/);
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(Math.ceil(text.length / 4));
    const raw = await fetch(`${server.url}/v1/chat/completions`, { method: "POST", body: JSON.stringify({ model: "gpt-test", messages: user("x"), stream: true }) });
    const body = await raw.text();
    expect(body.trim().endsWith("data: [DONE]")).toBe(true);
    expect(body).not.toContain('"usage":{');
  });

  test("models list", async () => {
    const page = await client().models.list();
    expect(page.data.map((m) => m.id)).toEqual(["llama3.1:8b", "gpt-test"]);
  });
});

describe("scripting", () => {
  test("perModel queues replay in order and repeat the last reply", async () => {
    const s = await startModelServer({ perModel: { a: [{ status: 503 }, { text: "one" }, { text: "two" }], b: [{ text: "bee" }] } });
    try {
      const c = new Ollama({ host: s.url });
      const ask = (model: string) => c.chat({ model, messages: user("q") }).then((r) => r.message.content, (e) => `err ${e.status_code}`);
      expect([await ask("a"), await ask("a"), await ask("b"), await ask("a"), await ask("a")]).toEqual(["err 503", "one", "bee", "two", "two"]);
      expect(s.requests.filter((r) => r.path === "/api/chat").map((r) => r.outcome)).toEqual(["status:503", "text", "text", "text", "text"]);
    } finally {
      await s.stop();
    }
  });

  test("a reset reply is a real connection reset for a raw client", async () => {
    const s = await startModelServer({ script: () => ({ reset: true }) });
    try {
      const err = await fetch(`${s.url}/api/chat`, { method: "POST", body: "{\"model\":\"m\"}" }).catch((e) => e);
      expect(err.code).toBe("ECONNRESET");
    } finally {
      await s.stop();
    }
  });

  test("an apiKey makes the server demand the bearer token", async () => {
    const s = await startModelServer({ apiKey: "sekret" });
    try {
      const denied = await new Ollama({ host: s.url }).list().catch((e) => e);
      expect(denied.status_code).toBe(401);
      const ok = await new Ollama({ host: s.url, headers: { Authorization: "Bearer sekret" } }).list();
      expect(ok.models).toEqual([]);
      expect(s.requests.map((r) => r.outcome)).toEqual(["status:401", "list"]);
    } finally {
      await s.stop();
    }
  });

  test("answers 64 concurrent delayed requests across both protocols", async () => {
    const s = await startModelServer({ delayMs: 50, script: (r) => ({ text: `${r.protocol} ${r.model}` }) });
    try {
      const o = new Ollama({ host: s.url });
      const c = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: "k", maxRetries: 0 });
      const jobs = Array.from({ length: 64 }, (_, i) =>
        i % 2
          ? o.chat({ model: `m${i}`, messages: user("x") }).then((r) => r.message.content)
          : c.chat.completions.create({ model: `m${i}`, messages: user("x") }).then((r) => r.choices[0]!.message.content),
      );
      const got = await Promise.all(jobs);
      expect(got).toEqual(Array.from({ length: 64 }, (_, i) => `${i % 2 ? "ollama" : "openai"} m${i}`));
    } finally {
      await s.stop();
    }
  });
});
