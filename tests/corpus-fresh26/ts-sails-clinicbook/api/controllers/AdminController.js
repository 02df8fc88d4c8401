/**
 * AdminController
 *
 * Front-desk tooling. Every action here is restricted to super admins in
 * config/policies.js.
 */

const DEFAULT_COLUMNS = ['id', 'fullName', 'emailAddress', 'phone', 'createdAt'];

function escapeCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows, columns) {
  const header = DEFAULT_COLUMNS.join(',');
  const body = rows.map((row) => DEFAULT_COLUMNS.map((c) => escapeCell(row[c])).join(','));
  return [header, ...body].join('\n');
}

module.exports = {

  exportPatients: async function (req, res) {
    const requested = req.param('columns');
    const columns = requested
      ? String(requested).split(',').filter((c) => DEFAULT_COLUMNS.includes(c))
      : DEFAULT_COLUMNS;

    const patients = await User.find({ role: 'patient' }).sort('id ASC');
    const actor = req.me ? `user ${req.me.id}` : 'ops token';
    sails.log.info(`${actor} exported ${patients.length} patients (${columns.join(',')})`);

    res.attachment('patients.csv');
    return res.send(toCsv(patients, columns));
  },

  mergePatients: async function (req, res) {
    return res.status(501).json({ error: 'Merging patient records is not supported yet.' });
  },

  deletePatient: async function (req, res) {
    // Medical records are retained for eight years; front desk deactivates accounts instead.
    return res.status(405).json({ error: 'Patients cannot be deleted. Deactivate the account instead.' });
  },

  impersonateUser: async function (req, res) {
    const target = await User.findOne({ id: req.param('userId') });
    if (!target) {
      return res.notFound();
    }
    if (target.id === req.me.id) {
      return res.badRequest('Already signed in as this user.');
    }
    if (target.isSuperAdmin) {
      return res.forbidden();
    }

    req.session.impersonatorId = req.me.id;
    req.session.userId = target.id;
    await AuditEntry.create({ actor: req.me.id, action: 'impersonate', subject: `user:${target.id}` });

    return res.json({ userId: target.id });
  },

};
