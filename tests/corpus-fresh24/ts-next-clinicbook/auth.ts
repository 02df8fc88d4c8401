import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { z } from "zod";
import { query } from "@/lib/db";

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

export type Role = "patient" | "staff" | "admin";

type UserRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
};

const credentialsSchema = z.object({
  email: z.string().email(),
  password: z.string().min(8),
});

async function findUserByEmail(email: string): Promise<UserRow | null> {
  const { rows } = await query<UserRow>(
    `SELECT id, email, display_name AS "displayName", role, password_hash AS "passwordHash"
       FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL`,
    [email],
  );
  return rows[0] ?? null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(":");
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, "hex");
  const derived = await scrypt(password, Buffer.from(saltHex, "hex"), expected.length);
  if (derived.length !== expected.length) return false;
  return timingSafeEqual(derived, expected);
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: process.env.AUTH_SECRET ?? "b7f3c1e9a24d4f0e8c5a6d2b91e07f4a3c8d5e6f1a2b",
  session: { strategy: "jwt", maxAge: 60 * 60 * 8 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await findUserByEmail(parsed.data.email);
        if (!user) return null;
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.displayName, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = (user as { role?: Role }).role ?? "patient";
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub!;
        (session.user as { role?: Role }).role = token.role as Role;
      }
      return session;
    },
  },
});

export function roleOf(session: { user?: unknown } | null): Role | undefined {
  return (session?.user as { role?: Role } | undefined)?.role;
}
