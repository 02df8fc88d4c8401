// The observer's HTTP app as a pure fetch handler (Request → Response); server.ts owns the port.
import { hasApiKey } from "./auth";
import { ObserverEvent, toOpRow, type OpRow } from "./event";
import { sameOrigin } from "./host-guard";
import type { OpState } from "./op-state";
import { opsStream } from "./ops-stream";
import { readBody } from "./read-body";

export interface ObserverAppDeps {
  state: OpState;
  /** Durably store a row; resolves after the fsync that covers it. */
  append: (row: OpRow) => Promise<void>;
  maxBodyBytes: number;
  /** When set, every route but /health needs it. */
  apiKey?: string;
  now: () => Date;
  /** How many recent ops of each source /stats returns. */
  recentLimit?: number;
  /** Host header check (server.ts passes hostGuard once the port is known); absent = any Host. */
  allowHost?: (host: string | null) => boolean;
  /** Latest analyses and playbook entries for /stats (optional). */
  insights?: () => { analyses: unknown[]; playbooks: unknown[] };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

export function createObserverApp(deps: ObserverAppDeps): { fetch: (req: Request) => Promise<Response> } {
  const recentLimit = deps.recentLimit ?? 50;

  async function postEvent(req: Request): Promise<Response> {
    // A cross-site form or fetch can send text/plain without a preflight; JSON and our own Origin cannot be forged that way.
    if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) return json({ error: "content-type must be application/json" }, 415);
    if (!sameOrigin(req)) return json({ error: "cross-origin requests are refused" }, 403);
    const body = await readBody(req, deps.maxBodyBytes);
    if (!body.ok) return json({ error: body.reason }, body.status);
    let raw: unknown;
    try {
      raw = JSON.parse(body.text);
    } catch {
      return json({ error: "body is not valid JSON" }, 400);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return json({ error: "body must be a JSON object" }, 400);
    const parsed = ObserverEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? issue.path.join(".") : "(body)";
      return json({ error: `${where}: ${issue.message}`, issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) }, 400);
    }
    const row = toOpRow(parsed.data, deps.now());
    try {
      await deps.append(row);
    } catch (e) {
      return json({ error: `could not store the event: ${(e as Error).message}` }, 503);
    }
    return json({ ok: true, received_at: row.received_at });
  }

  function stats(): Response {
    const t = deps.state.totals;
    return json({
      total: t.total,
      successes: t.successes,
      failures: t.failures,
      by_source: t.by_source,
      ops_in_ring: deps.state.ring.size,
      recent: { scenario: deps.state.recent("scenario", recentLimit), scrum: deps.state.recent("scrum", recentLimit) },
      ...(deps.insights ? deps.insights() : {}),
    });
  }

  return {
    async fetch(req: Request): Promise<Response> {
      if (deps.allowHost && !deps.allowHost(req.headers.get("host"))) return json({ error: "unexpected Host header (this server answers to its own address only)" }, 421);
      const { pathname } = new URL(req.url);
      if (pathname === "/health") {
        if (req.method !== "GET" && req.method !== "HEAD") return json({ error: "method not allowed" }, 405);
        return json({ status: "ok", ops_in_ring: deps.state.ring.size });
      }
      if (deps.apiKey !== undefined && !hasApiKey(req, deps.apiKey)) return json({ error: "missing or wrong API key" }, 401);
      if (pathname === "/stats") return req.method === "GET" ? stats() : json({ error: "method not allowed" }, 405);
      if (pathname === "/ops/stream") return req.method === "GET" ? opsStream(deps.state, req) : json({ error: "method not allowed" }, 405);
      if (pathname === "/event") return req.method === "POST" ? postEvent(req) : json({ error: "method not allowed" }, 405);
      return json({ error: `no route ${pathname}` }, 404);
    },
  };
}
