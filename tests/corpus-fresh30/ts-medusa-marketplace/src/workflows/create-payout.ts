import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { payrail } from "../lib/payrail";
import { MARKETPLACE_MODULE } from "../modules/marketplace";
import type MarketplaceModuleService from "../modules/marketplace/service";
import type { UnpaidSummary } from "../modules/marketplace/service";

type CreatePayoutInput = { vendorId: string; periodEnd: string };

const summarizeStep = createStep(
  "summarize-unpaid-sales",
  async (input: CreatePayoutInput, { container }) => {
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    const summaries = await marketplace.summarizeUnpaidSales(input.vendorId, new Date(input.periodEnd));
    return new StepResponse(summaries.filter((s) => s.net > 0));
  },
);

const sendTransfersStep = createStep(
  "send-payrail-transfers",
  async (input: { summaries: UnpaidSummary[]; periodEnd: string }, { container }) => {
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    const sent: { summary: UnpaidSummary; transferId: string }[] = [];
    for (const summary of input.summaries) {
      const vendor = await marketplace.retrieveVendor(summary.vendorId);
      const transfer = await payrail.createTransfer(
        vendor.payrail_account_id ?? "",
        summary.net,
        summary.currencyCode,
        `${summary.vendorId}:${summary.currencyCode}:${input.periodEnd}`,
      );
      sent.push({ summary, transferId: transfer.id });
    }
    return new StepResponse(
      sent,
      sent.map((s) => s.transferId),
    );
  },
  async (transferIds, { container }) => {
    if (!transferIds?.length) return;
    const logger = container.resolve("logger");
    for (const id of transferIds) {
      try {
        await payrail.cancelTransfer(id);
      } catch (err) {
        logger.error(`Could not cancel Payrail transfer ${id} during rollback: ${(err as Error).message}`);
        throw err;
      }
    }
  },
);

const recordPayoutsStep = createStep(
  "record-payouts",
  async (input: { sent: { summary: UnpaidSummary; transferId: string }[]; periodEnd: string }, { container }) => {
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    const payouts = [];
    for (const { summary, transferId } of input.sent) {
      const payout = await marketplace.createPayouts({
        vendor_id: summary.vendorId,
        amount: summary.net,
        currency_code: summary.currencyCode,
        status: "sent",
        transfer_id: transferId,
        period_end: new Date(input.periodEnd),
      });
      await marketplace.updateVendorSales(summary.saleIds.map((id) => ({ id, payout_id: payout.id })));
      payouts.push(payout);
    }
    return new StepResponse(
      payouts,
      payouts.map((p) => p.id),
    );
  },
  async (payoutIds, { container }) => {
    if (!payoutIds?.length) return;
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    await marketplace.deletePayouts(payoutIds);
  },
);

export const createPayoutWorkflow = createWorkflow("create-vendor-payout", (input: CreatePayoutInput) => {
  const summaries = summarizeStep(input);
  const sent = sendTransfersStep({ summaries, periodEnd: input.periodEnd });
  const payouts = recordPayoutsStep({ sent, periodEnd: input.periodEnd });
  return new WorkflowResponse(payouts);
});
