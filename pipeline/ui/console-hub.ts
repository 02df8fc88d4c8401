// CONSOLE's live feed: follows the observer's /ops/stream (reconnecting with Last-Event-ID after the observer
// restarts or the connection drops) and the running sweep's progress (sweep-progress.ts), and fans both out to
// every browser connected to /api/console/stream. It runs only while someone is watching.
import { readSse } from "../core/sse";
import type { SweepProgress } from "./sweep-progress";

export type ObserverStatus = { state: "none" | "connecting" | "up" | "down"; url: string | null; reason: string | null; since: string };

/** What a browser receives: ops (numbered, replayable), and the latest status and progress on change. */
export type ConsoleEvent =
  | { kind: "op"; id: number; op: Record<string, unknown> }
  | { kind: "gap"; id: number; missed: number }
  | { kind: "status"; status: ObserverStatus }
  | { kind: "progress"; progress: SweepProgress | null };

export interface ConsoleHubOptions {
  observerUrl?: string;
  apiKey?: string;
  fetch: typeof fetch;
  /** The KB's sweep progress (ProgressTail.poll). */
  progress: () => SweepProgress | null;
  pollMs?: number;
  /** First reconnect delay; it doubles up to maxRetryMs while the observer stays down. */
  retryMs?: number;
  maxRetryMs?: number;
  /** No bytes (not even a heartbeat) for this long: the connection is dead, reconnect. */
  silenceMs?: number;
  now?: () => Date;
}

/** Ops kept for browsers that connect (or reconnect) late. */
const RING = 500;

export class ConsoleHub {
  private subs = new Set<(e: ConsoleEvent) => void>();
  private ring: ({ kind: "op"; id: number; op: Record<string, unknown> } | { kind: "gap"; id: number; missed: number })[] = [];
  private nextId = 1;
  /** The observer's sequence of the last op relayed; "0" at first, so the observer replays its ring. */
  private lastSeq = "0";
  private replaying = true;
  private status: ObserverStatus;
  private progress: SweepProgress | null = null;
  private progressText = "";
  private running = false;
  /** Bumped on every start: a follow loop from an earlier start sees it and ends. */
  private gen = 0;
  private abort: AbortController | null = null;
  private poller: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly o: ConsoleHubOptions) {
    const now = (o.now ?? (() => new Date()))().toISOString();
    this.status = o.observerUrl
      ? { state: "connecting", url: o.observerUrl.replace(/\/+$/, ""), reason: null, since: now }
      : { state: "none", url: null, reason: "no observer configured (--observer URL, config observer.url or SCRUM_OBSERVER_URL)", since: now };
  }

  /** Follow the feed; `lastId` (a browser's Last-Event-ID) replays the ops after it. Returns the unsubscribe. */
  subscribe(fn: (e: ConsoleEvent) => void, lastId?: number): () => void {
    fn({ kind: "status", status: this.status });
    this.pollProgress(true, fn);
    const from = lastId !== undefined && Number.isInteger(lastId) ? lastId : this.nextId - 51;
    for (const e of this.ring) if (e.id > from) fn(e);
    this.subs.add(fn);
    this.start();
    return () => {
      this.subs.delete(fn);
      if (!this.subs.size) this.stop();
    };
  }

  private emit(e: ConsoleEvent): void {
    if (e.kind === "op" || e.kind === "gap") {
      this.ring.push(e);
      if (this.ring.length > RING) this.ring.shift();
    }
    for (const s of this.subs) s(e);
  }

  private setStatus(state: ObserverStatus["state"], reason: string | null): void {
    if (this.status.state === state && this.status.reason === reason) return;
    this.status = { state, url: this.status.url, reason, since: (this.o.now ?? (() => new Date()))().toISOString() };
    this.emit({ kind: "status", status: this.status });
  }

  private pollProgress(force = false, only?: (e: ConsoleEvent) => void): void {
    let p: SweepProgress | null;
    try {
      p = this.o.progress();
    } catch {
      return;
    }
    const text = JSON.stringify(p);
    if (text === this.progressText && !force) return;
    this.progressText = text;
    this.progress = p;
    if (only) only({ kind: "progress", progress: p });
    else this.emit({ kind: "progress", progress: p });
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    this.poller = setInterval(() => this.pollProgress(), this.o.pollMs ?? 1000);
    if (this.status.url) void this.follow(++this.gen);
  }

  /** Stop following (the last browser left, or the server is stopping). */
  stop(): void {
    this.running = false;
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    this.abort?.abort();
  }

  private async follow(gen: number): Promise<void> {
    let delay = this.o.retryMs ?? 500;
    const mine = () => this.running && this.gen === gen;
    while (mine()) {
      const ctl = new AbortController();
      this.abort = ctl;
      let silence: ReturnType<typeof setTimeout> | undefined;
      const alive = () => {
        clearTimeout(silence);
        silence = setTimeout(() => ctl.abort(new Error("no heartbeat")), this.o.silenceMs ?? 15_000);
      };
      try {
        const headers: Record<string, string> = { accept: "text/event-stream" };
        headers["last-event-id"] = this.lastSeq;
        if (this.o.apiKey) headers["x-api-key"] = this.o.apiKey;
        alive();
        const res = await this.o.fetch(`${this.status.url}/ops/stream`, { headers, signal: ctl.signal });
        if (!res.ok || !res.body) {
          await res.body?.cancel();
          this.setStatus("down", res.status === 404 ? "observer has no /ops/stream (an older observer)" : `observer answered HTTP ${res.status}`);
        } else {
          this.setStatus("up", null);
          delay = this.o.retryMs ?? 500;
          await readSse(res.body, (e) => this.onUpstream(e), alive);
          // Older ops than the ring were never "missed" on the first connection: only later gaps are news.
          this.replaying = false;
          if (mine()) this.setStatus("down", "the observer closed the stream (stopped or restarting)");
        }
      } catch (e) {
        if (!mine()) break;
        const err = e as Error & { code?: string };
        this.setStatus("down", `observer unreachable: ${err.code ?? err.message.split("\n")[0]}`);
      } finally {
        clearTimeout(silence);
      }
      if (!mine()) break;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, this.o.maxRetryMs ?? 5000);
    }
    if (this.gen === gen && !this.running) this.setStatus("connecting", null);
  }

  private onUpstream(e: { id?: string; event: string; data: string }): void {
    if (e.event === "op") {
      if (e.id !== undefined) this.lastSeq = e.id;
      try {
        this.emit({ kind: "op", id: this.nextId++, op: { seq: Number(e.id), ...JSON.parse(e.data) } });
      } catch { /* a malformed line from the observer is not an op */ }
    } else if (e.event === "gap" && !this.replaying) {
      const missed = Number((JSON.parse(e.data) as { missed?: number }).missed ?? 0);
      this.emit({ kind: "gap", id: this.nextId++, missed });
    }
  }
}
