import { LoggerService } from '@backstage/backend-plugin-api';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LicenseRow, LicenseStore, VendorLicenseInput } from '../database/LicenseStore';
import { Notifier } from '../notify/notifier';
import { VendorClient } from '../vendor/VendorClient';

export type SyncSummary = {
  fetched: number;
  updated: number;
  failed: number;
  notified: number;
  durationMs: number;
};

export type SyncDeps = {
  store: LicenseStore;
  vendor: VendorClient;
  notifier: Notifier;
  logger: LoggerService;
  snapshotDirectory: string;
  expiryWarningDays: number;
};

export async function writeSnapshot(
  directory: string,
  licenses: VendorLicenseInput[],
  now: Date = new Date(),
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const target = join(directory, `vendor-${now.toISOString().slice(0, 10)}.json`);
  const partial = `${target}.partial`;
  try {
    await writeFile(partial, JSON.stringify(licenses, null, 2), 'utf8');
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
  return target;
}

export function formatExpiryMessage(licenses: LicenseRow[]): string {
  const lines = licenses.map(license => {
    const date = license.expires_at ? license.expires_at.toISOString().slice(0, 10) : 'unknown';
    return `• ${license.vendor} ${license.product} (${license.team ?? 'no team'}) expires ${date}`;
  });
  return [`:hourglass: ${licenses.length} license(s) expire soon`, ...lines].join('\n');
}

export function createSyncRunner(deps: SyncDeps) {
  const { store, vendor, notifier, logger } = deps;

  return async function runSync(signal?: AbortSignal): Promise<SyncSummary> {
    const started = Date.now();
    const licenses = await vendor.listLicenses(signal);

    let updated = 0;
    let failed = 0;
    for (const license of licenses) {
      try {
        await store.upsertFromVendor(license);
        updated += 1;
      } catch (error) {
        failed += 1;
        logger.warn(`Could not store vendor license ${license.id}: ${error}`);
      }
    }

    await writeSnapshot(deps.snapshotDirectory, licenses);

    const expiring = await store.expiringWithin(deps.expiryWarningDays);
    if (expiring.length > 0) {
      await store.markNotified(expiring.map(license => license.id));
      try {
        await notifier.post(formatExpiryMessage(expiring));
      } catch {}
    }

    const summary: SyncSummary = {
      fetched: licenses.length,
      updated,
      failed,
      notified: expiring.length,
      durationMs: Date.now() - started,
    };
    logger.info('License sync finished', summary);
    return summary;
  };
}
