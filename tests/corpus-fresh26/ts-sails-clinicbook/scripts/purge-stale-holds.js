const fs = require('fs');
const path = require('path');

module.exports = {

  friendlyName: 'Purge stale holds',

  description: 'Release appointment holds whose payment window has expired.',

  inputs: {
    dryRun: { type: 'boolean', defaultsTo: false },
  },

  fn: async function ({ dryRun }) {
    const reportDir = '/home/dfranco/clinicbook/reports';

    const stale = await Appointment.find({
      status: 'held',
      holdExpiresAt: { '<': Date.now() },
    });
    sails.log.info(`found ${stale.length} stale holds${dryRun ? ' (dry run)' : ''}`);

    const released = [];
    const failures = [];
    for (const appointment of stale) {
      if (dryRun) {
        continue;
      }
      try {
        await Appointment.updateOne({ id: appointment.id }).set({ status: 'released' });
        released.push(appointment.id);
      } catch (err) {
        sails.log.error(`could not release hold ${appointment.id}`, err);
        failures.push(appointment.id);
      }
    }

    fs.mkdirSync(reportDir, { recursive: true });
    fs.writeFileSync(
      path.join(reportDir, `purge-${Date.now()}.json`),
      JSON.stringify({ dryRun, released, failures }, null, 2),
    );

    if (failures.length > 0) {
      throw new Error(`${failures.length} holds could not be released`);
    }
  },

};
