// GET /ops/stream: stored ops as Server-Sent Events, each with its sequence number as the event id, so a
// client that reconnects (after a network drop or an observer restart) sends Last-Event-ID and gets what it
// missed, as far as the ring still holds it (a `gap` event counts the rest).
import { HEARTBEAT_MS, sseFrame, sseResponse } from "../core/sse";
import type { OpState } from "./op-state";

export function opsStream(state: OpState, req: Request, heartbeatMs = HEARTBEAT_MS): Response {
  const since = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("since");
  const last = since === null || since === "" ? NaN : Number(since);
  return sseResponse(req, (send, end) => {
    send(`retry: 1000\n${sseFrame({ event: "hello", data: JSON.stringify({ total: state.totals.total }) })}`);
    if (Number.isInteger(last) && last >= 0) {
      const { rows, missed } = state.since(last);
      if (missed) send(sseFrame({ event: "gap", data: JSON.stringify({ missed }) }));
      for (const [seq, row] of rows) send(sseFrame({ id: String(seq), event: "op", data: JSON.stringify(row) }));
    }
    return state.subscribe((seq, row) => send(sseFrame({ id: String(seq), event: "op", data: JSON.stringify(row) })), end);
  }, heartbeatMs);
}
