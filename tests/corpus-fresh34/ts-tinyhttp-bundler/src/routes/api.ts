import { App, type Request, type Response } from "@tinyhttp/app";
import { collectRawBody, jsonBody } from "../body.js";
import { createBundle, deleteBundle, getBundle, listBundles, updateBundle } from "../db/bundles.js";
import { child } from "../logger.js";
import { fetchVariants, tagProduct } from "../shopify/graphql.js";
import { requireSessionToken } from "../shopify/sessionToken.js";
import { isValidShopDomain } from "../shopify/hmac.js";

const log = child("api");

interface BundleInput {
  title?: string;
  variantIds?: string[];
  discountPercent?: number;
  active?: boolean;
}

function validateInput(body: BundleInput, partial: boolean): string | null {
  if (!partial || body.title !== undefined) {
    if (typeof body.title !== "string" || body.title.trim().length === 0 || body.title.length > 120) {
      return "title must be 1-120 characters";
    }
  }
  if (!partial || body.discountPercent !== undefined) {
    const d = body.discountPercent;
    if (typeof d !== "number" || d < 0 || d > 90) {
      return "discountPercent must be between 0 and 90";
    }
  }
  if (!partial) {
    if (!Array.isArray(body.variantIds) || body.variantIds.length < 2 || body.variantIds.length > 10) {
      return "a bundle needs 2-10 variants";
    }
  }
  return null;
}

export const api = new App();

api.use(collectRawBody);
api.use(jsonBody);
api.use(requireSessionToken);

api.get("/bundles", async (req, res) => {
  const bundles = await listBundles(req.shopContext!.shop, { activeOnly: req.query.active === "true" });
  res.json({ bundles });
});

api.get("/bundles/:id", async (req, res) => {
  const bundle = await getBundle(req.shopContext!.shop, Number(req.params.id));
  if (!bundle) {
    res.status(404).json({ error: "not found" });
    return;
  }
  res.json({ bundle });
});

api.post("/bundles", async (req, res) => {
  const body = (req.body ?? {}) as BundleInput;
  const problem = validateInput(body, false);
  if (problem) {
    res.status(422).json({ error: problem });
    return;
  }
  const { shop, session } = req.shopContext!;
  const variants = await fetchVariants(shop, session.accessToken, body.variantIds!);
  if (variants.length !== body.variantIds!.length) {
    res.status(422).json({ error: "some variants no longer exist" });
    return;
  }
  const bundle = await createBundle(shop, body.title!.trim(), body.variantIds!, body.discountPercent!);
  for (const productId of new Set(variants.map((v) => v.productId))) {
    await tagProduct(shop, session.accessToken, productId, "bundler:member");
  }
  log.info({ shop, bundle: bundle.id }, "bundle created");
  res.status(201).json({ bundle });
});

api.patch("/bundles/:id", async (req, res) => {
  const body = (req.body ?? {}) as BundleInput;
  const problem = validateInput(body, true);
  if (problem) {
    res.status(422).json({ error: problem });
    return;
  }
  const bundle = await updateBundle(req.shopContext!.shop, Number(req.params.id), {
    title: body.title?.trim(),
    discountPercent: body.discountPercent,
    active: body.active,
  });
  if (!bundle) {
    res.status(404).json({ error: "not found" });
    return;
  }
  res.json({ bundle });
});

api.delete("/bundles/:id", async (req, res) => {
  const removed = await deleteBundle(req.shopContext!.shop, Number(req.params.id));
  res.status(removed ? 204 : 404).send("");
});

export async function exportBundlesCsv(req: Request, res: Response): Promise<void> {
  const shop = req.shopContext?.shop ?? (req.query.shop as string | undefined);
  if (!isValidShopDomain(shop)) {
    res.status(400).json({ error: "unknown shop" });
    return;
  }
  const bundles = await listBundles(shop);
  const lines = [
    "id,title,variants,discount_percent,active,updated_at",
    ...bundles.map((b) =>
      [b.id, JSON.stringify(b.title), JSON.stringify(b.variantIds.join(" ")), b.discountPercent, b.active, b.updatedAt.toISOString()].join(","),
    ),
  ];
  res.set("Content-Type", "text/csv");
  res.set("Content-Disposition", `attachment; filename="bundles-${shop}.csv"`);
  res.send(lines.join("\n"));
}
