#!/usr/bin/env node
'use strict';

const { execFile } = require('child_process');
const path = require('path');

const BACKUP_DIR = '/home/deploy/notes-backups';
const target = path.join(BACKUP_DIR, new Date().toISOString().slice(0, 10) + '.sql');

execFile('pg_dump', ['--file', target, 'notes'], function (err) {
  if (err) {
    console.error('backup failed:', err.message);
    process.exitCode = 1;
    return;
  }
  console.log('backup written to', target);
});
