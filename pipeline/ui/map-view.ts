// MAP: one directory level of the repository as treemap tiles, aggregated in SQL over ui_files (a row per file).
// Each tile carries every overlay's value (score, signal, tier, criticals, model), so switching overlays is free.
import type { DbContext, Row } from "./ui-db";

/** At most this many tiles per level; the rest are summed into `hidden`. */
export const MAX_TILES = 400;
/** Directory tiles show their own children inside (a second level): at most this many in all. */
export const MAX_CHILDREN = 1200;

/** A tile: a file's own values, a directory's mean score, summed criticals and most frequent other values. */
export interface MapChild {
  name: string;
  path: string;
  kind: "dir" | "file";
  files: number;
  /** Reviewed chunks in the latest iteration: the tile's area. */
  size: number;
  score: number | null;
  criticals: number;
  tier: string | null;
  model: string | null;
  signal: string | null;
}

/** A tile of the level itself: with its latest iteration, the split of each value, and its children inside. */
export interface MapTile extends MapChild {
  iter: number;
  /** Directories: how many files have each value. */
  tiers: Record<string, number>;
  models: Record<string, number>;
  signals: Record<string, number> | null;
  delta: number | null;
  /** Directories: their largest children (the rest are left out; open the directory to see them). */
  children: MapChild[];
}

export interface MapLevel {
  dir: string;
  tiles: MapTile[];
  hidden: { tiles: number; files: number };
  totals: { files: number; latest: number | null };
  /** Whether signal overlays are filled in (ui_signals ready). */
  signals: boolean;
}

const top = (h: Record<string, number>) => Object.entries(h).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
const hist = (v: unknown): Record<string, number> => (v ? JSON.parse(String(v)) : {});

function levelSql(withSignals: boolean): string {
  const sig = withSignals
    ? `, to_json(histogram(s.signal))::VARCHAR AS signals, any_value(s.delta) AS delta`
    : `, NULL AS signals, NULL AS delta`;
  return `WITH f AS (${LEVEL_FILES}), g AS (
      SELECT split_part(rest, '/', 1) AS name, position('/' IN rest) = 0 AS is_file,
        CAST(count(*) AS INTEGER) AS files, CAST(sum(f.chunks) AS INTEGER) AS size, avg(f.score) AS score,
        CAST(sum(f.criticals) AS INTEGER) AS criticals, max(f.iter) AS iter,
        to_json(histogram(f.tier))::VARCHAR AS tiers, to_json(histogram(coalesce(f.model, '(none)')))::VARCHAR AS models${sig}
      FROM f${withSignals ? " LEFT JOIN ui_signals s ON s.file = f.file" : ""} GROUP BY ALL
    )
    SELECT *, count(*) OVER () AS n_tiles, sum(files) OVER () AS n_files FROM g ORDER BY size DESC, name LIMIT ${MAX_TILES}`;
}

const LEVEL_FILES = `SELECT u.*, CASE WHEN $1 = '' THEN u.file ELSE substr(u.file, length($1) + 2) END AS rest
      FROM ui_files u WHERE $1 = '' OR starts_with(u.file, $1 || '/')`;

/** The children of each directory tile: grouped on the second path segment below the level. */
function childrenSql(withSignals: boolean, perTile: number): string {
  return `WITH f AS (${LEVEL_FILES}), g AS (
      SELECT split_part(rest, '/', 1) AS name, split_part(rest, '/', 2) AS sub, length(rest) - length(replace(rest, '/', '')) = 1 AS is_file,
        CAST(count(*) AS INTEGER) AS files, CAST(sum(f.chunks) AS INTEGER) AS size, avg(f.score) AS score, CAST(sum(f.criticals) AS INTEGER) AS criticals,
        mode(f.tier) AS tier, mode(f.model) AS model, ${withSignals ? "mode(s.signal)" : "NULL"} AS signal
      FROM f${withSignals ? " LEFT JOIN ui_signals s ON s.file = f.file" : ""} WHERE position('/' IN rest) > 0 GROUP BY ALL
    )
    SELECT * FROM g QUALIFY row_number() OVER (PARTITION BY name ORDER BY size DESC, sub) <= ${perTile}`;
}

function tileOf(dir: string, r: Row, withSignals: boolean): MapTile {
  const name = String(r.name);
  const tiers = hist(r.tiers), models = hist(r.models);
  const signals = withSignals ? hist(r.signals) : null;
  const file = Boolean(r.is_file);
  const model = top(models);
  return {
    name, path: dir ? `${dir}/${name}` : name, kind: file ? "file" : "dir", files: Number(r.files), size: Number(r.size),
    score: r.score === null ? null : Number(r.score), criticals: Number(r.criticals), iter: Number(r.iter),
    tier: top(tiers), model: model === "(none)" ? null : model, signal: signals ? top(signals) : null,
    tiers, models, signals, delta: file && r.delta !== null && r.delta !== undefined ? Number(r.delta) : null, children: [],
  };
}

/**
 * The tiles directly under `dir` ('' = the root). A level holding a single directory opens it instead, so the
 * map starts where the repository branches.
 */
export async function mapLevel(ctx: DbContext, dir: string, withSignals: boolean): Promise<MapLevel> {
  await ctx.need("ui_files");
  if (withSignals) await ctx.need("ui_signals");
  const [t] = await ctx.q("SELECT CAST(count(*) AS INTEGER) AS files, max(iter) AS latest FROM ui_files");
  let at = dir.replace(/^\/+|\/+$/g, "");
  for (let depth = 0; depth < 64; depth++) {
    const rows = await ctx.q(levelSql(withSignals), [at]);
    const tiles = rows.map((r) => tileOf(at, r, withSignals));
    if (tiles.length === 1 && tiles[0]!.kind === "dir") {
      at = tiles[0]!.path;
      continue;
    }
    const nTiles = Number(rows[0]?.n_tiles ?? 0), nFiles = Number(rows[0]?.n_files ?? 0);
    const dirs = tiles.filter((x) => x.kind === "dir");
    if (dirs.length) {
      const byName = new Map(dirs.map((x) => [x.name, x]));
      for (const r of await ctx.q(childrenSql(withSignals, Math.max(4, Math.floor(MAX_CHILDREN / dirs.length))), [at])) {
        const parent = byName.get(String(r.name));
        if (!parent) continue;
        parent.children.push({
          name: String(r.sub), path: `${parent.path}/${r.sub}`, kind: r.is_file ? "file" : "dir", files: Number(r.files), size: Number(r.size),
          score: r.score === null ? null : Number(r.score), criticals: Number(r.criticals), tier: (r.tier as string | null) ?? null,
          model: (r.model as string | null) ?? null, signal: (r.signal as string | null) ?? null,
        });
      }
    }
    return {
      dir: at, tiles, signals: withSignals,
      hidden: { tiles: Math.max(0, nTiles - tiles.length), files: nFiles - tiles.reduce((a, x) => a + x.files, 0) },
      totals: { files: Number(t?.files ?? 0), latest: t?.latest === null || t?.latest === undefined ? null : Number(t.latest) },
    };
  }
  throw new Error("map: directory nesting deeper than 64 levels");
}
