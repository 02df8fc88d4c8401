import jwt from "jsonwebtoken";
import type { YogaServerInstance } from "graphql-yoga";

export function tokenFor(role: "member" | "admin" | "owner", orgId = "org_1"): string {
  return jwt.sign({ sub: "user_1", org: orgId, role }, "test-secret-changeme", {
    issuer: "https://auth.workspace.dev/",
    expiresIn: "5m",
  });
}

export async function gql(
  yoga: YogaServerInstance<Record<string, unknown>, Record<string, unknown>>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) {
  const res = await yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> };
}

export function expectForbidden(result: { errors?: Array<{ message: string }> }): void {
  expect(result.errors?.[0]?.message).toBe("Not authorised");
}
