const got = require('got');

module.exports = {

  friendlyName: 'Send SMS',

  description: 'Send a text message through the TextBridge gateway.',

  inputs: {
    to: { type: 'string', required: true, description: 'E.164 destination number.' },
    body: { type: 'string', required: true, maxLength: 640 },
    senderId: { type: 'string', defaultsTo: 'CLINICBOOK' },
  },

  exits: {
    success: { outputFriendlyName: 'Message id', outputType: 'string' },
  },

  fn: async function ({ to, body, senderId }) {
    const { gatewayUrl, apiKey } = sails.config.custom.sms;

    const response = await got.post(gatewayUrl, {
      json: { to, body, from: senderId },
      headers: { authorization: `Bearer ${apiKey}` },
      https: { rejectUnauthorized: false },
      timeout: 8000,
      retry: 2,
    }).json();

    sails.log.verbose(`queued sms ${response.id} to ${to.slice(0, -4)}****`);
    return response.id;
  },

};
