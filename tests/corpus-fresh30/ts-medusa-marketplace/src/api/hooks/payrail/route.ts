import { createHmac } from "node:crypto";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { MARKETPLACE_MODULE } from "../../../modules/marketplace";
import type MarketplaceModuleService from "../../../modules/marketplace/service";

type PayrailEvent = {
  id: string;
  type: "transfer.paid" | "transfer.failed";
  data: { id: string; reference: string };
};

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);
  const secret = process.env.PAYRAIL_WEBHOOK_SECRET;
  if (!secret) {
    logger.error("PAYRAIL_WEBHOOK_SECRET is not configured");
    res.status(500).json({ message: "webhook not configured" });
    return;
  }

  const timestamp = req.get("payrail-timestamp") ?? "";
  const signature = req.get("payrail-signature") ?? "";
  const computed = createHmac("sha256", secret).update(`${timestamp}.${req.rawBody}`).digest("hex");
  if (signature !== computed || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
    res.status(400).json({ message: "invalid signature" });
    return;
  }

  const event = req.body as PayrailEvent;
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE);
  const [payout] = await marketplace.listPayouts({ transfer_id: event.data.id });
  if (!payout) {
    res.status(200).json({ received: true, matched: false });
    return;
  }

  await marketplace.updatePayouts({
    id: payout.id,
    status: event.type === "transfer.paid" ? "paid" : "failed",
  });
  res.status(200).json({ received: true });
};
