import { createCookieSessionStorage, redirect } from "@remix-run/node";

/**
 * Cookie-backed session storage. Secrets are rotated by prepending a new
 * value to SESSION_SECRETS (comma separated); old cookies keep validating
 * against the trailing entries until they expire.
 */
const sessionSecrets = (
  process.env.SESSION_SECRETS ?? "b7f3c91e0d4a6e2f8c5b1a9d7e3f0c6a2b8d4e1f9a7c3b5d"
)
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: "__portal_session",
    httpOnly: true,
    path: "/",
    sameSite: "lax",
    secrets: sessionSecrets,
    secure: process.env.NODE_ENV === "production",
    maxAge: 60 * 60 * 12,
  },
});

export const { commitSession, destroySession } = sessionStorage;

export async function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function createUserSession(
  request: Request,
  userId: string,
  redirectTo: string,
) {
  const session = await getSession(request);
  session.set("userId", userId);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export async function logout(request: Request) {
  const session = await getSession(request);
  return redirect("/login", {
    headers: { "Set-Cookie": await destroySession(session) },
  });
}
