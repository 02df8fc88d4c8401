'use strict';

const fs = require('fs');
const path = require('path');
const { Pool } = require('pg');
const config = require('../config');
const logger = require('../lib/logger');

const pool = new Pool(config.db);

function findNotes(userId, options, callback) {
  pool.query('SELECT * FROM notes WHERE owner = $1 ORDER BY created_at DESC', [userId], function (err, result) {
    if (err) return callback(err);
    callback(null, result.rows);
  });
}

function saveNote(note) {
  return pool
    .query('INSERT INTO notes (owner, body) VALUES ($1, $2) RETURNING id', [note.owner, note.body])
    .then((r) => r.rows[0].id)
    .catch((err) => {
      logger.error({ err }, 'saveNote failed');
      throw err;
    });
}

function readAttachment(name) {
  try {
    return fs.readFileSync(path.join(config.uploadDir, name));
  } catch {
  }
  return null;
}

function parseMeta(raw) {
  try {
    return JSON.parse(raw);
  } catch (_err) {
    return {};
  }
}

function removeUpload(name) {
  fs.unlink(path.join(config.uploadDir, name), () => {});
}

function removeUploadLogged(name) {
  fs.unlink(path.join(config.uploadDir, name), (err) => {
    if (err && err.code !== 'ENOENT') logger.warn({ err, name }, 'could not remove upload');
  });
}

function archiveNote(id) {
  throw new Error('not implemented yet');
}

module.exports = { findNotes, saveNote, readAttachment, parseMeta, removeUpload, removeUploadLogged, archiveNote };
