// The one colour definition the web UI and `scrum report` share: signals, tiers, the score scale, series
// and the chart neutrals for light and dark themes. Data only, plus the pure helpers both sides need.

/** Trajectory signals (config `signals.order` names them; MIXED is the fallback). White text reads on each. */
export const SIGNAL_COLOURS: Record<string, string> = {
  NEW: "#5f6368",
  CONVERGING: "#1e7b34",
  REGRESSING: "#b3261e",
  LOOPING: "#a34a00",
  ORBITING: "#7b3fa0",
  PLATEAU: "#1f5f99",
  MIXED: "#59606b",
};

/** Permission tiers, least to most restricted. */
export const TIER_COLOURS: Record<string, string> = { auto: "#1e7b34", dry_run: "#1f5f99", sim: "#8a5300", block: "#b3261e" };

/** Score 0-10, bad to good: stops interpolated in RGB (scoreColour). */
export const SCORE_STOPS: readonly [number, string][] = [[0, "#b3261e"], [3, "#b84a0e"], [5, "#8a6100"], [7, "#4f7a12"], [10, "#1e7b34"]];

/** Unscored (a failed review) and unknown values. */
export const NO_VALUE = "#6b6f76";

/** Categorical series (models, iterations): distinct hues, each dark enough for white text. */
export const SERIES = ["#2456b3", "#b3261e", "#1e7b34", "#8a5300", "#6d3ab0", "#0a6d80", "#a8246b", "#4f7a12", "#4a5568", "#b84a0e"];

/** The same series lightened for lines and marks on the dark theme's background. */
export const SERIES_DARK = ["#8ab4ff", "#ff8a80", "#7fd18f", "#f0b45a", "#c4a2f5", "#5ccfe0", "#f28cc0", "#b3d66b", "#a9b4c4", "#ff9e66"];

/** Page and chart neutrals per theme (prefers-color-scheme). */
export const THEMES = {
  light: { bg: "#f6f6f4", fg: "#1b1b1f", muted: "#595960", line: "#d9d9de", card: "#ffffff", head: "#ececf0", axis: "#55555c", grid: "#e3e3e8", accent: "#2456b3", focus: "#1a56db", hover: "#eef3ff", good: "#1e6b30", error: "#a4161a" },
  dark: { bg: "#151518", fg: "#e9e9ec", muted: "#a6a6ae", line: "#36363d", card: "#1e1e23", head: "#2a2a31", axis: "#b4b4bc", grid: "#33333a", accent: "#8ab4ff", focus: "#8ab4ff", hover: "#262c3b", good: "#7fd18f", error: "#ff8a80" },
} as const;
export type Theme = keyof typeof THEMES;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const hex = (c: number[]) => "#" + c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

/** The colour of a score (null: unscored). */
export function scoreColour(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return NO_VALUE;
  const v = Math.max(0, Math.min(10, x));
  const i = SCORE_STOPS.findIndex(([at]) => at >= v);
  if (i <= 0) return SCORE_STOPS[0]![1];
  const [a, ca] = SCORE_STOPS[i - 1]!, [b, cb] = SCORE_STOPS[i]!;
  const t = (v - a) / (b - a);
  const A = rgb(ca), B = rgb(cb);
  return hex(A.map((c, k) => c + (B[k]! - c) * t));
}

/** The n-th categorical colour. */
export const seriesColour = (i: number) => SERIES[((i % SERIES.length) + SERIES.length) % SERIES.length]!;

/** WCAG relative luminance and contrast ratio: tests hold every fill to 4.5:1 against its text. */
export function luminance(hexColour: string): number {
  const [r, g, b] = rgb(hexColour).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** Black or white, whichever reads better on `fill`. */
export const textOn = (fill: string) => (contrast(fill, "#ffffff") >= contrast(fill, "#111111") ? "#ffffff" : "#111111");

/** The palette as CSS custom properties: light by default, dark under prefers-color-scheme. */
export function paletteCss(): string {
  const series = (t: Theme) => (t === "dark" ? SERIES_DARK : SERIES).map((c, i) => `--series-${i}:${c};`).join("");
  const vars = (t: Theme) => Object.entries(THEMES[t]).map(([k, v]) => `--${k}:${v};`).join("") + series(t);
  const fixed = [
    ...Object.entries(SIGNAL_COLOURS).map(([k, v]) => `--signal-${k}:${v};`),
    ...Object.entries(TIER_COLOURS).map(([k, v]) => `--tier-${k}:${v};`),
    `--no-value:${NO_VALUE};`,
  ].join("");
  return `:root{color-scheme:light dark;${vars("light")}${fixed}}\n@media (prefers-color-scheme: dark){:root{${vars("dark")}}}\n`;
}

/** The palette as an ES module for the browser: data only, plus a 0.1-step score table (no second definition). */
export function paletteModule(): string {
  const scores = Array.from({ length: 101 }, (_, i) => scoreColour(i / 10));
  const data = { SIGNAL_COLOURS, TIER_COLOURS, NO_VALUE, SERIES, THEMES, SCORES: scores };
  return `// Generated from pipeline/core/palette.ts: edit there.\nexport const PALETTE = ${JSON.stringify(data)};\n`;
}
