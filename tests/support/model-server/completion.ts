// What a scripted text answer becomes on the wire, before a protocol shapes it: text, token counts, chunks.

export interface Completion {
  model: string;
  text: string;
  thinking?: string;
  promptTokens: number;
  completionTokens: number;
  stream: boolean;
  /** Headers and part of the body go out, then nothing more (a server that dies mid-answer). */
  stall: boolean;
  /** Wait between streamed chunks. */
  chunkDelayMs: number;
}

/** Rough tokenizer stand-in: ~4 characters a token, plus a few tokens of chat framing per message. */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

export function promptTokens(messages: { content?: unknown }[]): number {
  return messages.reduce((n, m) => n + 4 + countTokens(typeof m.content === "string" ? m.content : ""), 0);
}

/** Split an answer into word-sized pieces the way a streaming model would emit it. */
export function chunkText(text: string): string[] {
  const parts = text.match(/\s*\S+|\s+$/g) ?? [];
  return parts.length ? parts : [""];
}

const enc = new TextEncoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A byte stream from pieces. With stall, half the pieces go out and the stream then stays open until
 * the client goes away, so clients see headers and a partial body but never the end.
 */
export function pieceStream(pieces: string[], opts: { stall: boolean; chunkDelayMs: number }): ReadableStream<Uint8Array> {
  const limit = opts.stall ? Math.max(1, Math.floor(pieces.length / 2)) : pieces.length;
  let i = 0;
  let release: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i < limit) {
        if (i > 0 && opts.chunkDelayMs > 0) await sleep(opts.chunkDelayMs);
        controller.enqueue(enc.encode(pieces[i++]));
        return;
      }
      if (!opts.stall) return controller.close();
      await new Promise<void>((r) => (release = r));
    },
    cancel() {
      release?.();
    },
  });
}
