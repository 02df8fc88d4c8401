// The provider-ladder call the analyzer uses; the implementation is the lead's pipeline/ladder/complete.ts.
import type { Rung } from "../core/config";

export type CompleteResult = { ok: true; text: string; provider: string; model: string } | { ok: false; reasons: string[] };
export type CompleteRequest = { system: string; user: string; json?: boolean; signal?: AbortSignal };
export type CompleteFn = (
  rungs: Rung[],
  req: CompleteRequest,
  env: Record<string, string | undefined>,
  /** Per-rung request by locality (loopback or not), so a remote rung gets the redacted prompt. */
  opts?: { prepare?: (local: boolean) => Promise<CompleteRequest> },
) => Promise<CompleteResult>;

/** Load completeOnLadder lazily; when the module is missing the observer runs offline and says why. */
export async function loadCompleteOnLadder(): Promise<{ complete?: CompleteFn; reason?: string }> {
  try {
    const mod = (await import("../ladder/complete")) as { completeOnLadder?: CompleteFn };
    if (typeof mod.completeOnLadder === "function") return { complete: mod.completeOnLadder };
    return { reason: "pipeline/ladder/complete.ts exports no completeOnLadder" };
  } catch (e) {
    return { reason: `model ladder unavailable (${(e as Error).message.split("\n")[0]})` };
  }
}

/** True when no rung could answer a model request (all static). */
export const offlineOnly = (rungs: readonly Rung[]) => rungs.every((r) => r.provider === "static");
