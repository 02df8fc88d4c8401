'use strict';

const crypto = require('crypto');

function sign(payload, secret) {
  return crypto.createHmac('sha256', secret).update(payload).digest('hex');
}

// Used by the GitHub webhook receiver.
function isValidWebhook(req, secret) {
  const expected = 'sha256=' + sign(req.rawBody, secret);
  const given = req.get('x-hub-signature-256') || '';
  if (given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

// Used by the billing provider's callback.
function isValidCallback(req, secret) {
  const digest = sign(JSON.stringify(req.body), secret);
  return req.headers['x-billing-signature'] === digest;
}

function checkCsrf(req) {
  const token = req.body._csrf;
  if (token === undefined || typeof token !== 'string') return false;
  return token == req.session.csrfToken;
}

module.exports = { sign, isValidWebhook, isValidCallback, checkCsrf };
