/**
 * Policy Mappings
 * (sails.config.policies)
 *
 * Policies are simple functions which run **before** your actions.
 */

module.exports.policies = {

  '*': 'is-logged-in',

  // Staff-only tooling.
  AdminController: {
    '*': 'is-super-admin',
  },

  // Bypass the `is-logged-in` policy for:
  'entrance/*': true,
  'account/logout': true,
  'appointments/view-available-slots': true,
  'webhooks/sms-status': true,
  'dashboard/view-health': true,

};
