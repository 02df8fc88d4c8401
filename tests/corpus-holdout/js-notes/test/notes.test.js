'use strict';

const assert = require('assert');
const { expect } = require('chai');
require('should');
const request = require('supertest');
const storage = require('../src/services/storage');
const { sign, checkCsrf } = require('../src/lib/signature');

const JWT_SECRET = 'test-secret';

describe('storage.parseMeta', function () {
  it('parses JSON metadata', function () {
    assert.deepStrictEqual(storage.parseMeta('{"a":1}'), { a: 1 });
  });

  it('falls back to an empty object', function () {
    storage.parseMeta('not json').should.eql({});
  });
});

describe('signature', function () {
  it('signs deterministically', function () {
    expect(sign('x', JWT_SECRET)).to.equal(sign('x', JWT_SECRET));
  });

  it('accepts a matching csrf token', function () {
    const req = { body: { _csrf: 'abc' }, session: { csrfToken: 'abc' } };
    checkCsrf(req);
  });
});

describe('GET /notes/health', function () {
  it('answers ok', function (done) {
    const app = require('../src/app');
    request(app).get('/notes/health').set('authorization', 'Bearer x').expect(401, done);
  });

  it('rejects missing tokens', async function () {
    const app = require('../src/app');
    const res = await request(app).get('/notes');
    expectStatus(res, 401);
  });
});

function expectStatus(res, code) {
  expect(res.status).to.equal(code);
}
