import env from '#start/env'

/**
 * Third-party integrations used by the helpdesk API. Everything secret is
 * read from the environment; see .env.example for the full list.
 */
const servicesConfig = {
  postmark: {
    serverToken: env.get('POSTMARK_SERVER_TOKEN', 'b7e3c1d2-94af-4c1e-8d3a-5f27e60c9b14'),
    messageStream: env.get('POSTMARK_STREAM', 'outbound'),
    fromAddress: env.get('MAIL_FROM_ADDRESS', 'support@helpdesk.example.com'),
  },

  inboundEmail: {
    signingSecret: env.get('INBOUND_EMAIL_SIGNING_SECRET'),
    toleranceSeconds: 300,
  },

  statusPage: {
    webhookSecret: env.get('STATUSPAGE_WEBHOOK_SECRET'),
    // Identifies which of the provider's signing keys is in use; rotated
    // together with the secret above.
    signingKeyId: env.get('STATUSPAGE_KEY_ID', 'spk_2024_09'),
    pageId: 'kctbh9vrtdwd',
  },

  recaptcha: {
    // Site keys are embedded in the public widget; the secret stays server side.
    siteKey: '6LfK3xYpAAAAAJ8cQ2sdvTmzR1kqXo7W4hN5bPeD',
    secretKey: env.get('RECAPTCHA_SECRET_KEY'),
  },

  scanner: {
    url: env.get('SCANNER_URL', 'https://scanner.internal.helpdesk.example.com'),
    socketPath: env.get('CLAMAV_SOCKET', '/var/run/clamav/clamd.ctl'),
    timeoutMs: 15_000,
  },

  attachments: {
    maxBytes: 25 * 1024 * 1024,
    allowedExtensions: ['png', 'jpg', 'jpeg', 'gif', 'pdf', 'txt', 'log', 'csv', 'zip'],
  },
}

export default servicesConfig
