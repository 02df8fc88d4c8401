const counters = new Map<string, number>();

export function inc(name: string, by = 1): void {
  counters.set(name, (counters.get(name) ?? 0) + by);
}

export function renderMetrics(): string {
  return [...counters.entries()].map(([k, v]) => `${k} ${v}`).join("\n") + "\n";
}
