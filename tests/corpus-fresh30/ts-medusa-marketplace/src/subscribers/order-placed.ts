import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { MARKETPLACE_MODULE } from "../modules/marketplace";
import type MarketplaceModuleService from "../modules/marketplace/service";

export default async function recordVendorSales({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE);

  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", "items.total", "items.product_id"],
    filters: { id: data.id },
  });
  const order = orders[0];
  if (!order) {
    logger.warn(`order.placed for unknown order ${data.id}`);
    return;
  }

  const productIds = order.items.map((item) => item.product_id).filter(Boolean) as string[];
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "vendor.id", "vendor.commission_bps"],
    filters: { id: productIds },
  });
  const vendorByProduct = new Map(products.map((p) => [p.id, p.vendor]));

  const sales = order.items.flatMap((item) => {
    const vendor = vendorByProduct.get(item.product_id!);
    if (!vendor) return [];
    const amount = Number(item.total);
    const { commission } = marketplace.calculateCommission(amount, vendor.commission_bps);
    return [
      {
        order_id: order.id,
        line_item_id: item.id,
        amount,
        commission,
        currency_code: order.currency_code,
        vendor_id: vendor.id,
      },
    ];
  });

  if (sales.length === 0) return;

  try {
    await marketplace.createVendorSales(sales);
  } catch (err) {
    return;
  }
  logger.info(`recorded ${sales.length} vendor sale(s) for order ${order.id}`);
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "marketplace-record-vendor-sales" },
};
