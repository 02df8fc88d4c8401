// A validated rung of either protocol pointing at a model server, for provider tests.
import { Rung } from "../../pipeline/core/config";

export type Protocol = "ollama" | "openai";
export const PROTOCOLS: Protocol[] = ["ollama", "openai"];

/** Parse through the real schema so tests see the same defaults a config file would get. */
export function rungFor(protocol: Protocol, url: string, extra: Partial<Rung> = {}): Rung {
  const endpoint = protocol === "ollama" ? { host: url } : { baseURL: `${url}/v1` };
  return Rung.parse({ provider: protocol, model: "m1", timeoutMs: 300, ...endpoint, ...extra });
}
