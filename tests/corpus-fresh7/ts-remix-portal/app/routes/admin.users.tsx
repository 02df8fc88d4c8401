import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/lib/auth.server";
import { db } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const users = await db.user.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, createdAt: true },
  });
  return json({ users });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await request.formData();
  const userId = String(form.get("userId") ?? "");
  const role = String(form.get("role") ?? "customer");
  if (!["customer", "support", "admin"].includes(role)) {
    return json({ error: "invalid role" }, { status: 400 });
  }
  await db.user.update({ where: { id: userId }, data: { role } });
  return json({ ok: true });
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <table>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.email}</td>
            <td>
              <Form method="post">
                <input type="hidden" name="userId" value={u.id} />
                <select name="role" defaultValue={u.role}>
                  <option>customer</option>
                  <option>support</option>
                  <option>admin</option>
                </select>
                <button type="submit">Save</button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
