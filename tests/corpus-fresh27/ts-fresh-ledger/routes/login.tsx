import { Handlers, PageProps } from "$fresh/server.ts";
import { verify } from "$std/crypto/unstable_argon2.ts";
import { getUserByEmail } from "../utils/db.ts";
import { createSession } from "../utils/session.ts";

interface LoginData {
  error?: string;
  email?: string;
}

export const handler: Handlers<LoginData> = {
  GET(_req, ctx) {
    return ctx.render({});
  },

  async POST(req, ctx) {
    const form = await req.formData();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const user = email ? await getUserByEmail(email) : null;
    if (!user || !(await verify(user.passwordHash, password))) {
      return ctx.render({ error: "Invalid email or password", email }, { status: 401 });
    }
    const headers = new Headers({ location: "/" });
    await createSession(headers, user);
    return new Response(null, { status: 303, headers });
  },
};

export default function LoginPage({ data }: PageProps<LoginData>) {
  return (
    <main class="mx-auto max-w-sm p-6">
      <h1 class="text-2xl font-semibold mb-4">Sign in to Ledger</h1>
      {data.error && <p class="text-red-600 mb-2">{data.error}</p>}
      <form method="post" class="flex flex-col gap-3">
        <input name="email" type="email" value={data.email ?? ""} required class="border p-2" />
        <input name="password" type="password" required class="border p-2" />
        <button type="submit" class="bg-slate-900 text-white p-2 rounded">Sign in</button>
      </form>
    </main>
  );
}
