import { request } from 'undici';

const USER_AGENT = 'feed-relay/1.3 (+https://github.com/acme/feed-relay)';

export class FeedFetchError extends Error {
  constructor(url, status, cause) {
    super(`failed to fetch ${url}: ${status ?? cause?.message}`);
    this.name = 'FeedFetchError';
    this.url = url;
    this.status = status;
    this.cause = cause;
  }
}

/**
 * Fetches a feed, honouring conditional GET.
 *
 * @param {string} url
 * @param {{ timeoutMs?: number, etag?: string }} [options]
 * @returns {Promise<{ notModified: boolean, body?: string, etag?: string }>}
 */
export async function fetchFeed(url, { timeoutMs = 10_000, etag } = {}) {
  const headers = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml' };
  if (etag) headers['if-none-match'] = etag;

  let res;
  try {
    res = await request(url, { method: 'GET', headers, maxRedirections: 3 });
  } catch (err) {
    throw new FeedFetchError(url, undefined, err);
  }

  if (res.statusCode === 304) {
    await res.body.dump();
    return { notModified: true, etag };
  }
  if (res.statusCode >= 400) {
    await res.body.dump();
    throw new FeedFetchError(url, res.statusCode);
  }
  return { notModified: false, body: await res.body.text(), etag: res.headers.etag };
}

/**
 * Exponential backoff used between polling failures.
 * The second argument exists so this can be passed straight to p-retry's
 * `onFailedAttempt` style callbacks; jitter is applied by the scheduler instead.
 */
export function backoff(attempt, _jitter) {
  return Math.min(60_000, 500 * 2 ** attempt);
}
