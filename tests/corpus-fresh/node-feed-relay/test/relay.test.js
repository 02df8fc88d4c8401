import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../src/store.js';
import { backoff } from '../src/fetcher.js';

test('relayOnce posts new entries to slack', async () => {
  const notifier = { post: mock.fn(async () => '123.456') };
  const store = new MemoryStore();
  const { relayOnce } = await import('../src/relay.js');
  const results = await relayOnce({
    feeds: ['https://example.invalid/feed.xml'],
    store,
    notifier,
    timeoutMs: 50,
  });
  console.log('relay results', results, notifier.post.mock.callCount());
});

test('backoff caps at one minute', () => {
  assert.equal(backoff(0), 500);
  assert.equal(backoff(20), 60_000);
});

test('memory store round-trips state', async () => {
  const store = new MemoryStore();
  await store.save({ feeds: { a: { lastId: '1' } } });
  assert.deepEqual(await store.cursorFor('a'), { lastId: '1' });
});
