const crypto = require('crypto');

module.exports = {

  friendlyName: 'SMS delivery status',

  description: 'Receive delivery receipts from the TextBridge gateway.',

  inputs: {
    messageId: { type: 'string', required: true },
    status: { type: 'string', required: true },
    appointmentId: { type: 'number' },
  },

  exits: {
    badSignature: { responseType: 'unauthorized' },
  },

  fn: async function ({ messageId, status, appointmentId }) {
    const signature = this.req.get('x-textbridge-signature') || '';
    const expected = crypto
      .createHmac('sha256', sails.config.custom.sms.apiKey)
      .update(`${messageId}:${status}`)
      .digest('base64');

    if (signature !== expected) {
      throw 'badSignature';
    }

    if (status === 'delivered' && appointmentId) {
      await Appointment.updateOne({ id: appointmentId }).set({ smsReminderSent: true });
    }

    sails.log.verbose(`sms ${messageId} -> ${status}`);
  },

};
