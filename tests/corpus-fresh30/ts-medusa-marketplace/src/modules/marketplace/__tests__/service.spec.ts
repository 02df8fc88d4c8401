import { moduleIntegrationTestRunner } from "@medusajs/test-utils";
import { MARKETPLACE_MODULE } from "..";
import { Payout, Vendor, VendorAdmin, VendorSale } from "../models";
import MarketplaceModuleService from "../service";

jest.setTimeout(60 * 1000);

moduleIntegrationTestRunner<MarketplaceModuleService>({
  moduleName: MARKETPLACE_MODULE,
  moduleModels: [Vendor, VendorAdmin, Payout, VendorSale],
  resolve: "./src/modules/marketplace",
  testSuite: ({ service }) => {
    async function expectUnpaid(vendorId: string, expected: { currencyCode: string; net: number }[]) {
      const summaries = await service.summarizeUnpaidSales(vendorId, new Date(Date.now() + 1000));
      expect(summaries.map(({ currencyCode, net }) => ({ currencyCode, net }))).toEqual(expected);
    }

    describe("MarketplaceModuleService", () => {
      it("takes the standard commission", () => {
        expect(service.calculateCommission(10_000, 1200)).toEqual({ commission: 1200, net: 8800 });
      });

      it("groups unpaid sales per currency", async () => {
        const vendor = await service.createVendors({ name: "Oak & Ash", handle: "oak-ash" });
        await service.createVendorSales([
          { order_id: "order_1", line_item_id: "li_1", amount: 5000, commission: 600, currency_code: "eur", vendor_id: vendor.id },
          { order_id: "order_2", line_item_id: "li_2", amount: 2500, commission: 300, currency_code: "eur", vendor_id: vendor.id },
          { order_id: "order_3", line_item_id: "li_3", amount: 1000, commission: 120, currency_code: "usd", vendor_id: vendor.id },
        ]);

        await expectUnpaid(vendor.id, [
          { currencyCode: "eur", net: 6600 },
          { currencyCode: "usd", net: 880 },
        ]);
      });

      it("ignores sales already attached to a payout", async () => {
        const vendor = await service.createVendors({ name: "Kiln", handle: "kiln" });
        const payout = await service.createPayouts({
          vendor_id: vendor.id,
          amount: 100,
          currency_code: "eur",
          period_end: new Date(),
        });
        await service.createVendorSales({
          order_id: "order_9",
          line_item_id: "li_9",
          amount: 100,
          commission: 12,
          currency_code: "eur",
          vendor_id: vendor.id,
          payout_id: payout.id,
        });

        await expectUnpaid(vendor.id, []);
      });
    });
  },
});
