// Pick the backend for a rung. Adding a provider: one file exporting a builder, one line in BUILDERS
// (and its name in Rung.provider in core/config.ts).
import type { Rung } from "../core/config";
import { ConfigError } from "../core/errors";
import { ollamaProvider } from "./ollama";
import { openaiProvider } from "./openai";
import { isLoopbackUrl, type Env, type ModelProvider } from "./provider";

type Builder = (rung: Rung, env: Env) => ModelProvider;

const BUILDERS: Partial<Record<Rung["provider"], Builder>> = {
  ollama: ollamaProvider,
  openai: openaiProvider,
};

/** The endpoint a rung talks to, if it has one. */
export function rungEndpoint(rung: Rung): string | undefined {
  return rung.provider === "ollama" ? rung.host : rung.provider === "openai" ? rung.baseURL : undefined;
}

/** Build the provider for a model rung. The static rung has no provider: the ladder runs the rule floor itself. */
export function createProvider(rung: Rung, env: Env = {}): ModelProvider {
  if (rung.provider === "static") throw new ConfigError("the static rung has no model provider (the ladder runs the rule floor itself)");
  const build = BUILDERS[rung.provider];
  if (!build) throw new ConfigError(`unknown provider "${rung.provider}"`, `one of: ${Object.keys(BUILDERS).join(", ")}, static`);
  return build(rung, env);
}

/**
 * Whether a rung can be tried at all with this environment, without touching the network.
 * A named apiKeyEnv that is unset makes a remote rung unusable; a loopback endpoint needs no key.
 * A remote openai rung needs a key; a remote ollama host may be a keyless server on the LAN.
 */
export function rungConfigured(rung: Rung, env: Env = {}): { ok: boolean; reason?: string } {
  if (rung.provider === "static") return { ok: true };
  if (!BUILDERS[rung.provider]) return { ok: false, reason: `unknown provider "${rung.provider}"` };
  const endpoint = rungEndpoint(rung);
  if (!endpoint) return { ok: false, reason: `${rung.provider} rung ${rung.model} has no ${rung.provider === "ollama" ? "host" : "baseURL"}` };
  if (isLoopbackUrl(endpoint)) return { ok: true };
  if (rung.apiKeyEnv && !env[rung.apiKeyEnv]) return { ok: false, reason: `${rung.apiKeyEnv} is not set (needed for ${endpoint})` };
  if (rung.provider === "openai" && !rung.apiKeyEnv) return { ok: false, reason: `openai rung ${rung.model} at ${endpoint} names no apiKeyEnv` };
  return { ok: true };
}
