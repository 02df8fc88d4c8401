export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: {
        expiresIn: '7d',
      },
      ratelimit: {
        interval: 60000,
        max: 20,
      },
    },
  },
  email: {
    config: {
      provider: 'sendgrid',
      providerOptions: {
        apiKey: env('SENDGRID_API_KEY', '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'),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'tickets@eventhub.io'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'support@eventhub.io'),
      },
    },
  },
  upload: {
    config: {
      sizeLimit: 10 * 1024 * 1024,
      providerOptions: {
        localServer: {
          maxage: 300000,
        },
      },
    },
  },
  i18n: {
    config: {
      defaultLocale: 'en',
      locales: ['en', 'de', 'pl'],
    },
  },
});
