// The factory picks a backend per rung and tells, without network, whether a rung can run here.
import { expect, test } from "bun:test";
import { Rung } from "../pipeline/core/config";
import { ConfigError } from "../pipeline/core/errors";
import { createProvider, rungConfigured } from "../pipeline/providers/factory";

const cloud = Rung.parse({ provider: "ollama", model: "kimi-k2:1t", host: "https://ollama.com", apiKeyEnv: "OLLAMA_API_KEY" });
const local = Rung.parse({ provider: "ollama", model: "llama3.1:8b", host: "http://127.0.0.1:11434" });
const lan = Rung.parse({ provider: "ollama", model: "llama3.1:8b", host: "http://gpu-box.lan:11434" });
const vllm = Rung.parse({ provider: "openai", model: "qwen", baseURL: "http://localhost:8000/v1", apiKeyEnv: "VLLM_KEY" });
const remoteOpenai = Rung.parse({ provider: "openai", model: "gpt-4.1", baseURL: "https://api.openai.com/v1" });
const staticRung = Rung.parse({ provider: "static" });

test("builds a provider per protocol that keeps its rung and locality", () => {
  expect(createProvider(local, {}).rung).toBe(local);
  expect(createProvider(local, {}).local).toBe(true);
  expect(createProvider(cloud, { OLLAMA_API_KEY: "k" }).local).toBe(false);
  expect(createProvider(vllm, {}).local).toBe(true);
});

test("refuses the static rung with a ConfigError", () => {
  expect(() => createProvider(staticRung, {})).toThrow(ConfigError);
});

test("refuses an ollama rung without a host when handed an unvalidated rung", () => {
  expect(() => createProvider({ ...local, host: undefined }, {})).toThrow(ConfigError);
});

test("a cloud rung is configured only when its key variable is set", () => {
  expect(rungConfigured(cloud, {})).toEqual({ ok: false, reason: "OLLAMA_API_KEY is not set (needed for https://ollama.com)" });
  expect(rungConfigured(cloud, { OLLAMA_API_KEY: "" }).ok).toBe(false);
  expect(rungConfigured(cloud, { OLLAMA_API_KEY: "k" })).toEqual({ ok: true });
});

test("loopback endpoints need no key, even when one is named", () => {
  expect(rungConfigured(local, {})).toEqual({ ok: true });
  expect(rungConfigured(vllm, {})).toEqual({ ok: true });
});

test("a keyless remote ollama is fine, a keyless remote openai is not", () => {
  expect(rungConfigured(lan, {})).toEqual({ ok: true });
  expect(rungConfigured(remoteOpenai, {})).toEqual({ ok: false, reason: expect.stringContaining("names no apiKeyEnv") });
});

test("the static rung is always configured", () => {
  expect(rungConfigured(staticRung, {})).toEqual({ ok: true });
});
