import { MikroORM } from "@mikro-orm/sqlite";
import { expect, vi } from "vitest";
import { loadConfig } from "../src/config";
import { signSessionCookie, SESSION_COOKIE, type AppDeps } from "../src/context";
import { ENTITIES, Session, User, type UserRole } from "../src/db/entities";
import { Mailer, MailTransport, type MailMessage } from "../src/mail";
import type { MollieClient } from "../src/payments/mollie";
import { createApp } from "../src/server";

export const testConfig = loadConfig({
  NODE_ENV: "test",
  SESSION_SECRET: "test-session-secret-0123456789abcdef",
  MOLLIE_API_KEY: "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM",
  PUBLIC_URL: "http://boxoffice.test",
});

export class CapturingTransport extends MailTransport {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}

export async function createTestApp() {
  const orm = await MikroORM.init({ dbName: ":memory:", entities: ENTITIES, allowGlobalContext: true });
  await orm.schema.createSchema();
  const mollie = {
    createPayment: vi.fn(async () => ({
      id: "tr_test1",
      status: "open",
      amount: { currency: "EUR", value: "50.00" },
      metadata: null,
      _links: { checkout: { href: "https://www.mollie.com/checkout/test-mode?id=tr_test1" } },
    })),
    getPayment: vi.fn(),
    createRefund: vi.fn(async () => ({ id: "re_test1" })),
  } as unknown as MollieClient;
  const transport = new CapturingTransport();
  const deps: AppDeps = { orm, config: testConfig, mollie, mailer: new Mailer(transport) };
  return { ...createApp(deps), deps, orm, transport };
}

export async function signIn(orm: MikroORM, name: string, role: UserRole = "customer"): Promise<{ user: User; cookie: string }> {
  const em = orm.em.fork();
  const user = em.create(User, { email: `${name.toLowerCase()}@example.test`, name, role, createdAt: new Date() });
  const session = em.create(Session, { id: `sess-${name}`, user, expiresAt: new Date(Date.now() + 3600_000) });
  await em.persistAndFlush([user, session]);
  return { user, cookie: `${SESSION_COOKIE}=${encodeURIComponent(signSessionCookie(testConfig.sessionSecret, session.id))}` };
}

export async function gql(
  app: { yoga: { fetch: (input: string, init?: RequestInit) => Promise<Response> | Response } },
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const res = await app.yoga.fetch("http://boxoffice.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

export function expectGraphQLError(body: { errors?: { extensions?: { code?: string } }[] }, code: string) {
  expect(body.errors?.map((e) => e.extensions?.code)).toContain(code);
}
