import { request } from "undici";
import { config } from "../config.js";
import { child } from "../logger.js";

const log = child("admin-graphql");

export class ShopifyGraphqlError extends Error {
  constructor(message: string, readonly errors: unknown) {
    super(message);
  }
}

interface GraphqlResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: { cost?: { throttleStatus?: { currentlyAvailable: number; restoreRate: number } } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function adminGraphql<T>(
  shop: string,
  accessToken: string,
  query: string,
  variables: Record<string, unknown> = {},
  attempt = 0,
): Promise<T> {
  const res = await request(`https://${shop}/admin/api/${config.apiVersion}/graphql.json`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-access-token": accessToken,
    },
    body: JSON.stringify({ query }),
    headersTimeout: 10_000,
    bodyTimeout: 20_000,
  });
  if (res.statusCode === 401 || res.statusCode === 403) {
    await res.body.dump();
    throw new ShopifyGraphqlError(`admin API refused token for ${shop}`, res.statusCode);
  }
  const payload = (await res.body.json()) as GraphqlResponse<T>;
  const throttled = payload.errors?.some((e) => e.extensions?.code === "THROTTLED");
  if (throttled && attempt < 3) {
    const status = payload.extensions?.cost?.throttleStatus;
    const wait = status ? Math.ceil((100 - status.currentlyAvailable) / status.restoreRate) * 1000 : 1000;
    log.info({ shop, wait, attempt }, "throttled by admin API, backing off");
    await sleep(wait);
    return adminGraphql(shop, accessToken, query, variables, attempt + 1);
  }
  if (payload.errors?.length || !payload.data) {
    throw new ShopifyGraphqlError("admin API query failed", payload.errors);
  }
  return payload.data;
}

export interface VariantInfo {
  id: string;
  title: string;
  price: string;
  productId: string;
}

export async function fetchVariants(shop: string, accessToken: string, ids: string[]): Promise<VariantInfo[]> {
  const data = await adminGraphql<{ nodes: Array<{ id: string; title: string; price: string; product: { id: string } } | null> }>(
    shop,
    accessToken,
    `query Variants($ids: [ID!]!) {
      nodes(ids: $ids) {
        ... on ProductVariant { id title price product { id } }
      }
    }`,
    { ids },
  );
  return data.nodes
    .filter((n): n is NonNullable<typeof n> => n !== null)
    .map((n) => ({ id: n.id, title: n.title, price: n.price, productId: n.product.id }));
}

export async function tagProduct(shop: string, accessToken: string, productId: string, tag: string): Promise<void> {
  await adminGraphql(
    shop,
    accessToken,
    `mutation Tag($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { userErrors { field message } } }`,
    { id: productId, tags: [tag] },
  );
}
