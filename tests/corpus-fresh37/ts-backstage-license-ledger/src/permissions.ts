import { createPermission } from '@backstage/plugin-permission-common';

export const licenseReadPermission = createPermission({
  name: 'license-ledger.license.read',
  attributes: { action: 'read' },
});

export const licenseAssignPermission = createPermission({
  name: 'license-ledger.seat.assign',
  attributes: { action: 'update' },
});

export const licenseAdminPermission = createPermission({
  name: 'license-ledger.admin',
  attributes: {},
});

export const licenseLedgerPermissions = [
  licenseReadPermission,
  licenseAssignPermission,
  licenseAdminPermission,
];
