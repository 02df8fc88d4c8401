// Query results as an aligned text table, CSV (RFC 4180 quoting) or a JSON array of row objects.
export type RowFormat = "table" | "json" | "csv";

const cell = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

export function formatRows(columns: string[], rows: Record<string, unknown>[], format: RowFormat): string {
  if (format === "json") return JSON.stringify(rows) + "\n";
  if (format === "csv") {
    const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [columns.map(q).join(","), ...rows.map((r) => columns.map((c) => q(cell(r[c]))).join(","))].join("\n") + "\n";
  }
  const body = rows.map((r) => columns.map((c) => cell(r[c]).replace(/\s+/g, " ")));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...body.map((b) => b[i]!.length))));
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + "…" : s.padEnd(w));
  const line = (cells: string[]) => cells.map((s, i) => fit(s, widths[i]!)).join("  ").trimEnd();
  const out = [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  return out.join("\n") + `\n(${rows.length} row${rows.length === 1 ? "" : "s"})\n`;
}
