// Read a request body with a byte cap, so an oversized or endless body is refused without buffering it.

export type BodyResult = { ok: true; text: string } | { ok: false; status: 400 | 413; reason: string };

export async function readBody(req: Request, maxBytes: number): Promise<BodyResult> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, status: 413, reason: `body is ${declared} bytes; the limit is ${maxBytes}` };
  if (!req.body) return { ok: true, text: "" };
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {
        // The client may already be gone; the 413 below is the answer either way.
      });
      return { ok: false, status: 413, reason: `body exceeds the limit of ${maxBytes} bytes` };
    }
    parts.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(parts)) };
  } catch {
    return { ok: false, status: 400, reason: "body is not valid UTF-8" };
  }
}
