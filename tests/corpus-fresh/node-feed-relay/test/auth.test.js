import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { requireBearer, verifyHubSignature } from '../src/auth.js';

function fakeRes() {
  return {
    status: null,
    writeHead(s) { this.status = s; },
    end() {},
  };
}

test('requireBearer blocks requests with a wrong token', async () => {
  const guard = requireBearer('s3cr3t');
  const handler = guard(async (_req, res) => res.writeHead(200));
  const res = fakeRes();
  await handler({ headers: { authorization: 'Bearer nope!!' } }, res);
  assert.equal(res.status, 401);
});

test('requireBearer passes the right token through', async () => {
  const handler = requireBearer('s3cr3t')(async (_req, res) => res.writeHead(200));
  const res = fakeRes();
  await handler({ headers: { authorization: 'Bearer s3cr3t' } }, res);
  assert.equal(res.status, 200);
});

test('verifyHubSignature accepts a correctly signed body', () => {
  const body = Buffer.from('{"zen":"Keep it logically awesome."}');
  const sig = 'sha256=' + createHmac('sha256', 'test-secret').update(body).digest('hex');
  assert.ok(verifyHubSignature('test-secret', body, sig));
  assert.ok(!verifyHubSignature('other-secret', body, sig));
});
