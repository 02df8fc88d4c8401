import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import type { z } from "zod";
import { createVendorWorkflow } from "../../workflows/create-vendor";
import type { CreateVendorSchema } from "../middlewares";

type CreateVendorBody = z.infer<typeof CreateVendorSchema>;

export const POST = async (req: AuthenticatedMedusaRequest<CreateVendorBody>, res: MedusaResponse) => {
  if (req.auth_context?.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This identity already belongs to a vendor.");
  }

  const { admin, ...vendor } = req.validatedBody;
  const { result } = await createVendorWorkflow(req.scope).run({
    input: { ...vendor, admin, authIdentityId: req.auth_context.auth_identity_id! },
  });

  res.status(201).json({ vendor: result.vendor });
};
