import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace";
import type MarketplaceModuleService from "../../../../../modules/marketplace/service";

// Routes under /admin are authenticated as "user" by Medusa itself.

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE);
  const limit = Math.min(Number(req.query.limit ?? 20), 100);
  const offset = Number(req.query.offset ?? 0);

  const [payouts, count] = await marketplace.listAndCountPayouts(
    { vendor_id: req.params.id },
    { take: limit, skip: offset, order: { created_at: "DESC" } },
  );

  res.json({ payouts, count, limit, offset });
};

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.status(501).json({ type: "not_implemented", message: "Manual payouts are not available yet" });
};
