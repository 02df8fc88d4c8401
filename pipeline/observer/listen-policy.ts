// Who may listen where: loopback needs no key; any other address refuses to start without one.
import { ConfigError } from "../core/errors";
import { isLoopbackHost } from "./auth";

/** The API key to enforce (undefined = open), or a ConfigError when a non-loopback bind has none. */
export function apiKeyFor(host: string, env: Record<string, string | undefined>, envName: string): string | undefined {
  const key = env[envName]?.trim() || undefined;
  if (!key && !isLoopbackHost(host)) {
    throw new ConfigError(`refusing to bind ${host} without an API key`, `set ${envName}, or bind 127.0.0.1`);
  }
  return key;
}
