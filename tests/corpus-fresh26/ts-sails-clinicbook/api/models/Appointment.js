/**
 * Appointment.js
 *
 * A held, booked, cancelled or released slot with a clinician.
 */

module.exports = {

  attributes: {

    startsAt: { type: 'number', required: true, description: 'JS timestamp of the slot start.' },

    reason: { type: 'string', allowNull: true, maxLength: 500 },

    status: {
      type: 'string',
      isIn: ['held', 'booked', 'cancelled', 'released'],
      defaultsTo: 'held',
    },

    holdExpiresAt: { type: 'number', allowNull: true },

    cancelledAt: { type: 'number', allowNull: true },

    paymentIntentId: { type: 'string', allowNull: true },

    amountPaid: { type: 'number', defaultsTo: 0, description: 'Amount captured, in cents.' },

    amountRefunded: { type: 'number', defaultsTo: 0, description: 'Amount refunded, in cents.' },

    smsReminderSent: { type: 'boolean', defaultsTo: false },

    patient: { model: 'user', required: true },

    clinician: { model: 'user', required: true },

  },

};
