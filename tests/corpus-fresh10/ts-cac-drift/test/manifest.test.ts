import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {signManifest, verifyManifest, type Manifest} from '../src/manifest.js';

const KEY = 'test-signing-key-not-secret';

const base: Manifest = {
  package: 'web-dist',
  version: '1.2.3',
  createdAt: '2024-04-02T10:00:00.000Z',
  entries: [
    {path: 'index.html', size: 512, sha256: 'a'.repeat(64)},
    {path: 'assets/app.js', size: 20480, sha256: 'b'.repeat(64)},
  ],
};

test('signature round-trips', () => {
  const signed = signManifest(base, KEY);
  assert.type(signed.signature, 'string');
  verifyManifest(signed, KEY);
});

test('entry order does not change the signature', () => {
  const a = signManifest(base, KEY);
  const b = signManifest({...base, entries: [...base.entries].reverse()}, KEY);
  assert.is(a.signature, b.signature);
});

test('tampered manifest is rejected', () => {
  const signed = signManifest(base, KEY);
  signed.entries[0].size = 1;
  assert.throws(() => verifyManifest(signed, KEY), /signature mismatch/);
});

test('unsigned manifest is rejected', () => {
  assert.throws(() => verifyManifest(base, KEY), /unsigned/);
});

test.run();
