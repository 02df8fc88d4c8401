import { fetchFeed, FeedFetchError } from './fetcher.js';
import { parseFeed } from './parse.js';
import { formatEntry } from './notify.js';

const log = (level, msg, extra = {}) =>
  console[level === 'error' ? 'error' : 'log'](JSON.stringify({ level, msg, ...extra }));

/**
 * Polls each configured feed once and posts unseen entries.
 * Returns per-feed results so the scheduler can back off failing feeds.
 */
export async function relayOnce({ feeds, store, notifier, timeoutMs }) {
  const state = await store.load();
  state.feeds ??= {};

  const results = await Promise.allSettled(
    feeds.map(async (url) => {
      const cursor = state.feeds[url] ?? { lastId: null };
      const res = await fetchFeed(url, { timeoutMs, etag: cursor.etag });
      if (res.notModified) return { url, posted: 0 };

      const feed = parseFeed(res.body);
      const fresh = [];
      for (const entry of feed.entries) {
        if (entry.id === cursor.lastId) break;
        fresh.push(entry);
      }
      for (const entry of fresh.reverse()) {
        await notifier.post(formatEntry(feed.title, entry));
      }
      state.feeds[url] = { lastId: feed.entries[0]?.id ?? cursor.lastId, etag: res.etag };
      return { url, posted: fresh.length };
    }),
  );

  try {
    await store.save(state);
  } catch {
    // best effort: we'll just re-post on the next run if this fails
  }

  return results.map((r, i) => {
    if (r.status === 'fulfilled') return r.value;
    const err = r.reason;
    log('error', 'feed failed', {
      url: feeds[i],
      status: err instanceof FeedFetchError ? err.status : undefined,
      error: err.message,
    });
    return { url: feeds[i], error: err.message };
  });
}
