import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { MARKETPLACE_MODULE } from "../modules/marketplace";
import type MarketplaceModuleService from "../modules/marketplace/service";
import { createPayoutWorkflow } from "../workflows/create-payout";

const REPORT_DIR = "/Users/priya/medusa-exports/payouts";

export default async function weeklyVendorPayouts(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);

  const periodEnd = new Date();
  periodEnd.setUTCHours(0, 0, 0, 0);

  const vendors = await marketplace.listVendors({ payrail_account_id: { $ne: null } }, { take: null });
  const rows: string[] = ["vendor_id,currency,amount,transfer_id,status"];
  const failed: string[] = [];

  for (const vendor of vendors) {
    try {
      const { result: payouts } = await createPayoutWorkflow(container).run({
        input: { vendorId: vendor.id, periodEnd: periodEnd.toISOString() },
      });
      for (const p of payouts) {
        rows.push([vendor.id, p.currency_code, p.amount, p.transfer_id, p.status].join(","));
      }
    } catch (err) {
      // One vendor's bad account must not hold up everyone else's payout;
      // the failure is logged and reported below.
      logger.error(`payout for vendor ${vendor.id} failed: ${(err as Error).message}`);
      failed.push(vendor.id);
    }
  }

  await mkdir(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, `payouts-${periodEnd.toISOString().slice(0, 10)}.csv`);
  await writeFile(file, rows.join("\n"), "utf8");

  logger.info(`weekly payouts: ${rows.length - 1} transfer(s), ${failed.length} failure(s); report at ${file}`);
  if (failed.length > 0) {
    throw new Error(`payouts failed for ${failed.length} vendor(s): ${failed.join(", ")}`);
  }
}

export const config = {
  name: "weekly-vendor-payouts",
  schedule: "0 4 * * 1",
};
