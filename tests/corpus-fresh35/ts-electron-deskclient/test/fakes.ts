import type { Logger } from '../src/main/logger';

export const silentLog: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export class MemoryStore<T extends Record<string, unknown>> {
  readonly data = new Map<string, unknown>();

  constructor(defaults: Partial<T> = {}) {
    for (const [key, value] of Object.entries(defaults)) this.data.set(key, value);
  }

  get<K extends keyof T & string>(key: K): T[K] {
    return this.data.get(key) as T[K];
  }

  set<K extends keyof T & string>(key: K, value: T[K]): void {
    this.data.set(key, value);
  }

  has(key: keyof T & string): boolean {
    return this.data.has(key);
  }

  delete(key: keyof T & string): void {
    this.data.delete(key);
  }

  get store(): T {
    return Object.fromEntries(this.data) as T;
  }
}

export function frameEvent(url: string) {
  return { senderFrame: { url } };
}
