import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed, FeedParseError } from '../src/parse.js';

const atom = readFileSync(new URL('./fixtures/atom.xml', import.meta.url), 'utf8');

test('parses the sample Atom feed without throwing', () => {
  // parseFeed throws FeedParseError on anything it cannot handle
  parseFeed(atom);
});

test('extracts entry ids and links', () => {
  const { title, entries } = parseFeed(atom);
  assert.equal(title, 'Acme Engineering');
  assert.deepEqual(
    entries.map((e) => e.link),
    ['https://acme.io/blog/http3', 'https://acme.io/blog/queue-backlog'],
  );
});

test('rejects HTML pages', () => {
  assert.throws(() => parseFeed('<html><body>nope</body></html>'), FeedParseError);
});
