// The Ollama HTTP protocol (api/chat, api/tags, api/version), shaped as the real server sends it.
import { chunkText, pieceStream, type Completion } from "./completion";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

export const ollamaVersion = () => json({ version: "0.12.6" });

export function ollamaTags(models: string[]) {
  return json({
    models: models.map((name, i) => ({
      name,
      model: name,
      modified_at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      size: 4_683_087_332 + i,
      digest: (i + 1).toString(16).padStart(64, "a"),
      details: { parent_model: "", format: "gguf", family: "llama", families: ["llama"], parameter_size: "8.0B", quantization_level: "Q4_K_M" },
    })),
  });
}

/** Ollama errors are `{"error": "..."}` with the HTTP status. */
export const ollamaError = (status: number, message: string, headers: Record<string, string> = {}) => json({ error: message }, status, headers);

function stats(c: Completion) {
  const evalNs = c.completionTokens * 20_000_000;
  const promptNs = c.promptTokens * 2_000_000;
  return {
    done: true,
    done_reason: "stop",
    total_duration: evalNs + promptNs + 5_000_000,
    load_duration: 5_000_000,
    prompt_eval_count: c.promptTokens,
    prompt_eval_duration: promptNs,
    eval_count: c.completionTokens,
    eval_duration: evalNs,
  };
}

export function ollamaChat(c: Completion): Response {
  const created_at = new Date().toISOString();
  const message = (content: string, thinking?: string) => ({ role: "assistant", content, ...(thinking ? { thinking } : {}) });
  if (!c.stream) {
    const body = JSON.stringify({ model: c.model, created_at, message: message(c.text, c.thinking), ...stats(c) });
    if (!c.stall) return json(JSON.parse(body));
    const half = body.slice(0, Math.floor(body.length / 2));
    return new Response(pieceStream([half], { stall: true, chunkDelayMs: 0 }), { headers: { "content-type": "application/json; charset=utf-8" } });
  }
  const lines = [
    ...(c.thinking ? [{ model: c.model, created_at, message: message("", c.thinking), done: false }] : []),
    ...chunkText(c.text).map((piece) => ({ model: c.model, created_at, message: message(piece), done: false })),
    { model: c.model, created_at, message: message(""), ...stats(c) },
  ].map((o) => JSON.stringify(o) + "\n");
  return new Response(pieceStream(lines, { stall: c.stall, chunkDelayMs: c.chunkDelayMs }), {
    headers: { "content-type": "application/x-ndjson" },
  });
}
