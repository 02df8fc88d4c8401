import { randomBytes } from "node:crypto";
import { App, type Request } from "@tinyhttp/app";
import { request } from "undici";
import { config } from "../config.js";
import { sessionStore } from "../db/sessions.js";
import { child } from "../logger.js";
import { isValidShopDomain, safeEqual, verifyQueryHmac } from "../shopify/hmac.js";

const log = child("oauth");
const STATE_COOKIE = "bundler_oauth_state";

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      return decodeURIComponent(v.join("="));
    }
  }
  return undefined;
}

export const oauth = new App();

// Install entry point: Shopify sends the merchant here before any session exists.
oauth.get("/", (req, res) => {
  const shop = req.query.shop;
  if (!isValidShopDomain(shop)) {
    res.status(400).send("missing or invalid shop");
    return;
  }
  const state = randomBytes(16).toString("hex");
  const redirectUri = `${config.appUrl}/auth/callback`;
  const url =
    `https://${shop}/admin/oauth/authorize?client_id=${encodeURIComponent(config.apiKey)}` +
    `&scope=${encodeURIComponent(config.scopes.join(","))}` +
    `&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`;
  res.set("Set-Cookie", `${STATE_COOKIE}=${state}; Path=/auth; HttpOnly; Secure; SameSite=Lax; Max-Age=600`);
  res.redirect(url);
});

oauth.get("/callback", async (req, res) => {
  const query = req.query as Record<string, string | string[] | undefined>;
  const shop = query.shop;
  if (!isValidShopDomain(shop) || !verifyQueryHmac(query, config.apiSecret)) {
    res.status(400).send("invalid callback");
    return;
  }
  const expectedState = readCookie(req, STATE_COOKIE);
  const state = typeof query.state === "string" ? query.state : "";
  if (!expectedState || !safeEqual(Buffer.from(expectedState), Buffer.from(state))) {
    res.status(403).send("state mismatch");
    return;
  }
  const tokenRes = await request(`https://${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: config.apiKey, client_secret: config.apiSecret, code: query.code }),
  });
  if (tokenRes.statusCode !== 200) {
    log.error({ shop, status: tokenRes.statusCode }, "token exchange failed");
    await tokenRes.body.dump();
    res.status(502).send("could not complete installation");
    return;
  }
  const body = (await tokenRes.body.json()) as { access_token: string; scope: string };
  sessionStore.store({
    id: `offline_${shop}`,
    shop,
    accessToken: body.access_token,
    scope: body.scope,
    isOnline: false,
    expiresAt: null,
  });
  log.info({ shop, scope: body.scope }, "installed");
  res.redirect(`https://${shop}/admin/apps/${config.apiKey}`);
});
