// Circuit breakers per endpoint: a dead endpoint costs a few connection attempts, then none for the run.

export class CircuitBoard {
  private failures = new Map<string, number>();
  private open = new Set<string>();
  constructor(private readonly threshold: number) {}

  isOpen(key: string): boolean {
    return this.open.has(key);
  }

  /** Count a connection failure; returns true when this one opened the circuit. */
  connectionFailed(key: string): boolean {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    if (n >= this.threshold && !this.open.has(key)) {
      this.open.add(key);
      return true;
    }
    return false;
  }

  /** Any answer from the endpoint proves it is alive. */
  succeeded(key: string): void {
    this.failures.set(key, 0);
  }

  openKeys(): string[] {
    return [...this.open];
  }
}

/** Circuits are per endpoint (host or base URL), since a dead host is dead for every model on it. */
export function endpointKey(rung: { provider: string; host?: string; baseURL?: string }): string {
  return `${rung.provider}:${rung.host ?? rung.baseURL ?? "-"}`;
}
