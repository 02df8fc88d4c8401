import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportInvoices, type ReportFormat } from "~/models/report.server";

/**
 * Machine-to-machine export used by the finance warehouse job.
 * GET /api/export?account=...&format=csv
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = request.headers.get("Authorization") ?? "";
  const token = auth.replace(/^Bearer\s+/i, "");
  if (!token || token !== process.env.EXPORT_API_TOKEN) {
    return new Response("Unauthorized", { status: 401 });
  }

  const url = new URL(request.url);
  const accountId = url.searchParams.get("account");
  if (!accountId) {
    return new Response("account is required", { status: 400 });
  }
  const format = (url.searchParams.get("format") ?? "csv") as ReportFormat;
  const includeArchived = url.searchParams.get("archived") === "1";

  const body = await exportInvoices(accountId, { format, includeArchived });
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv" : "application/json",
      "Cache-Control": "no-store",
    },
  });
}
