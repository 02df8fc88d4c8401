// Fire-and-forget outcome events to the observer: a down observer costs at most one short timeout.

export interface ObserverEvent {
  /** "scrum" for a sweep's reviewed file, "audit" for an audited message. */
  source: "scrum" | "audit";
  timestamp: string;
  endpoint: string;
  input_summary: string;
  success: boolean;
  duration_ms: number;
  output_summary: string;
  error: string | null;
  file?: string;
  iter?: number;
  score?: number | null;
  model?: string | null;
}

export class ObserverClient {
  private pending = new Set<Promise<void>>();
  sent = 0;
  failed = 0;
  /** Once the observer has failed, stop trying for the rest of the run: one timeout, not one per file. */
  private down = false;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    /** The observer's API key when one is set (required when it binds a non-loopback address). */
    private readonly apiKey?: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  post(event: ObserverEvent): void {
    if (this.down) { this.failed++; return; }
    // `<url>/event`, keeping any path prefix the observer is mounted under.
    const p = this.fetchImpl(`${this.url.replace(/\/+$/, "")}/event`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.apiKey ? { "x-api-key": this.apiKey } : {}) },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
      .then((r) => { if (r.ok) this.sent++; else this.failed++; return r.body?.cancel(); })
      .catch(() => { this.failed++; this.down = true; })
      .then(() => { this.pending.delete(p); });
    this.pending.add(p);
  }

  /** Wait for in-flight posts (each bounded by the timeout). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
