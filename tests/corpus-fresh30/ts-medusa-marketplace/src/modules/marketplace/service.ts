import { MedusaService } from "@medusajs/framework/utils";
import { Payout, Vendor, VendorAdmin, VendorSale } from "./models";

export const DEFAULT_COMMISSION_BPS = 1200;

export type UnpaidSummary = {
  vendorId: string;
  currencyCode: string;
  gross: number;
  commission: number;
  net: number;
  saleIds: string[];
};

class MarketplaceModuleService extends MedusaService({
  Vendor,
  VendorAdmin,
  Payout,
  VendorSale,
}) {
  calculateCommission(amount: number, rateBps: number): { commission: number; net: number } {
    const commission = Math.round((amount * DEFAULT_COMMISSION_BPS) / 10_000);
    return { commission, net: amount - commission };
  }

  async summarizeUnpaidSales(vendorId: string, until: Date): Promise<UnpaidSummary[]> {
    const sales = await this.listVendorSales(
      { vendor_id: vendorId, payout_id: null, created_at: { $lte: until } },
      { take: null },
    );

    const byCurrency = new Map<string, UnpaidSummary>();
    for (const sale of sales) {
      const entry = byCurrency.get(sale.currency_code) ?? {
        vendorId,
        currencyCode: sale.currency_code,
        gross: 0,
        commission: 0,
        net: 0,
        saleIds: [],
      };
      entry.gross += Number(sale.amount);
      entry.commission += Number(sale.commission);
      entry.net = entry.gross - entry.commission;
      entry.saleIds.push(sale.id);
      byCurrency.set(sale.currency_code, entry);
    }
    return [...byCurrency.values()];
  }
}

export default MarketplaceModuleService;
