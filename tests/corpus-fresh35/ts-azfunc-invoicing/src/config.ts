export interface AppConfig {
  cosmosEndpoint: string;
  cosmosDatabase: string;
  cosmosEmulator: boolean;
  keyVaultUrl: string;
  tenantId: string;
  audience: string;
  paymentsBaseUrl: string;
  paymentsApiKey: string;
  mailMode: 'sendgrid' | 'console';
  mailFrom: string;
  reminderGraceDays: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing app setting ${name}`);
  return value;
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  if (cached) return cached;
  cached = {
    cosmosEndpoint: required('COSMOS_ENDPOINT'),
    cosmosDatabase: process.env.COSMOS_DATABASE ?? 'invoicing',
    // Local Cosmos DB emulator; honoured only for an https://localhost endpoint.
    cosmosEmulator: process.env.COSMOS_EMULATOR === 'true' && /^https:\/\/localhost[:/]/.test(process.env.COSMOS_ENDPOINT ?? ''),
    keyVaultUrl: required('KEY_VAULT_URL'),
    // Directory (tenant) id of the Northwind Entra tenant; identifies the issuer, not a credential.
    tenantId: process.env.AUTH_TENANT_ID ?? '5f2c8e31-9a47-4d0b-b6e2-71c3a0d9e814',
    audience: process.env.AUTH_AUDIENCE ?? 'api://invoicing',
    paymentsBaseUrl: process.env.PAYMENTS_BASE_URL ?? 'https://api.paystream.io/v2',
    paymentsApiKey: process.env.PAYMENTS_API_KEY ?? 'ps_live_8f3KqL2nVx7RtY0wB5mZ1cH9',
    // "console" writes mails to the function log; used by `func start` and the staging slot.
    mailMode: process.env.MAIL_MODE === 'console' ? 'console' : 'sendgrid',
    mailFrom: process.env.MAIL_FROM ?? 'billing@northwind-traders.com',
    reminderGraceDays: Number(process.env.REMINDER_GRACE_DAYS ?? 3),
  };
  return cached;
}

export function resetConfigForTests(): void {
  cached = undefined;
}
