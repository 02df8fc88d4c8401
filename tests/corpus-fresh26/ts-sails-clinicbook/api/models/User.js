/**
 * User.js
 *
 * A patient, clinician or front-desk staff member.
 */

module.exports = {

  attributes: {

    emailAddress: {
      type: 'string',
      required: true,
      unique: true,
      isEmail: true,
      maxLength: 200,
      example: 'mary.sue@example.com',
    },

    emailStatus: {
      type: 'string',
      isIn: ['unconfirmed', 'change-requested', 'confirmed'],
      defaultsTo: 'confirmed',
    },

    password: {
      type: 'string',
      required: true,
      protect: true,
      description: 'Securely hashed representation of the user\'s login password.',
    },

    fullName: {
      type: 'string',
      required: true,
      maxLength: 120,
    },

    phone: {
      type: 'string',
      allowNull: true,
      description: 'E.164 phone number used for SMS reminders.',
    },

    role: {
      type: 'string',
      isIn: ['patient', 'clinician', 'staff'],
      defaultsTo: 'patient',
    },

    isSuperAdmin: {
      type: 'boolean',
      description: 'Whether this user is a front-desk administrator with extra permissions.',
    },

    lastSeenAt: {
      type: 'number',
      description: 'A JS timestamp (epoch ms) of the last request made by this user.',
    },

    appointments: {
      collection: 'appointment',
      via: 'patient',
    },

  },

  customToJSON: function () {
    return _.omit(this, ['password']);
  },

};
