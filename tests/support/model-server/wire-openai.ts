// The OpenAI chat-completions protocol (v1/chat/completions incl. SSE streaming, v1/models).
import { chunkText, pieceStream, type Completion } from "./completion";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export function openaiModels(models: string[]) {
  return json({ object: "list", data: models.map((id) => ({ id, object: "model", created: 1_767_225_600, owned_by: "scrum-test" })) });
}

const errorType = (status: number) =>
  status === 401 ? "invalid_api_key" : status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";

/** OpenAI errors are `{"error": {message, type, param, code}}`. */
export const openaiError = (status: number, message: string, headers: Record<string, string> = {}) =>
  json({ error: { message, type: errorType(status), param: null, code: errorType(status) } }, status, headers);

let seq = 0;

export function openaiChat(c: Completion, includeUsage: boolean): Response {
  const id = `chatcmpl-${(++seq).toString(36).padStart(8, "0")}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = { prompt_tokens: c.promptTokens, completion_tokens: c.completionTokens, total_tokens: c.promptTokens + c.completionTokens };
  const head = { id, created, model: c.model, system_fingerprint: "fp_scrumtest" };
  if (!c.stream) {
    const body = JSON.stringify({
      ...head,
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: c.text, refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage,
    });
    if (!c.stall) return json(JSON.parse(body));
    const half = body.slice(0, Math.floor(body.length / 2));
    return new Response(pieceStream([half], { stall: true, chunkDelayMs: 0 }), { headers: { "content-type": "application/json" } });
  }
  const chunk = (delta: object, finish: string | null) => ({
    ...head,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const events = [
    chunk({ role: "assistant", content: "", refusal: null }, null),
    ...chunkText(c.text).map((piece) => chunk({ content: piece }, null)),
    chunk({}, "stop"),
    ...(includeUsage ? [{ ...head, object: "chat.completion.chunk", choices: [], usage }] : []),
  ].map((e) => `data: ${JSON.stringify(e)}\n\n`);
  events.push("data: [DONE]\n\n");
  return new Response(pieceStream(events, { stall: c.stall, chunkDelayMs: c.chunkDelayMs }), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
  });
}
