// How many files and requests run at once, and which setting decided it. Files in flight follow
// --concurrency (else concurrency.files); each provider follows that figure up to an explicit
// concurrency.perProvider cap. A file's chunks and rungs run one after another, so a provider never has
// more requests in flight than there are files in flight.
import type { Config } from "../core/config";

export interface ProviderLimit { provider: string; limit: number; from: string }

export interface ConcurrencyPlan {
  files: number;
  files_from: "--concurrency" | "concurrency.files";
  providers: ProviderLimit[];
}

export function planConcurrency(flag: number | undefined, config: Config["concurrency"], providers: readonly string[]): ConcurrencyPlan {
  const files = Math.max(1, flag ?? config.files);
  const files_from = flag !== undefined ? "--concurrency" : "concurrency.files";
  const limits = [...new Set(providers)].filter((p) => p !== "static").map((provider): ProviderLimit => {
    const cap = config.perProvider[provider];
    return cap !== undefined && cap < files
      ? { provider, limit: cap, from: `concurrency.perProvider.${provider}` }
      : { provider, limit: files, from: files_from };
  });
  return { files, files_from, providers: limits };
}

/** "8 files in flight (--concurrency); ollama ≤ 8 requests (--concurrency), openai ≤ 2 (concurrency.perProvider.openai)" */
export function describeConcurrency(c: ConcurrencyPlan): string {
  const per = c.providers.map((p) => `${p.provider} ≤ ${p.limit} request${p.limit > 1 ? "s" : ""} (${p.from})`);
  return `${c.files} file${c.files > 1 ? "s" : ""} in flight (${c.files_from})${per.length ? `; ${per.join(", ")}` : ""}`;
}
