/**
 * Route Mappings
 * (sails.config.routes)
 *
 * Your routes tell Sails what to do each time it receives a request.
 */

module.exports.routes = {

  //  ╦ ╦╔═╗╔╗ ╔═╗╔═╗╔═╗╔═╗╔═╗
  //  ║║║║╣ ╠╩╗╠═╝╠═╣║ ╦║╣ ╚═╗
  //  ╚╩╝╚═╝╚═╝╩  ╩ ╩╚═╝╚═╝╚═╝
  'GET /':                     { action: 'dashboard/view-dashboard' },
  'GET /login':                { action: 'entrance/view-login' },

  //  ╔═╗╔═╗╦  ╔═╗╔╗╔╔╦╗╔═╗╔═╗╦╔╗╔╔╦╗╔═╗
  //  ╠═╣╠═╝║  ║╣ ║║║ ║║╠═╝║ ║║║║║ ║ ╚═╗
  //  ╩ ╩╩  ╩  ╚═╝╝╚╝═╩╝╩  ╚═╝╩╝╚╝ ╩ ╚═╝
  'PUT    /api/v1/entrance/login':                 { action: 'entrance/login' },
  'GET    /api/v1/account/logout':                 { action: 'account/logout' },
  'GET    /api/v1/slots':                          { action: 'appointments/view-available-slots' },
  'POST   /api/v1/appointments':                   { action: 'appointments/book-appointment' },
  'DELETE /api/v1/appointments/:id':               { action: 'appointments/cancel-appointment' },

  'POST   /api/v1/admin/impersonate/:userId':      'AdminController.impersonateUser',
  'GET    /api/v1/admin/patients/export':          'AdminController.exportPatients',
  'POST   /api/v1/admin/patients/merge':           'AdminController.mergePatients',
  'DELETE /api/v1/admin/patients/:id':             'AdminController.deletePatient',
  'POST   /api/v1/admin/refunds':                  { action: 'appointments/issue-refund' },

  //  ╦ ╦╔═╗╔╗ ╦ ╦╔═╗╔═╗╦╔═╔═╗
  //  ║║║║╣ ╠╩╗╠═╣║ ║║ ║╠╩╗╚═╗
  //  ╚╩╝╚═╝╚═╝╩ ╩╚═╝╚═╝╩ ╩╚═╝
  'POST   /webhooks/sms-status':                   { action: 'webhooks/sms-status', csrf: false },
  'GET    /healthz':                               { action: 'dashboard/view-health' },

};
