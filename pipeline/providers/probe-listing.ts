// The probe every backend shares: list the endpoint's models within a deadline and say whether the
// rung's model is among them. Never throws: every failure becomes a one-line reason.
import { classifyFailure, oneLine } from "./classify-failure";
import { deadline } from "./deadline";
import type { Deadline } from "./provider";
import { notServedReason } from "./provider";

export async function probeListing(opts: {
  endpoint: string;
  model: string;
  timeoutMs: number;
  list: (d: Deadline) => Promise<string[]>;
  matches?: (listed: string, model: string) => boolean;
}): Promise<{ ok: boolean; reason?: string }> {
  const d = deadline(opts.timeoutMs);
  try {
    const names = await opts.list(d);
    const same = opts.matches ?? ((a, b) => a === b);
    if (names.some((n) => same(n, opts.model))) return { ok: true };
    return { ok: false, reason: notServedReason(opts.model, opts.endpoint, names) };
  } catch (err) {
    return { ok: false, reason: oneLine(classifyFailure(err, `probe ${opts.endpoint}`, d, opts.timeoutMs).message) };
  } finally {
    d.dispose();
  }
}
