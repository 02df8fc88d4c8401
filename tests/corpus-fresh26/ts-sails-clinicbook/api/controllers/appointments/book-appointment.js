module.exports = {

  friendlyName: 'Book appointment',

  description: 'Place a hold on a slot for the logged-in patient and send a confirmation.',

  inputs: {
    clinicianId: { type: 'number', required: true },
    startsAt: { type: 'number', required: true, description: 'JS timestamp of the slot start.' },
    reason: { type: 'string', maxLength: 500 },
    notifyBySms: { type: 'boolean', defaultsTo: true },
  },

  exits: {
    slotTaken: { statusCode: 409, description: 'The slot has already been booked.' },
    clinicianNotFound: { responseType: 'notFound' },
  },

  fn: async function ({ clinicianId, startsAt, reason, notifyBySms }) {
    const clinician = await User.findOne({ id: clinicianId, role: 'clinician' });
    if (!clinician) {
      throw 'clinicianNotFound';
    }

    const holdExpiresAt = Date.now() + sails.config.custom.holdMinutes * 60 * 1000;

    let appointment;
    try {
      appointment = await Appointment.create({
        patient: this.req.me.id,
        clinician: clinician.id,
        startsAt,
        reason,
        status: 'held',
        holdExpiresAt,
      }).fetch();
    } catch (err) {
      if (err.code === 'E_UNIQUE') {
        throw 'slotTaken';
      }
      throw err;
    }

    if (notifyBySms && this.req.me.phone) {
      const when = new Date(startsAt).toLocaleString('en-GB', { timeZone: 'Europe/London' });
      await sails.helpers.sendSms.with({
        to: this.req.me.phone,
        body: `Your appointment with ${clinician.fullName} on ${when} is held for ${sails.config.custom.holdMinutes} minutes.`,
        senderId: sails.config.custom.sms.senderId,
      });
    }

    return {
      id: appointment.id,
      status: appointment.status,
      holdExpiresAt: appointment.holdExpiresAt,
    };
  },

};
