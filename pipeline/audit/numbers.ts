// Numbers as written in a claim, with their precision: "4.00" claims two decimals, "3" claims a whole
// number, "52k" claims thousands. A figure is compared after rounding it to the precision written.

export interface Written {
  /** As typed, e.g. "4.00", "1,234", "52k". */
  text: string;
  value: number;
  /** Decimal places written: 2 for "4.00", 0 for "3", -3 for "52k", -5 for "1.2M" (hundreds of thousands). */
  decimals: number;
}

/** A number token: 4, 4.00, 1,234 (thousands separators), with an optional k/M suffix (52k, 1.2M). */
export const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
export const NUM_SUFFIXED = String.raw`(?:${NUM})(?:\s?[kKM](?![A-Za-z]))?`;

/** Parse a number token; null when it is not one. */
export function parseWritten(text: string): Written | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?([kKM])?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? "";
  const base = Number(`${m[1]!.replace(/,/g, "")}${frac ? "." + frac : ""}`);
  const scale = m[3] ? (m[3] === "M" ? 6 : 3) : 0;
  return { text: text.trim(), value: base * 10 ** scale, decimals: frac.length - scale };
}

/** Round half away from zero at `decimals` places (negative: tens, hundreds, thousands...). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // round6 first, so 4.0 - 3.0 noise and binary fractions (2.675) round as written in decimal.
  const y = Math.round(x * 1e6) / 1e6 * f;
  return (Math.sign(y) * Math.round(Math.abs(y) + 1e-7)) / f;
}

/** Whether an actual figure, rounded to the precision written, is the written number. */
export function sameAsWritten(actual: number, w: Written): boolean {
  return Math.abs(roundTo(actual, w.decimals) - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value));
}

/** The actual figure shown at the precision written (for evidence text). */
export function showAt(actual: number, w: Written): string {
  if (w.decimals >= 0) return roundTo(actual, w.decimals).toFixed(w.decimals);
  const unit = w.decimals <= -6 ? "M" : "k";
  const div = unit === "M" ? 1e6 : 1e3;
  return `${roundTo(actual, w.decimals) / div}${unit}`;
}

/** Arrows and words that join a before and an after value: "3 → 6", "3 -> 6", "3→6", "3 to 6". */
export const ARROW = String.raw`(?:→|->|⟶|⇒|=>|\bto\b)`;
