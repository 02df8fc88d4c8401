import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { createProductsWorkflow } from "@medusajs/medusa/core-flows";
import type { z } from "zod";
import { MARKETPLACE_MODULE } from "../../../modules/marketplace";
import type MarketplaceModuleService from "../../../modules/marketplace/service";
import type { CreateVendorProductSchema } from "../../middlewares";

type CreateVendorProductBody = z.infer<typeof CreateVendorProductSchema>;

async function vendorIdFor(req: AuthenticatedMedusaRequest): Promise<string> {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE);
  const admin = await marketplace.retrieveVendorAdmin(req.auth_context.actor_id, { relations: ["vendor"] });
  return admin.vendor.id;
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const vendorId = await vendorIdFor(req);

  const { data: vendors } = await query.graph({
    entity: "vendor",
    fields: ["products.*", "products.variants.*"],
    filters: { id: [vendorId] },
  });

  res.json({ products: vendors[0]?.products ?? [] });
};

export const POST = async (req: AuthenticatedMedusaRequest<CreateVendorProductBody>, res: MedusaResponse) => {
  const link = req.scope.resolve(ContainerRegistrationKeys.LINK);
  const vendorId = await vendorIdFor(req);

  const { result } = await createProductsWorkflow(req.scope).run({
    input: { products: [{ ...req.validatedBody, status: "draft" }] },
  });

  await link.create({
    [MARKETPLACE_MODULE]: { vendor_id: vendorId },
    [Modules.PRODUCT]: { product_id: result[0].id },
  });

  res.status(201).json({ product: result[0] });
};
