import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";

// Storefront directory of sellers. Store routes only need the publishable
// API key, which Medusa checks; nothing private is selected here.
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const limit = Math.min(Number(req.query.limit ?? 24), 100);
  const offset = Number(req.query.offset ?? 0);

  const { data: vendors, metadata } = await query.graph({
    entity: "vendor",
    fields: ["id", "handle", "name", "logo"],
    pagination: { take: limit, skip: offset },
  });

  res.json({ vendors, count: metadata?.count ?? vendors.length, limit, offset });
};
