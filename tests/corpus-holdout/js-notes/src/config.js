'use strict';

const path = require('path');

const env = process.env.NODE_ENV || 'development';

module.exports = {
  env,
  port: Number(process.env.PORT) || 3000,
  db: {
    host: process.env.PGHOST || 'localhost',
    user: process.env.PGUSER || 'notes',
    password: process.env.PGPASSWORD,
    database: 'notes',
  },
  jwtSecret: process.env.JWT_SECRET,
  uploadDir: process.env.UPLOAD_DIR || path.join('/tmp', 'notes-uploads'),
  mail: {
    host: 'smtp.mailgun.org',
    user: 'postmaster@mg.notes.example.com',
    dbPassword: 'Qv7#pL2x!mR9wZt4kB8e',
  },
};
