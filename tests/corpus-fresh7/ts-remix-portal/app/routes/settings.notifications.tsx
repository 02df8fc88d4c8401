import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/lib/auth.server";
import { db } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const prefs = await db.notificationPreference.findUnique({
    where: { userId: user.id },
  });
  return json({ prefs });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  throw new Error("Not implemented: notification preferences are read-only for now");
}

export default function NotificationSettings() {
  const { prefs } = useLoaderData<typeof loader>();
  return (
    <Form method="post">
      <label>
        <input type="checkbox" name="invoiceEmails" defaultChecked={prefs?.invoiceEmails} />
        Email me new invoices
      </label>
      <button type="submit">Save</button>
    </Form>
  );
}
