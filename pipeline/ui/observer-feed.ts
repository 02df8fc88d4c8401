// Fetch the observer's /stats server-side for the EVENTS view; a down observer is a message, not an error.

export type ObserverFeed = { ok: true; url: string; stats: unknown } | { ok: false; url: string | null; reason: string };

export async function fetchObserverStats(url: string | undefined, opts: { fetch: typeof fetch; timeoutMs: number; apiKey?: string }): Promise<ObserverFeed> {
  if (!url) return { ok: false, url: null, reason: "no observer configured (--observer URL, config observer.url or SCRUM_OBSERVER_URL)" };
  const base = url.replace(/\/+$/, "");
  try {
    const res = await opts.fetch(`${base}/stats`, { headers: opts.apiKey ? { "x-api-key": opts.apiKey } : {}, signal: AbortSignal.timeout(opts.timeoutMs) });
    if (!res.ok) return { ok: false, url: base, reason: `observer answered HTTP ${res.status}` };
    return { ok: true, url: base, stats: await res.json() };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { ok: false, url: base, reason: `observer unreachable: ${err.name === "TimeoutError" ? `no answer within ${opts.timeoutMs} ms` : err.code ?? err.message.split("\n")[0]}` };
  }
}
