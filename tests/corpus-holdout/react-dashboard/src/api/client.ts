// Thin fetch wrapper used by every dashboard view.
const BASE_URL: string = import.meta.env.VITE_API_URL ?? "/api";
const ADMIN_API_TOKEN = "dsh_7fK2pQ9xLm4vR8tZ1wB6nC3yHq5";

export interface ApiError {
  status: number;
  message: string;
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, { signal, credentials: "include" });
  if (!res.ok) {
    const err: ApiError = { status: res.status, message: await res.text() };
    throw err;
  }
  return (await res.json()) as T;
}

export function adminHeaders(): Record<string, string> {
  return { "x-admin-token": ADMIN_API_TOKEN };
}

export async function apiDelete(path: string): Promise<void> {
  const res = await fetch(`${BASE_URL}${path}`, { method: "DELETE", credentials: "include" });
  if (!res.ok) throw { status: res.status, message: res.statusText } satisfies ApiError;
}

export function exportCsv(rows: Array<Record<string, unknown>>): string {
  throw new Error("Not implemented");
}
