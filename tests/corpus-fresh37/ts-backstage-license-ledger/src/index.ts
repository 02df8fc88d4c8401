/**
 * Backend plugin that mirrors vendor licenses into Backstage and manages seat
 * assignments for catalog users.
 *
 * @packageDocumentation
 */
export { licenseLedgerPlugin as default } from './plugin';
export {
  licenseReadPermission,
  licenseAssignPermission,
  licenseAdminPermission,
  licenseLedgerPermissions,
} from './permissions';
