// A scriptable local model server that speaks the real Ollama and OpenAI HTTP protocols, for tests and benches.
//
// Protocol coverage (one port serves both, as a real Ollama does):
//   Ollama  GET  /                      "Ollama is running"
//           GET  /api/version           {"version": "..."}
//           GET  /api/tags              {"models": [{name, model, modified_at, size, digest, details}]}
//           POST /api/chat              stream defaults to true like the real server: NDJSON lines
//                                       {model, created_at, message:{role, content[, thinking]}, done:false}
//                                       then a done:true line with done_reason, durations (ns),
//                                       prompt_eval_count and eval_count; stream:false → one JSON object.
//                                       Errors are {"error": "..."}; an unknown model is a 404.
//   OpenAI  GET  /v1/models             {"object":"list","data":[{id, object:"model", ...}]}
//           POST /v1/chat/completions   non-streaming chat.completion with usage; stream:true → SSE
//                                       chat.completion.chunk events (role chunk, content chunks, a
//                                       finish_reason chunk, a usage chunk with choices:[] when
//                                       stream_options.include_usage) and `data: [DONE]`.
//                                       Errors are {"error": {message, type, param, code}}.
//   With `apiKey`, every route wants `Authorization: Bearer <apiKey>` and answers 401 otherwise.
//
// Scripting API:
//   const server = await startModelServer({ script: (req) => Reply, delayMs?, models?, apiKey? });
//   const server = await startModelServer({ perModel: { m1: [reply, reply], m2: [reply] } }); // last repeats,
//                                                                    // other models are a 404
//   server.url ("http://127.0.0.1:PORT"), server.port, server.requests (every request, in order), server.stop()
// A chat request seen by the script: { protocol, model, messages, stream, json, think, headers, body, n, nModel }
// where n counts chat requests (1-based) and nModel counts them per model.
// A Reply is one of:
//   { text, thinking?, tokens?, delayMs?, chunkDelayMs? }   an answer (token counts estimated unless given)
//   { status, body?, headers?, delayMs? }                   an HTTP error; body defaults to the protocol's
//                                                           error shape, headers e.g. { "retry-after": "2" }
//   { hang: true }                                          never answers (the client must time out)
//   { reset: true, delayMs? }                               TCP RST on the client's connection, no response
//   { garbage: true | string, delayMs? }                    200 with a body that is not the protocol
//   { stall: true, text }                                   headers and half the body, then silence
// Delays are per reply (`delayMs`) or for every chat reply (option `delayMs`). `modelsReply` applies a
// fault (status/hang/reset/garbage) to the model-listing routes instead of listing.
// Connections pass through a node:net front (reset-front.ts) so a reset is a real TCP RST.
import { countTokens, promptTokens, type Completion } from "./model-server/completion";
import { startResetFront } from "./model-server/reset-front";
import { ollamaChat, ollamaError, ollamaTags, ollamaVersion } from "./model-server/wire-ollama";
import { openaiChat, openaiError, openaiModels } from "./model-server/wire-openai";

export type Protocol = "ollama" | "openai";

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ScriptRequest {
  protocol: Protocol;
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  /** Ollama format:"json" (or a schema) / OpenAI response_format json_object or json_schema. */
  json: boolean;
  think?: boolean;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  n: number;
  nModel: number;
}

export type TextReply = { text: string; thinking?: string; tokens?: { prompt?: number; completion?: number }; delayMs?: number; chunkDelayMs?: number };
export type StatusReply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };
export type FaultReply = { hang: true } | { reset: true; delayMs?: number } | { garbage: true | string; delayMs?: number };
export type StallReply = { stall: true; text: string; delayMs?: number };
export type Reply = TextReply | StatusReply | FaultReply | StallReply;

export interface ModelServerOptions {
  script?: (req: ScriptRequest) => Reply | Promise<Reply>;
  perModel?: Record<string, Reply[]>;
  /** Wait before every chat reply (a per-reply delayMs wins). */
  delayMs?: number;
  /** Models listed by /api/tags and /v1/models; when given, chat with any other model is a 404. */
  models?: string[];
  /** Require this bearer token on every route. */
  apiKey?: string;
  /** A fault for the listing routes (probe tests). */
  modelsReply?: StatusReply | FaultReply;
}

export interface RequestRecord {
  protocol: Protocol | "other";
  method: string;
  path: string;
  model?: string;
  stream?: boolean;
  json?: boolean;
  time: number;
  headers: Record<string, string>;
  body?: unknown;
  /** What the server did: "text", "status:429", "hang", "reset", "garbage", "stall", "list", ... */
  outcome?: string;
}

export interface ModelServer {
  url: string;
  port: number;
  requests: RequestRecord[];
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GARBAGE = "\u0000<html><body>502 upstream sent something</body></html>{\"model\":";

/** Start the server on 127.0.0.1 with an OS-chosen port. */
export async function startModelServer(opts: ModelServerOptions = {}): Promise<ModelServer> {
  const requests: RequestRecord[] = [];
  const queues = new Map(Object.entries(opts.perModel ?? {}).map(([m, q]) => [m, [...q]]));
  const listed = opts.models ?? [...queues.keys()];
  const enforceModels = opts.models !== undefined || opts.perModel !== undefined;
  const perModelCount = new Map<string, number>();
  const pending = new Set<() => void>();
  let chats = 0;

  const waitForever = (signal: AbortSignal) =>
    new Promise<Response>((resolve) => {
      const done = () => {
        pending.delete(done);
        resolve(new Response(null, { status: 499 }));
      };
      pending.add(done);
      signal.addEventListener("abort", done, { once: true });
    });

  const errorFor = (protocol: Protocol | "other", status: number, message: string, headers?: Record<string, string>) =>
    protocol === "openai" ? openaiError(status, message, headers) : ollamaError(status, message, headers);

  /** Apply a non-text reply; returns undefined for text replies. */
  async function fault(reply: Reply, protocol: Protocol | "other", req: Request, rec: RequestRecord, stream: boolean): Promise<Response | undefined> {
    if ("hang" in reply) {
      rec.outcome = "hang";
      return waitForever(req.signal);
    }
    if (reply.delayMs ?? opts.delayMs) await sleep(reply.delayMs ?? opts.delayMs ?? 0);
    if ("reset" in reply) {
      rec.outcome = "reset";
      const addr = backend.requestIP(req);
      if (!addr || !front.reset(addr.port)) throw new Error("model-server: no connection to reset");
      return new Response(null, { status: 499 });
    }
    if ("garbage" in reply) {
      rec.outcome = "garbage";
      const text = reply.garbage === true ? GARBAGE : reply.garbage;
      const type = !stream ? "application/json" : protocol === "openai" ? "text/event-stream" : "application/x-ndjson";
      return new Response(protocol === "openai" && stream ? `data: ${text}\n\n` : text + "\n", { headers: { "content-type": type } });
    }
    if ("status" in reply) {
      rec.outcome = `status:${reply.status}`;
      if (reply.body === undefined) return errorFor(protocol, reply.status, `scripted status ${reply.status}`, reply.headers);
      const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      return new Response(body, { status: reply.status, headers: { "content-type": "application/json", ...reply.headers } });
    }
    return undefined;
  }

  function nextReply(sreq: ScriptRequest): Reply | Promise<Reply> {
    const queue = queues.get(sreq.model);
    if (queue) return queue.length > 1 ? queue.shift()! : queue[0]!;
    if (opts.script) return opts.script(sreq);
    return { text: "ok" };
  }

  async function chat(protocol: Protocol, req: Request, rec: RequestRecord): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = (await req.json()) as Record<string, unknown>;
    } catch {
      rec.outcome = "status:400";
      return errorFor(protocol, 400, "invalid character in request body: not JSON");
    }
    rec.body = body;
    const model = typeof body.model === "string" ? body.model : "";
    const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
    const stream = protocol === "ollama" ? body.stream !== false : body.stream === true;
    const format = protocol === "ollama" ? body.format : (body.response_format as { type?: string } | undefined)?.type;
    const json = format === "json" || format === "json_object" || format === "json_schema" || (typeof format === "object" && format !== null);
    Object.assign(rec, { model, stream, json });
    if (!model) {
      rec.outcome = "status:400";
      return errorFor(protocol, 400, "model is required");
    }
    if (enforceModels && !listed.some((m) => sameModel(m, model))) {
      rec.outcome = "status:404";
      return protocol === "openai"
        ? openaiError(404, `The model \`${model}\` does not exist or you do not have access to it.`)
        : ollamaError(404, `model "${model}" not found, try pulling it first`);
    }
    const nModel = (perModelCount.get(model) ?? 0) + 1;
    perModelCount.set(model, nModel);
    const sreq: ScriptRequest = { protocol, model, messages, stream, json, think: body.think as boolean | undefined, headers: rec.headers, body, n: ++chats, nModel };
    const reply = await nextReply(sreq);
    const faulted = await fault(reply, protocol, req, rec, stream);
    if (faulted) return faulted;
    const r = reply as TextReply | StallReply;
    const stall = "stall" in r;
    rec.outcome = stall ? "stall" : "text";
    const c: Completion = {
      model,
      text: r.text,
      thinking: "thinking" in r ? r.thinking : undefined,
      promptTokens: ("tokens" in r ? r.tokens?.prompt : undefined) ?? promptTokens(messages),
      completionTokens: ("tokens" in r ? r.tokens?.completion : undefined) ?? Math.max(1, countTokens(r.text)),
      stream,
      stall,
      chunkDelayMs: ("chunkDelayMs" in r ? r.chunkDelayMs : undefined) ?? 0,
    };
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    return protocol === "openai" ? openaiChat(c, includeUsage) : ollamaChat(c);
  }

  async function route(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const path = url.pathname;
    const protocol: Protocol | "other" = path.startsWith("/api/") || path === "/" ? "ollama" : path.startsWith("/v1/") ? "openai" : "other";
    const rec: RequestRecord = { protocol, method: req.method, path, time: Date.now(), headers: Object.fromEntries(req.headers) };
    requests.push(rec);
    if (opts.apiKey && req.headers.get("authorization") !== `Bearer ${opts.apiKey}`) {
      rec.outcome = "status:401";
      return errorFor(protocol, 401, protocol === "openai" ? "Incorrect API key provided." : "unauthorized");
    }
    const key = `${req.method} ${path}`;
    if (key === "POST /api/chat") return chat("ollama", req, rec);
    if (key === "POST /v1/chat/completions") return chat("openai", req, rec);
    if (key === "GET /api/tags" || key === "GET /v1/models") {
      if (opts.modelsReply) return (await fault(opts.modelsReply, protocol, req, rec, false))!;
      rec.outcome = "list";
      return protocol === "openai" ? openaiModels(listed) : ollamaTags(listed);
    }
    rec.outcome = "info";
    if (key === "GET /api/version") return ollamaVersion();
    if (key === "GET /") return new Response("Ollama is running", { headers: { "content-type": "text/plain; charset=utf-8" } });
    rec.outcome = "status:404";
    return new Response("404 page not found", { status: 404, headers: { "content-type": "text/plain" } });
  }

  const backend = Bun.serve({ hostname: "127.0.0.1", port: 0, idleTimeout: 0, fetch: route });
  const front = await startResetFront(backend.port!);
  return {
    url: `http://127.0.0.1:${front.port}`,
    port: front.port,
    requests,
    async stop() {
      for (const release of [...pending]) release();
      await front.stop();
      await backend.stop(true);
    },
  };
}

/** Ollama treats "name" and "name:latest" as the same model. */
export function sameModel(a: string, b: string): boolean {
  const norm = (m: string) => (m.includes(":") ? m : `${m}:latest`);
  return norm(a) === norm(b);
}
