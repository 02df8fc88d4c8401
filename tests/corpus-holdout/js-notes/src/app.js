#!/usr/bin/env node
'use strict';

const express = require('express');
const https = require('https');
const config = require('./config');
const notes = require('./routes/notes');
const { isValidWebhook, isValidCallback } = require('./lib/signature');

const app = express();
app.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }));
app.use('/notes', notes);

app.post('/hooks/github', function (req, res) {
  if (!isValidWebhook(req, process.env.GITHUB_WEBHOOK_SECRET)) return res.status(401).end();
  res.status(204).end();
});

app.post('/hooks/billing', function (req, res) {
  if (!isValidCallback(req, process.env.BILLING_SECRET)) return res.status(401).end();
  res.status(204).end();
});

const legacyAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
app.locals.legacyAgent = legacyAgent;

app.use(function (err, req, res, _next) {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

if (require.main === module) {
  app.listen(config.port, '127.0.0.1');
}

module.exports = app;
