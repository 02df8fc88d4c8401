import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { z } from "zod";
import { findUserByEmail, verifyPassword } from "@/lib/users";

export type Role = "owner" | "admin" | "member";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; orgId: string } & DefaultSession["user"];
  }
}

// Name of the cookie Auth.js writes the encrypted session JWT into. Kept in one
// place because the e2e suite and the CDN cache rules both refer to it.
export const SESSION_COOKIE_NAME = "__Secure-authjs.session-token";

const credentialsSchema = z.object({
  email: z.string().email(),
  password: z.string().min(8).max(256),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 60 * 60 * 8 },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE_NAME,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    },
  },
  providers: [
    GitHub({
      clientId: process.env.AUTH_GITHUB_ID,
      clientSecret: process.env.AUTH_GITHUB_SECRET,
    }),
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (raw) => {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;

        const user = await findUserByEmail(parsed.data.email);
        if (!user || user.disabledAt) return null;

        const ok = await verifyPassword(parsed.data.password, user.passwordHash);
        if (!ok) return null;

        return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: user.orgId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.role = (user as { role: string }).role;
        token.orgId = (user as { orgId: string }).orgId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.user.orgId = token.orgId as string;
      return session;
    },
  },
  pages: { signIn: "/login" },
});
