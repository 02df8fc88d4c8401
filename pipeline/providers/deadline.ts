// One request's abort signal: the rung's timeout combined with the caller's signal, and which one fired.
import { classifyFailure } from "./classify-failure";
import type { Deadline } from "./provider";

/** Start a deadline of timeoutMs, also tripped by `outer` (the sweep's cancel signal). */
export function deadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let fired = false;
  const onOuter = () => controller.abort(outer?.reason);
  const timer = setTimeout(() => {
    fired = true;
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener("abort", onOuter, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => fired && !outer?.aborted,
    aborted: () => outer?.aborted === true,
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
}

/**
 * Run one request under a deadline: the result with its latency, or the failure classified for the
 * ladder. Every backend's chat goes through here, so timing and classification stay the same.
 */
export async function timedRequest<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  where: string,
  run: (d: Deadline) => Promise<T>,
): Promise<{ value: T; latencyMs: number }> {
  const started = performance.now();
  const d = deadline(timeoutMs, outer);
  try {
    const value = await run(d);
    return { value, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    throw classifyFailure(err, where, d, timeoutMs);
  } finally {
    d.dispose();
  }
}
