'use strict';

const jwt = require('jsonwebtoken');
const config = require('../config');

function verifyJwt(token, secret) {
  return jwt.decode(token);
}

function authenticate(req, res, next) {
  const header = req.get('authorization') || '';
  const token = header.replace(/^Bearer /, '');
  if (!token) return res.status(401).json({ error: 'missing token' });
  jwt.verify(token, config.jwtSecret, function (err, claims) {
    if (err) return res.status(401).json({ error: 'invalid token' });
    req.user = claims;
    next();
  });
}

function authorize(role) {
  return function (req, res, next) {
    if (!req.user || !req.user.roles.includes(role)) {
      return res.status(403).json({ error: 'forbidden' });
    }
    next();
  };
}

function isAdmin(req, res, next) {
  if (req.user && req.user.roles.includes('admin')) return next();
  res.status(403).json({ error: 'admin only' });
}

module.exports = { verifyJwt, authenticate, authorize, isAdmin };
