import { SignJWT } from "jose";

export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef-not-for-prod";

process.env.NODE_ENV = "test";
process.env.SESSION_JWT_SECRET = TEST_SESSION_SECRET;
process.env.PADDLE_WEBHOOK_SECRET = "pdl_ntfset_test_3c1f0e";

export async function sessionToken(claims: { sub: string; acct: string; roles?: string[] }, audience = "billing-api") {
  return new SignJWT({ acct: claims.acct, roles: claims.roles ?? ["member"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer("https://auth.tallyworks.io/")
    .setAudience(audience)
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(TEST_SESSION_SECRET));
}

export const account = {
  id: "7d3f1c2a-0000-4000-8000-000000000001",
  name: "Acme Robotics",
  billingEmail: "ap@acme.test",
  status: "active" as const,
  plan: "team",
  stripeCustomerId: "cus_test_123",
  paddleCustomerId: null,
  creditCents: 500,
  createdAt: new Date("2024-01-01T00:00:00Z"),
};

export const invoice = {
  id: "1b9e8f00-0000-4000-8000-0000000000aa",
  accountId: account.id,
  number: "INV-202406-7D3F1C2A",
  status: "open" as const,
  currency: "usd",
  totalCents: 12_500,
  paymentIntentId: "pi_test_1",
  pdfPath: null,
  periodStart: new Date("2024-05-01T00:00:00Z"),
  periodEnd: new Date("2024-06-01T00:00:00Z"),
  finalizedAt: new Date("2024-06-01T02:00:00Z"),
};
