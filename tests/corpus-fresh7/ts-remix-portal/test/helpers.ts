import { expect } from "vitest";

import { sessionStorage } from "~/sessions.server";

export async function cookieFor(userId: string): Promise<string> {
  const session = await sessionStorage.getSession();
  session.set("userId", userId);
  return sessionStorage.commitSession(session);
}

export function expectRedirect(thrown: unknown, location: string) {
  expect(thrown).toBeInstanceOf(Response);
  const res = thrown as Response;
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toContain(location);
}

export function formRequest(url: string, fields: Record<string, string>, cookie?: string) {
  const body = new URLSearchParams(fields);
  return new Request(url, {
    method: "POST",
    body,
    headers: cookie ? { Cookie: cookie } : {},
  });
}
