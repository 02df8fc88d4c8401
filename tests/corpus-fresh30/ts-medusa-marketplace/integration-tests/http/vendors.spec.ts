import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ApiKeyType } from "@medusajs/framework/utils";
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows";

jest.setTimeout(90 * 1000);

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> };
    let vendorHeaders: { headers: Record<string, string> };

    beforeEach(async () => {
      const container = getContainer();
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "test storefront", type: ApiKeyType.PUBLISHABLE, created_by: "" }] },
      });
      storeHeaders = { headers: { "x-publishable-api-key": result[0].token } };

      await api.post("/auth/vendor/emailpass/register", { email: "maker@example.com", password: "correct-horse-9" });
      const login = await api.post("/auth/vendor/emailpass", { email: "maker@example.com", password: "correct-horse-9" });
      const registration = { headers: { authorization: `Bearer ${login.data.token}` } };
      await api.post("/vendors", { name: "Oak & Ash", admin: { email: "maker@example.com" } }, registration);

      const refreshed = await api.post("/auth/token/refresh", {}, registration);
      vendorHeaders = { headers: { authorization: `Bearer ${refreshed.data.token}` } };
    });

    describe("GET /store/vendors", () => {
      it("lists vendors for the storefront", async () => {
        const response = await api.get("/store/vendors", storeHeaders);
        expect(response.status).toEqual(200);
        expect(response.data.vendors).toEqual([
          expect.objectContaining({ name: "Oak & Ash", handle: "oak-ash" }),
        ]);
      });
    });

    describe("vendor products", () => {
      const product = {
        title: "Walnut board",
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", options: { Size: "M" }, prices: [{ amount: 4500, currency_code: "eur" }] }],
      };

      it("rejects product creation without a vendor token", async () => {
        const { response } = await api.post("/vendors/products", product).catch((e: any) => e);
        expect(response.status).toEqual(401);
      });

      it("creates a draft product linked to the vendor", async () => {
        const created = await api.post("/vendors/products", product, vendorHeaders);
        expect(created.status).toEqual(201);
        const list = await api.get("/vendors/products", vendorHeaders);
        expect(list.data.products.map((p: { id: string }) => p.id)).toContain(created.data.product.id);
      });

      it("updates a product title", async () => {
        const created = await api.post("/vendors/products", product, vendorHeaders);
        await api.post(`/vendors/products/${created.data.product.id}`, { title: "Walnut board XL" }, vendorHeaders);
      });
    });
  },
});
