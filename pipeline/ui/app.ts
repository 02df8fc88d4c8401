// The control plane's HTTP app as a pure fetch handler: static assets, JSON views, and guarded file reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../core/config";
import { KB_FILES, kbPaths } from "../kb/paths";
import type { ObserverFeed } from "./observer-feed";
import { resolveInside } from "./safe-path";
import { kbView, mapView, metricsView, trajectoryView, traceView, type KbData } from "./views";

export interface UiAppDeps {
  loadKb: () => KbData;
  kbDir: string;
  repoDir: string;
  signals: Config["signals"];
  observer: () => Promise<ObserverFeed>;
  assetsDir?: string;
  /** Largest source file the TRACE view will show. */
  maxSourceBytes?: number;
}

const ASSETS: Record<string, string> = { "/": "index.html", "/assets/app.js": "app.js", "/assets/app.css": "app.css" };
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
const SECURITY = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { ...SECURITY, "content-type": "application/json; charset=utf-8" } });
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

  function source(q: URLSearchParams): Response {
    const rel = q.get("path") ?? "";
    // Only files the KB reviewed are shown, and only from inside the swept repository.
    if (!deps.loadKb().reviews.some((r) => r.file === rel)) return json({ error: "not a reviewed file" }, 404);
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
    return text(readFileSync(p.path, "utf8"), "application/x-ndjson; charset=utf-8");
  }

  async function route(url: URL): Promise<Response> {
    const q = url.searchParams;
    const asset = ASSETS[url.pathname];
    if (asset) return text(readFileSync(join(assetsDir, asset), "utf8"), TYPES[asset.split(".").pop()!]!);
    switch (url.pathname) {
      case "/api/map": return json(mapView(deps.loadKb(), deps.signals));
      case "/api/trace": {
        const file = q.get("file");
        if (!file) return json({ error: "file is required" }, 400);
        const view = traceView(deps.loadKb(), file, deps.signals);
        return view.iterations.length ? json(view) : json({ error: `no reviews of ${file} in the KB` }, 404);
      }
      case "/api/trajectory": return json(trajectoryView(deps.loadKb(), deps.signals));
      case "/api/metrics": return json(metricsView(deps.loadKb(), { from: intParam(q.get("from"), "from", 1, 1e9), to: intParam(q.get("to"), "to", 1, 1e9) }));
      case "/api/kb":
        return json(kbView(deps.loadKb(), {
          file: q.get("file") ?? undefined, iter: intParam(q.get("iter"), "iter", 1, 1e9), status: q.get("status") ?? undefined, verdict: q.get("verdict") ?? undefined,
          model: q.get("model") ?? undefined, tier: q.get("tier") ?? undefined, offset: intParam(q.get("offset"), "offset", 0, 1e9) ?? 0, limit: intParam(q.get("limit"), "limit", 1, 500) ?? 100,
        }));
      case "/api/observer": return json(await deps.observer());
      case "/api/source": return source(q);
      case "/api/kb-file": return rawKb(q);
      case "/favicon.ico": return new Response(null, { status: 204, headers: SECURITY });
      default: return json({ error: `no route ${url.pathname}` }, 404);
    }
  }

  return {
    async fetch(req: Request): Promise<Response> {
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
