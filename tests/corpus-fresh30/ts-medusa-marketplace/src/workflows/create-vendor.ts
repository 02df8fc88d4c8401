import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk";
import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows";
import { MARKETPLACE_MODULE } from "../modules/marketplace";
import type MarketplaceModuleService from "../modules/marketplace/service";

export type CreateVendorWorkflowInput = {
  name: string;
  handle?: string;
  logo?: string;
  admin: { email: string; first_name?: string; last_name?: string };
  authIdentityId: string;
};

const createVendorStep = createStep(
  "create-vendor-step",
  async (input: { name: string; handle?: string; logo?: string }, { container }) => {
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    const handle = input.handle ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const vendor = await marketplace.createVendors({ ...input, handle });
    return new StepResponse(vendor, vendor.id);
  },
  async (vendorId, { container }) => {
    if (!vendorId) return;
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    await marketplace.deleteVendors(vendorId);
  },
);

const createVendorAdminStep = createStep(
  "create-vendor-admin-step",
  async (input: { email: string; first_name?: string; last_name?: string; vendor_id: string }, { container }) => {
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    const admin = await marketplace.createVendorAdmins(input);
    return new StepResponse(admin, admin.id);
  },
  async (adminId, { container }) => {
    if (!adminId) return;
    const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);
    await marketplace.deleteVendorAdmins(adminId);
  },
);

export const createVendorWorkflow = createWorkflow("create-vendor", (input: CreateVendorWorkflowInput) => {
  const vendor = createVendorStep({ name: input.name, handle: input.handle, logo: input.logo });

  const adminInput = transform({ input, vendor }, (data) => ({
    ...data.input.admin,
    vendor_id: data.vendor.id,
  }));
  const vendorAdmin = createVendorAdminStep(adminInput);

  setAuthAppMetadataStep({
    authIdentityId: input.authIdentityId,
    actorType: "vendor",
    value: vendorAdmin.id,
  });

  return new WorkflowResponse({ vendor, vendorAdmin });
});
