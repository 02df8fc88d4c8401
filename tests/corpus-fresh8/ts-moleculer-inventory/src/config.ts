/**
 * Centralised runtime configuration. Every value can be overridden through
 * environment variables; defaults are tuned for local development.
 */
export interface InventoryConfig {
  jwtSecret: string;
  jwtIssuer: string;
  supplierApiUrl: string;
  supplierWebhookSecret: string;
  internalServiceToken: string;
  exportDir: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function loadConfig(): InventoryConfig {
  return {
    jwtSecret: process.env.JWT_SECRET ?? 'b7f3c1e9a4d28f6e0c5b9a7d3e1f4c82a6b0d9e7f3c5a1b8',
    jwtIssuer: process.env.JWT_ISSUER ?? 'inventory-api',
    supplierApiUrl: process.env.SUPPLIER_API_URL ?? 'https://api.partner-supply.example.com/v2',
    supplierWebhookSecret: required('SUPPLIER_WEBHOOK_SECRET'),
    internalServiceToken: required('INTERNAL_SERVICE_TOKEN'),
    exportDir: process.env.EXPORT_DIR ?? '/tmp/inventory-exports',
  };
}

export const config = loadConfig();
