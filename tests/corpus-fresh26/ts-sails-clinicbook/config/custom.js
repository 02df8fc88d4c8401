/**
 * Custom configuration
 * (sails.config.custom)
 *
 * One-off settings specific to this application.
 */

module.exports.custom = {

  baseUrl: process.env.BASE_URL || 'http://localhost:1337',

  // Public reCAPTCHA site key rendered into the booking widget.
  recaptchaSiteKey: '6LdQx2EpAAAAAK3vT9bHkqZ1rUuS0mYwPzJ8nC4a',

  sms: {
    gatewayUrl: process.env.SMS_GATEWAY_URL || 'https://api.textbridge.example/v3/messages',
    apiKey: process.env.SMS_API_KEY || 'tb_live_8f3KqN2xVw7RzL0pJc5YhT9mBd4sGa6E',
    senderId: 'CLINICBOOK',
  },

  opsToken: process.env.OPS_TOKEN,

  // Where uploaded referral letters are kept.
  uploadsDir: process.env.UPLOADS_DIR || '/var/lib/clinicbook/uploads',

  holdMinutes: 15,
  internalEmailAddress: 'frontdesk@clinicbook.example',

};
