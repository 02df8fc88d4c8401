// Ollama backend (local `ollama serve` or Ollama cloud) through the real ollama-js client.
import { Ollama } from "ollama";
import type { Rung } from "../core/config";
import { ConfigError } from "../core/errors";
import { errorDetail, statusError } from "./classify-failure";
import { timedRequest } from "./deadline";
import { isLoopbackUrl, ProviderError, type Deadline, type Env, type ChatRequest, type ChatResult, type ModelProvider } from "./provider";
import { probeListing } from "./probe-listing";

/** Ollama treats "name" and "name:latest" as one model. */
export function sameOllamaModel(a: string, b: string): boolean {
  const norm = (m: string) => (m.includes(":") ? m : `${m}:latest`);
  return norm(a) === norm(b);
}

/**
 * ollama-js sends no signal on non-streaming calls and drops response headers on errors, so every
 * request goes through this fetch: it carries the deadline's signal and turns a non-2xx answer into a
 * classified ProviderError (keeping Retry-After) before the client sees it.
 */
function fetchFor(d: Deadline, where: string): typeof fetch {
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await fetch(input, { ...init, signal: d.signal });
    if (!res.ok) {
      const body = await res.text().catch(() => "");
      throw statusError(where, res.status, errorDetail(body) || res.statusText, res.headers);
    }
    return res;
  };
  return wrapped as typeof fetch;
}

/** A ModelProvider for one ollama rung. The API key (if any) comes from env[rung.apiKeyEnv]. */
export function ollamaProvider(rung: Rung, env: Env = {}): ModelProvider {
  const host = rung.host;
  if (!host) throw new ConfigError(`ollama rung ${rung.model} has no host`);
  const key = rung.apiKeyEnv ? env[rung.apiKeyEnv] : undefined;
  const headers: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};
  const where = `ollama ${rung.model} at ${host}`;
  const client = (d: Deadline) => new Ollama({ host, headers, fetch: fetchFor(d, where) });

  return {
    rung,
    local: isLoopbackUrl(host),
    async chat(req: ChatRequest): Promise<ChatResult> {
      const { value, latencyMs } = await timedRequest(rung.timeoutMs, req.signal, where, async (d) => {
        const res = await client(d).chat({
          model: rung.model,
          messages: [
            { role: "system", content: req.system },
            { role: "user", content: req.user },
          ],
          stream: false,
          ...(req.json ? { format: "json" } : {}),
          ...(rung.think !== undefined ? { think: rung.think } : {}),
        });
        const content = (res as { message?: { content?: unknown } } | undefined)?.message?.content;
        if (typeof content !== "string") throw new ProviderError("server", `${where}: malformed response (no message.content)`);
        return { text: content, tokens: { prompt: res.prompt_eval_count ?? 0, completion: res.eval_count ?? 0 } };
      });
      return { ...value, latencyMs };
    },
    probe(timeoutMs: number) {
      return probeListing({
        endpoint: host,
        model: rung.model,
        timeoutMs,
        matches: sameOllamaModel,
        list: async (d) => ((await client(d).list())?.models ?? []).map((m) => m.name ?? m.model).filter((n): n is string => typeof n === "string"),
      });
    },
  };
}
