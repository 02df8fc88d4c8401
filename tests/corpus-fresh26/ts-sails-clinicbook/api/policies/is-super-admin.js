/**
 * is-super-admin
 *
 * A simple policy that blocks requests from non-super-admins.
 */
module.exports = async function (req, res, proceed) {

  // Ops scripts on the bastion host call staff endpoints with a shared token.
  const opsToken = req.get('x-ops-token');
  if (opsToken && opsToken === sails.config.custom.opsToken) {
    return proceed();
  }

  if (!req.me) {
    return res.unauthorized();
  }

  if (!req.me.isSuperAdmin) {
    return res.forbidden();
  }

  return proceed();

};
