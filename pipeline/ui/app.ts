// The control plane's HTTP app as a pure fetch handler: static assets, JSON views, and guarded file reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../core/config";
import { KB_FILES, kbPaths } from "../kb/paths";
import { hasApiKey } from "../observer/auth";
import type { KbSnapshot } from "./kb-cache";
import type { ObserverFeed } from "./observer-feed";
import { resolveInside } from "./safe-path";
import { kbOptions, kbView, mapView, metricsView, signalsSafe, trajectoryView, traceView, type KbFilter } from "./views";

export interface UiAppDeps {
  /** The current KB snapshot (kbLoader): re-read only when the files change, with its views memoised. */
  loadKb: () => KbSnapshot;
  kbDir: string;
  repoDir: string;
  signals: Config["signals"];
  observer: () => Promise<ObserverFeed>;
  assetsDir?: string;
  /** Largest source file the TRACE view will show. */
  maxSourceBytes?: number;
  /** When set, every request needs it: x-api-key, Bearer, or Basic auth with the key as password (browsers prompt). */
  apiKey?: string;
  /** Host header check (server.ts passes hostGuard once the port is known); absent = any Host. */
  allowHost?: (host: string | null) => boolean;
}

const ASSETS: Record<string, string> = { "/": "index.html", "/assets/app.js": "app.js", "/assets/app.css": "app.css" };
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
const SECURITY = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const json = (body: unknown, status = 200, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...SECURITY, "content-type": "application/json; charset=utf-8", ...extra } });
/** A view memoised as its JSON text: a repeated request costs neither the computation nor the serialisation. */
const memoJson = (kb: KbSnapshot, key: string, compute: () => unknown) => text(kb.memo(`json:${key}`, () => JSON.stringify(compute())), "application/json; charset=utf-8");
const text = (body: string, type: string, status = 200) => new Response(body, { status, headers: { ...SECURITY, "content-type": type } });

function intParam(v: string | null, name: string, min: number, max: number): number | undefined {
  if (v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new BadParam(`${name} must be an integer ${min}-${max}`);
  return n;
}
class BadParam extends Error {}

export function createUiApp(deps: UiAppDeps): { fetch: (req: Request) => Promise<Response> } {
  const assetsDir = deps.assetsDir ?? join(import.meta.dir, "assets");
  const maxSource = deps.maxSourceBytes ?? 1 << 20;
  const cfg = deps.signals;
  const signalsOf = (kb: KbSnapshot) => kb.memo("signals", () => signalsSafe(kb.data.reviews, cfg));

  function source(q: URLSearchParams): Response {
    const rel = q.get("path") ?? "";
    // Only files the KB reviewed are shown, and only from inside the swept repository.
    if (!deps.loadKb().files.has(rel)) return json({ error: "not a reviewed file" }, 404);
    const p = resolveInside(deps.repoDir, rel);
    if (!p.ok) return json({ error: p.reason }, p.status);
    const buf = readFileSync(p.path);
    if (buf.length > maxSource) return json({ error: `file is larger than ${maxSource} bytes` }, 413);
    return json({ path: rel, text: buf.toString("utf8") });
  }

  function rawKb(q: URLSearchParams): Response {
    const name = q.get("name") ?? "";
    if (!(Object.values(KB_FILES) as string[]).includes(name)) return json({ error: `name must be one of ${Object.values(KB_FILES).join(", ")}` }, 404);
    const p = resolveInside(kbPaths(deps.kbDir).dir, name);
    if (!p.ok) return json({ error: p.reason }, p.status);
    // Streamed from disk: a KB of hundreds of MB never becomes one string.
    const file = Bun.file(p.path);
    return new Response(file, { headers: { ...SECURITY, "content-type": "application/x-ndjson; charset=utf-8", "content-length": String(file.size) } });
  }

  function trace(kb: KbSnapshot, file: string) {
    const byFile = kb.memo("by-file", () => {
      const m = new Map<string, KbSnapshot["data"]["reviews"]>();
      for (const r of kb.data.reviews) (m.get(r.file) ?? m.set(r.file, []).get(r.file)!).push(r);
      return m;
    });
    return kb.memo(`trace:${file}`, () => traceView({ reviews: byFile.get(file) ?? [], trust: kb.data.trust }, file, cfg));
  }

  async function route(url: URL): Promise<Response> {
    const q = url.searchParams;
    const asset = ASSETS[url.pathname];
    if (asset) return text(readFileSync(join(assetsDir, asset), "utf8"), TYPES[asset.split(".").pop()!]!);
    switch (url.pathname) {
      case "/api/map": {
        const kb = deps.loadKb();
        return memoJson(kb, "map", () => mapView(kb.data, cfg, signalsOf(kb)));
      }
      case "/api/trace": {
        const file = q.get("file");
        if (!file) return json({ error: "file is required" }, 400);
        const view = trace(deps.loadKb(), file);
        return view.iterations.length ? json(view) : json({ error: `no reviews of ${file} in the KB` }, 404);
      }
      case "/api/trajectory": {
        const kb = deps.loadKb();
        return memoJson(kb, "trajectory", () => trajectoryView(kb.data, cfg, signalsOf(kb)));
      }
      case "/api/metrics": {
        const opts = { from: intParam(q.get("from"), "from", 1, 1e9), to: intParam(q.get("to"), "to", 1, 1e9) };
        const kb = deps.loadKb();
        return memoJson(kb, `metrics:${opts.from}:${opts.to}`, () => metricsView(kb.data, opts));
      }
      case "/api/kb": {
        const f: KbFilter = {
          file: q.get("file") ?? undefined, iter: intParam(q.get("iter"), "iter", 1, 1e9), status: q.get("status") ?? undefined, verdict: q.get("verdict") ?? undefined,
          model: q.get("model") ?? undefined, tier: q.get("tier") ?? undefined, offset: intParam(q.get("offset"), "offset", 0, 1e9) ?? 0, limit: intParam(q.get("limit"), "limit", 1, 500) ?? 100,
        };
        const kb = deps.loadKb();
        return memoJson(kb, `kb:${JSON.stringify(f)}`, () => kbView(kb.data, f, kb.memo("kb-options", () => kbOptions(kb.data))));
      }
      case "/api/observer": return json(await deps.observer());
      case "/api/source": return source(q);
      case "/api/kb-file": return rawKb(q);
      case "/favicon.ico": return new Response(null, { status: 204, headers: SECURITY });
      default: return json({ error: `no route ${url.pathname}` }, 404);
    }
  }

  return {
    async fetch(req: Request): Promise<Response> {
      if (deps.allowHost && !deps.allowHost(req.headers.get("host"))) return json({ error: "unexpected Host header (this server answers to its own address only)" }, 421);
      if (deps.apiKey !== undefined && !hasApiKey(req, deps.apiKey)) return json({ error: "missing or wrong API key" }, 401, { "www-authenticate": 'Basic realm="scrum ui", charset="UTF-8"' });
      if (req.method !== "GET" && req.method !== "HEAD") return json({ error: "read-only: only GET" }, 405);
      try {
        return await route(new URL(req.url));
      } catch (e) {
        if (e instanceof BadParam) return json({ error: e.message }, 400);
        // Compare errors name missing iterations: a user's choice, shown as 400.
        if ((e as { code?: string }).code === "E_INPUT") return json({ error: (e as Error).message }, 400);
        return json({ error: `internal error: ${(e as Error).message.split("\n")[0]}` }, 500);
      }
    },
  };
}
