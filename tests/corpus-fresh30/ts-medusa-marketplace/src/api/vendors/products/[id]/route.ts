import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { deleteProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows";
import type { z } from "zod";
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace";
import type MarketplaceModuleService from "../../../../modules/marketplace/service";
import type { UpdateVendorProductSchema } from "../../../middlewares";

type UpdateVendorProductBody = z.infer<typeof UpdateVendorProductSchema>;

async function assertOwnership(req: AuthenticatedMedusaRequest, productId: string): Promise<void> {
  const marketplace: MarketplaceModuleService = req.scope.resolve(MARKETPLACE_MODULE);
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const admin = await marketplace.retrieveVendorAdmin(req.auth_context.actor_id, { relations: ["vendor"] });

  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "vendor.id"],
    filters: { id: productId },
  });
  const owner = data[0]?.vendor?.id;
  if (!owner || owner !== admin.vendor.id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`);
  }
}

export const POST = async (req: AuthenticatedMedusaRequest<UpdateVendorProductBody>, res: MedusaResponse) => {
  await assertOwnership(req, req.params.id);

  const { result } = await updateProductsWorkflow(req.scope).run({
    input: { selector: { id: req.params.id }, update: req.validatedBody },
  });

  res.json({ product: result[0] });
};

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);

  await deleteProductsWorkflow(req.scope).run({ input: { ids: [req.params.id] } });
  logger.info(`vendor product ${req.params.id} deleted`);

  res.json({ id: req.params.id, object: "product", deleted: true });
};
