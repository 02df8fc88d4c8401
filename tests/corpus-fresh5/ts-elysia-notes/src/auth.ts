import { Elysia } from "elysia";
import { bearer } from "@elysiajs/bearer";
import { timingSafeEqual, createHash } from "node:crypto";
import { sessions } from "./store";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Resolves the bearer token into a user and rejects anonymous calls. */
export const authenticated = new Elysia({ name: "auth.authenticated" })
  .use(bearer())
  .derive({ as: "scoped" }, async ({ bearer, set }) => {
    const user = bearer ? await sessions.lookup(bearer) : null;
    if (!user) {
      set.status = 401;
      throw new Error("unauthorized");
    }
    return { user };
  });

/** Only staff accounts may reach moderation endpoints. */
export const requireStaff = new Elysia({ name: "auth.requireStaff" })
  .use(authenticated)
  .onBeforeHandle({ as: "scoped" }, ({ user, set }) => {
    if (!user.roles.includes("staff")) {
      set.status = 403;
      return { error: "forbidden" };
    }
  });

/** Machine-to-machine key used by the search indexer. */
export function indexerKeyMatches(presented: string | undefined): boolean {
  const expected = process.env.INDEXER_API_KEY;
  if (!presented || !expected) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}
