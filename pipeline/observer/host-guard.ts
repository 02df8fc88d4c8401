// DNS-rebinding guard: a loopback-bound server answers only to Host names that mean this machine and port.
import { isLoopbackHost } from "./auth";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

const bracket = (h: string) => (h.includes(":") && !h.startsWith("[") ? `[${h}]` : h).toLowerCase();

/**
 * A check for the `Host` header. Bound to loopback, only localhost, 127.0.0.1, [::1] or the bind address
 * with the server's own port (or none, when it is 80) pass; a rebinding page's Host names its own domain.
 * Bound elsewhere the API key guards the server and any Host passes.
 */
export function hostGuard(bindHost: string, port: () => number): (host: string | null) => boolean {
  if (!isLoopbackHost(bindHost)) return () => true;
  const names = new Set([...LOOPBACK_NAMES, bracket(bindHost)]);
  return (host) => {
    if (!host) return false;
    let url: URL;
    try {
      url = new URL(`http://${host}`);
    } catch {
      return false;
    }
    if (url.username || url.password || url.pathname !== "/" || url.search) return false;
    const p = port();
    return names.has(url.hostname.toLowerCase()) && (url.port === String(p) || (url.port === "" && p === 80));
  };
}

/** True when a request's Origin, if it sends one, is the server's own (a cross-site page sends its own). */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  try {
    return origin === new URL(req.url).origin;
  } catch {
    return false;
  }
}
