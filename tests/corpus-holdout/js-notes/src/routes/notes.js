'use strict';

const express = require('express');
const { authenticate, authorize } = require('../middleware/auth');
const storage = require('../services/storage');
const { sendDigest } = require('../services/mailer');

const router = express.Router();

router.use(authenticate);

router.get('/', function (req, res, next) {
  storage.findNotes(req.user.sub, { limit: Number(req.query.limit) || 20 }, function (err, notes) {
    if (err) return next(err);
    res.json(notes);
  });
});

router.post('/', function (req, res, next) {
  storage
    .saveNote({ owner: req.user.sub, body: req.body.body })
    .then((id) => res.status(201).json({ id }))
    .catch(next);
});

router.post('/digest', function (req, res) {
  sendDigest(req.user, req.body.notes || []);
  res.status(202).end();
});

router.delete('/:id', authorize('editor'), function (req, res, next) {
  Promise.resolve(storage.archiveNote(req.params.id))
    .then(() => res.status(204).end())
    .catch((err) => next(err));
});

router.get('/health', function (_req, res) {
  res.json({ ok: true });
});

module.exports = router;
