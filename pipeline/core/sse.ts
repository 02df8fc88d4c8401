// Server-Sent Events both ways: a streaming Response (with heartbeats, and cleanup when the client goes) and
// a reader that turns a text/event-stream body back into events. Used by the observer's /ops/stream and by
// the UI, which relays it to browsers.

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** One event as wire text; `data` may hold newlines (each line gets its own `data:`). */
export function sseFrame(e: SseEvent): string {
  const data = e.data.split("\n").map((l) => `data: ${l}`).join("\n");
  return `${e.id !== undefined ? `id: ${e.id}\n` : ""}event: ${e.event}\n${data}\n\n`;
}

/** Comment lines keep proxies and Bun's idle timeout (10 s) from closing a quiet stream. */
export const HEARTBEAT_MS = 5_000;

/**
 * A text/event-stream Response. `start` gets `send` and `end` (the server ends the stream) and returns the
 * cleanup, called once when the stream ends: the client disconnects, a write fails, or `end` is called.
 */
export function sseResponse(req: Request, start: (send: (text: string) => void, end: () => void) => () => void, heartbeatMs = HEARTBEAT_MS): Response {
  const enc = new TextEncoder();
  let stopped = false;
  let cleanup = () => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(beat);
    cleanup();
  };
  let beat: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(ctl) {
      const send = (s: string) => {
        if (stopped) return;
        try {
          ctl.enqueue(enc.encode(s));
        } catch {
          stop();
        }
      };
      const end = () => {
        stop();
        try {
          ctl.close();
        } catch { /* already closed */ }
      };
      cleanup = start(send, end);
      beat = setInterval(() => send(": ping\n\n"), heartbeatMs);
      req.signal.addEventListener("abort", end, { once: true });
    },
    cancel: stop,
  });
  return new Response(body, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
}

/** Read events from a text/event-stream body until it ends; `onActivity` hears every chunk (heartbeats too). */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (e: SseEvent) => void, onActivity: () => void = () => {}): Promise<void> {
  const reader = body.getReader();
  const dec = new TextDecoder();
  let buf = "";
  let cur: { id?: string; event?: string; data: string[] } = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onActivity();
    buf += dec.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl).replace(/\r$/, "");
      buf = buf.slice(nl + 1);
      if (line === "") {
        if (cur.data.length || cur.event) onEvent({ id: cur.id, event: cur.event ?? "message", data: cur.data.join("\n") });
        cur = { data: [] };
      } else if (!line.startsWith(":")) {
        const i = line.indexOf(":");
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
        if (field === "data") cur.data.push(value);
        else if (field === "event") cur.event = value;
        else if (field === "id") cur.id = value;
      }
    }
  }
}
