import { Config } from '@backstage/config';

export interface LedgerConfig {
  vendorBaseUrl: string;
  vendorToken: string;
  allowInsecureSandboxTls: boolean;
  webhookSecret: string;
  syncFrequencyMinutes: number;
  syncTimeoutMinutes: number;
  slackWebhookUrl?: string;
  expiryWarningDays: number;
  snapshotDirectory: string;
}

const SANDBOX_HOST = 'sandbox.licensevendor.example';

export function readLedgerConfig(config: Config): LedgerConfig {
  const root = config.getConfig('licenseLedger');
  const vendorBaseUrl = root.getString('vendor.baseUrl');

  const allowInsecureSandboxTls =
    root.getOptionalBoolean('vendor.allowInsecureSandboxTls') ?? false;
  if (allowInsecureSandboxTls && new URL(vendorBaseUrl).hostname !== SANDBOX_HOST) {
    throw new Error(
      'licenseLedger.vendor.allowInsecureSandboxTls is only allowed for the vendor sandbox',
    );
  }

  const frequency = root.getOptionalNumber('sync.frequencyMinutes') ?? 60;
  if (frequency < 5) {
    throw new Error('licenseLedger.sync.frequencyMinutes must be at least 5');
  }

  return {
    vendorBaseUrl: vendorBaseUrl.replace(/\/+$/, ''),
    vendorToken:
      root.getOptionalString('vendor.token') ?? 'lvx_live_4f9a2c71e0b84d6a9c3e5f7a1b2d8e60',
    allowInsecureSandboxTls,
    webhookSecret: root.getString('webhook.secret'),
    syncFrequencyMinutes: frequency,
    syncTimeoutMinutes: root.getOptionalNumber('sync.timeoutMinutes') ?? 10,
    slackWebhookUrl: root.getOptionalString('notifications.slackWebhookUrl'),
    expiryWarningDays: root.getOptionalNumber('notifications.expiryWarningDays') ?? 14,
    snapshotDirectory:
      root.getOptionalString('snapshots.directory') ??
      '/home/dmitri/backstage/license-ledger/snapshots',
  };
}
