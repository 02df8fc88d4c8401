// OpenAI-compatible backend (OpenAI, vLLM, llama.cpp, LM Studio, Ollama's /v1) through the real openai client.
import OpenAI from "openai";
import type { Rung } from "../core/config";
import { ConfigError } from "../core/errors";
import { timedRequest } from "./deadline";
import { isLoopbackUrl, ProviderError, type Env, type ChatRequest, type ChatResult, type ModelProvider } from "./provider";
import { probeListing } from "./probe-listing";

/** Local servers ignore the key, but the client insists on one. */
const NO_KEY = "no-key";

/** A ModelProvider for one openai rung. The API key comes from env[rung.apiKeyEnv]. */
export function openaiProvider(rung: Rung, env: Env = {}): ModelProvider {
  const baseURL = rung.baseURL;
  if (!baseURL) throw new ConfigError(`openai rung ${rung.model} has no baseURL`);
  const key = rung.apiKeyEnv ? env[rung.apiKeyEnv] : undefined;
  // organization/project null: never pick up OPENAI_ORG_ID / OPENAI_PROJECT_ID from the process env.
  const client = new OpenAI({ baseURL, apiKey: key || NO_KEY, organization: null, project: null, maxRetries: 0, timeout: rung.timeoutMs });
  const where = `openai ${rung.model} at ${baseURL}`;

  return {
    rung,
    local: isLoopbackUrl(baseURL),
    async chat(req: ChatRequest): Promise<ChatResult> {
      // The client's own timeout stops at the response headers; the deadline also covers the body.
      const { value, latencyMs } = await timedRequest(rung.timeoutMs, req.signal, where, async (d) => {
        const res = await client.chat.completions.create(
          {
            model: rung.model,
            messages: [
              { role: "system", content: req.system },
              { role: "user", content: req.user },
            ],
            ...(req.json ? { response_format: { type: "json_object" as const } } : {}),
          },
          { signal: d.signal, timeout: rung.timeoutMs, maxRetries: 0 },
        );
        // A non-JSON body comes back as a string, a foreign JSON shape without choices.
        if (!res || typeof res !== "object" || !Array.isArray(res.choices)) {
          throw new ProviderError("server", `${where}: malformed response (no choices)`);
        }
        const content = res.choices[0]?.message?.content;
        return { text: typeof content === "string" ? content : "", tokens: { prompt: res.usage?.prompt_tokens ?? 0, completion: res.usage?.completion_tokens ?? 0 } };
      });
      return { ...value, latencyMs };
    },
    probe(timeoutMs: number) {
      return probeListing({
        endpoint: baseURL,
        model: rung.model,
        timeoutMs,
        list: async (d) => {
          const page = await client.models.list({ signal: d.signal, timeout: timeoutMs, maxRetries: 0 });
          return (Array.isArray(page?.data) ? page.data : []).map((m) => m.id);
        },
      });
    },
  };
}
