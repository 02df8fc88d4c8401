// The control plane's HTTP app as a pure fetch handler: static assets, JSON views answered from DuckDB, the
// live console stream, and guarded file reads.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../core/config";
import { paletteCss, paletteModule } from "../core/palette";
import { sseFrame, sseResponse } from "../core/sse";
import { KB_FILES, kbPaths } from "../kb/paths";
import { hasApiKey } from "../observer/auth";
import type { ConsoleEvent, ConsoleHub } from "./console-hub";
import { EDGE_FILES, type ImportEdges } from "./import-edges";
import { kbOptions, kbRow, kbView } from "./kb-view";
import { mapLevel } from "./map-view";
import { metricsSection, metricsView, SECTIONS } from "./metrics-view";
import type { ObserverFeed } from "./observer-feed";
import { BadParam, intParam, oneOf, textParam } from "./params";
import { resolveInside } from "./safe-path";
import type { SearchIndexer } from "./search-indexer";
import { SEARCH_CLASSES, SEARCH_KINDS, searchView } from "./search-view";
import { traceView } from "./trace-view";
import { TRAJECTORY_SORTS, trajectoryView } from "./trajectory-view";
import type { UiDb } from "./ui-db";

export interface UiAppDeps {
  db: UiDb;
  kbDir: string;
  repoDir: string;
  signals: Config["signals"];
  observer: () => Promise<ObserverFeed>;
  console: ConsoleHub;
  search: SearchIndexer;
  edges: ImportEdges;
  /** Whether the background warm-up is done (shown in /api/status). */
  warmed?: () => { tables: boolean; prefetched: boolean };
  assetsDir?: string;
  /** Largest source file the TRACE view will show. */
  maxSourceBytes?: number;
  /** When set, every request needs it: x-api-key, Bearer, or Basic auth with the key as password (browsers prompt). */
  apiKey?: string;
  /** Host header check (server.ts passes hostGuard once the port is known); absent = any Host. */
  allowHost?: (host: string | null) => boolean;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8", svg: "image/svg+xml",
};
const SECURITY = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const json = (body: unknown, status = 200, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...SECURITY, "content-type": "application/json; charset=utf-8", ...extra } });
const text = (body: string, type: string, status = 200) => new Response(body, { status, headers: { ...SECURITY, "content-type": type } });

/** Every file under the assets directory, by URL path (read once: the page cannot ask for anything else). */
function assetTable(dir: string): Map<string, string> {
  const out = new Map<string, string>([["/", join(dir, "index.html")]]);
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else if (TYPES[e.name.split(".").pop()!]) out.set(`/assets/${prefix}${e.name}`, join(d, e.name));
    }
  };
  walk(dir, "");
  return out;
}

type Range = { from?: number; to?: number };
const metricsKey = (o: Range) => `metrics:${o.from}:${o.to}`;
const sectionKey = (id: string, o: Range) => `metrics-section:${id}:${o.from}:${o.to}`;

/** Compute, in the background, the slowest answers a person is likely to ask for next: METRICS and its tables. */
export async function prefetchViews(db: UiDb, stopped: () => boolean): Promise<void> {
  await db.read(metricsKey({}), (c) => metricsView(c, {}));
  for (const s of SECTIONS.filter((x) => x.lazy)) if (!stopped()) await db.read(sectionKey(s.id, {}), (c) => metricsSection(c, s.id, {}));
}

export function createUiApp(deps: UiAppDeps): { fetch: (req: Request) => Promise<Response> } {
  const assets = assetTable(deps.assetsDir ?? join(import.meta.dir, "assets"));
  const maxSource = deps.maxSourceBytes ?? 1 << 20;
  const { db } = deps;
  const order = [...new Set([...deps.signals.order.map((o) => o.signal), "MIXED"])];
  const reviewed = (file: string) => db.read(`reviewed:${file}`, async (c) => {
    await c.need("ui_files");
    return (await c.q("SELECT 1 FROM ui_files WHERE file = $1", [file])).length > 0;
  });

  async function source(q: URLSearchParams): Promise<Response> {
    const rel = q.get("path") ?? "";
    // Only files the KB reviewed are shown, and only from inside the swept repository.
    if (!(await reviewed(rel))) return json({ error: "not a reviewed file" }, 404);
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

  async function edges(dir: string): Promise<Response> {
    const files = await db.read(`level-files:${dir}`, async (c) => {
      await c.need("ui_files");
      const rows = await c.q(`SELECT file FROM ui_files WHERE $1 = '' OR starts_with(file, $1 || '/') LIMIT ${EDGE_FILES + 1}`, [dir]);
      return rows.map((r) => String(r.file));
    });
    const set = new Set(files);
    const dirs = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join("/"))));
    return json({ dir, ...deps.edges.level(dir, files, { has: (p) => set.has(p), hasDir: (p) => dirs.has(p) }) });
  }

  function consoleStream(req: Request): Response {
    const last = Number(req.headers.get("last-event-id") ?? NaN);
    return sseResponse(req, (send) => deps.console.subscribe((e: ConsoleEvent) => {
      const id = e.kind === "op" || e.kind === "gap" ? String(e.id) : undefined;
      send(sseFrame({ id, event: e.kind, data: JSON.stringify(e) }));
    }, Number.isInteger(last) ? last : undefined));
  }

  async function route(req: Request, url: URL): Promise<Response> {
    const q = url.searchParams;
    const asset = assets.get(url.pathname);
    if (asset) return text(readFileSync(asset, "utf8"), TYPES[asset.split(".").pop()!]!);
    switch (url.pathname) {
      case "/assets/palette.js": return text(paletteModule(), TYPES.js!);
      case "/assets/palette.css": return text(paletteCss(), TYPES.css!);
      case "/api/status": return json({ kb: deps.kbDir, stamp: db.stamp, cache: db.kb.cache, search: deps.search.state(), warm: deps.warmed?.() ?? null });
      case "/api/map": {
        const dir = textParam(q, "dir", 4096) ?? "";
        const withSignals = q.get("signals") === "1";
        return json(await db.read(`map:${dir}:${withSignals}`, (c) => mapLevel(c, dir, withSignals)));
      }
      case "/api/map/edges": return edges(textParam(q, "dir", 4096) ?? "");
      case "/api/files": {
        const needle = textParam(q, "q", 512) ?? "";
        const limit = intParam(q, "limit", 1, 100) ?? 20;
        return json(await db.read(`files:${needle}:${limit}`, async (c) => {
          await c.need("ui_files");
          const rows = await c.q(`SELECT file FROM ui_files WHERE contains(lower(file), lower($1)) ORDER BY length(file), file LIMIT ${limit}`, [needle]);
          return rows.map((r) => r.file);
        }));
      }
      case "/api/trace": {
        const file = textParam(q, "file", 4096);
        if (!file) return json({ error: "file is required" }, 400);
        const before = intParam(q, "before", 1, 1e9);
        const view = await db.read(`trace:${file}:${before}`, (c) => traceView(c, file, before));
        // Whether /api/source can show it: a KB away from its repository should not cost the page a 404.
        const src = resolveInside(deps.repoDir, file);
        return view ? json({ ...view, source: src.ok ? null : src.reason }) : json({ error: `no reviews of ${file} in the KB` }, 404);
      }
      case "/api/trajectory": {
        const t = {
          signal: oneOf(q, "signal", order), sort: oneOf(q, "sort", TRAJECTORY_SORTS) ?? "signal",
          offset: intParam(q, "offset", 0, 1e9) ?? 0, limit: intParam(q, "limit", 1, 200) ?? 50,
        };
        return json(await db.read(`trajectory:${JSON.stringify(t)}`, (c) => trajectoryView(c, order, t)));
      }
      case "/api/metrics": {
        const opts = { from: intParam(q, "from", 1, 1e9), to: intParam(q, "to", 1, 1e9) };
        return json(await db.read(metricsKey(opts), (c) => metricsView(c, opts)));
      }
      case "/api/metrics/section": {
        const id = oneOf(q, "id", SECTIONS.map((s) => s.id)) ?? "";
        const opts = { from: intParam(q, "from", 1, 1e9), to: intParam(q, "to", 1, 1e9) };
        return json({ id, rows: await db.read(sectionKey(id, opts), (c) => metricsSection(c, id, opts)) });
      }
      case "/api/kb": {
        const f = {
          file: textParam(q, "file", 512), iter: intParam(q, "iter", 1, 1e9), status: textParam(q, "status", 64), verdict: textParam(q, "verdict", 64),
          model: textParam(q, "model", 256), tier: textParam(q, "tier", 64), offset: intParam(q, "offset", 0, 1e9) ?? 0, limit: intParam(q, "limit", 1, 500) ?? 50,
        };
        return json(await db.read(`kb:${JSON.stringify(f)}`, (c) => kbView(c, f)));
      }
      case "/api/kb/row": {
        const key = { repo: textParam(q, "repo", 4096) ?? "", iter: intParam(q, "iter", 1, 1e9) ?? 0, file: textParam(q, "file", 4096) ?? "", chunk: intParam(q, "chunk", 1, 1e6) ?? 1 };
        const row = await db.read(`row:${JSON.stringify(key)}`, (c) => kbRow(c, key));
        return row ? json(row) : json({ error: "no such row" }, 404);
      }
      case "/api/search": {
        const s = {
          text: textParam(q, "q", 512) ?? "", iter: intParam(q, "iter", 1, 1e9), kind: oneOf(q, "kind", SEARCH_KINDS), class: oneOf(q, "class", SEARCH_CLASSES),
          tier: textParam(q, "tier", 64), model: textParam(q, "model", 256), offset: intParam(q, "offset", 0, 1e6) ?? 0, limit: intParam(q, "limit", 1, 200) ?? 25,
        };
        const index = deps.search.ready();
        const found = await db.read(`search:${index.length}:${JSON.stringify(s)}`, (c) => searchView(c, index, s));
        const options = await db.read("kb-options", kbOptions);
        return json({ ...found, index: deps.search.state(), options: { kind: SEARCH_KINDS, class: SEARCH_CLASSES, iter: options.iter, tier: options.tier, model: options.model } });
      }
      case "/api/observer": return json(await deps.observer());
      case "/api/console/stream": return consoleStream(req);
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
        return await route(req, new URL(req.url));
      } catch (e) {
        if (e instanceof BadParam) return json({ error: e.message }, 400);
        // Compare errors name missing iterations: a user's choice, shown as 400.
        if ((e as { code?: string }).code === "E_INPUT") return json({ error: (e as Error).message }, 400);
        return json({ error: `internal error: ${(e as Error).message.split("\n")[0]}` }, 500);
      }
    },
  };
}
