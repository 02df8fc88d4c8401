module.exports = {

  friendlyName: 'Login',

  description: 'Log in using the provided email and password combination.',

  inputs: {

    emailAddress: {
      description: 'The email to try in this attempt, e.g. "irl@example.com".',
      type: 'string',
      required: true,
    },

    password: {
      description: 'The unencrypted password to try in this attempt, e.g. "passwordlol".',
      type: 'string',
      required: true,
    },

    rememberMe: {
      description: 'Whether to extend the lifetime of the user\'s session.',
      type: 'boolean',
    },

  },

  exits: {

    success: {
      description: 'The requesting user agent has been successfully logged in.',
    },

    badCombo: {
      description: 'The provided email and password combination does not match any user in the database.',
      responseType: 'unauthorized',
    },

  },

  fn: async function ({ emailAddress, password, rememberMe }) {

    const userRecord = await User.findOne({
      emailAddress: emailAddress.toLowerCase(),
    });

    if (!userRecord) {
      throw 'badCombo';
    }

    await sails.helpers.passwords.checkPassword(password, userRecord.password)
      .intercept('incorrect', 'badCombo');

    if (rememberMe) {
      if (this.req.isSocket) {
        sails.log.warn('Received `rememberMe: true` from a virtual request, but it was ignored.');
      } else {
        this.req.session.cookie.maxAge = sails.config.custom.rememberMeCookieMaxAge || 30 * 24 * 60 * 60 * 1000;
      }
    }

    this.req.session.userId = userRecord.id;
    await User.updateOne({ id: userRecord.id }).set({ lastSeenAt: Date.now() });

  },

};
