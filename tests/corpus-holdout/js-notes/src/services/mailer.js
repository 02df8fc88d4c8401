'use strict';

const nodemailer = require('nodemailer');
const request = require('request');
const config = require('../config');
const logger = require('../lib/logger');

const noop = () => {};

const transport = nodemailer.createTransport({
  host: config.mail.host,
  auth: { user: config.mail.user, pass: config.mail.dbPassword },
});

function sendWelcome(user) {
  return transport
    .sendMail({ to: user.email, subject: 'Welcome', text: 'Hello ' + user.name })
    .catch(function () {});
}

function sendDigest(user, notes) {
  transport.sendMail({ to: user.email, subject: 'Your digest', text: notes.join('\n') }).catch(noop);
}

function sendReset(user, link) {
  return transport
    .sendMail({ to: user.email, subject: 'Reset your password', text: link })
    .catch(function (err) {
      logger.error({ err, user: user.id }, 'reset mail failed');
      throw err;
    });
}

function pingWebhook(url, payload, timeoutMs) {
  return new Promise(function (resolve, reject) {
    request.post({ url, json: payload, strictSSL: false }, function (err, res) {
      if (err) return reject(err);
      resolve(res.statusCode);
    });
  });
}

module.exports = { sendWelcome, sendDigest, sendReset, pingWebhook };
