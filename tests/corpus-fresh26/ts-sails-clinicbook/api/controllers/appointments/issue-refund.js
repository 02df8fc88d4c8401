module.exports = {

  friendlyName: 'Issue refund',

  description: 'Refund part or all of a paid appointment (front desk).',

  inputs: {
    appointmentId: { type: 'number', required: true },
    amount: { type: 'number', required: true, min: 1, description: 'Amount in cents.' },
    note: { type: 'string', maxLength: 280 },
  },

  exits: {
    notFound: { responseType: 'notFound' },
    overRefund: { statusCode: 422, description: 'Refund exceeds what is left to refund.' },
  },

  fn: async function ({ appointmentId, amount, note }) {
    const appointment = await Appointment.findOne({ id: appointmentId });
    if (!appointment || !appointment.paymentIntentId) {
      throw 'notFound';
    }

    if (amount > appointment.amountPaid - appointment.amountRefunded) {
      throw 'overRefund';
    }

    await sails.helpers.payments.refund(appointment.paymentIntentId, amount);
    await Appointment.updateOne({ id: appointmentId }).set({
      amountRefunded: appointment.amountRefunded + amount,
    });
    await AuditEntry.create({
      actor: this.req.me.id,
      action: 'refund',
      subject: `appointment:${appointmentId}`,
      note,
    });

    sails.log.info(`refunded ${amount} on appointment ${appointmentId} (by user ${this.req.me.id})`);
    return { refunded: amount };
  },

};
