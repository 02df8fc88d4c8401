import { PermissionDefinition, RwPermissionDefinition } from '@vendure/core';

export const PLUGIN_INIT_OPTIONS = Symbol('LOYALTY_PLUGIN_OPTIONS');
export const loggerCtx = 'LoyaltyPlugin';

export const AWARD_POINTS_QUEUE = 'loyalty-award-points';
export const EXPIRE_POINTS_QUEUE = 'loyalty-expire-points';
export const EXPORT_QUEUE = 'loyalty-export';

export const PARTNER_SIGNATURE_HEADER = 'x-pointshub-signature';
export const IMPORT_KEY_HEADER = 'x-loyalty-import-key';

export const DEFAULT_EXPIRY_DAYS = 365;

export const loyaltyPermission = new RwPermissionDefinition('Loyalty');

export const adjustLoyaltyPermission = new PermissionDefinition({
    name: 'AdjustLoyaltyPoints',
    description: 'Allows manual crediting and debiting of customer loyalty points',
});
