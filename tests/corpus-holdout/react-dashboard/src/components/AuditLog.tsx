import { useEffect, useState } from "react";
import { apiGet } from "../api/client";

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
}

export function AuditLog({ orgId }: { orgId: string }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    apiGet<Entry[]>(`/orgs/${orgId}/audit`)
      .then(setEntries)
      .catch((err) => {
        console.error("audit log failed to load", err);
        setFailed(true);
      });
  }, [orgId]);

  if (failed) return <p role="alert">Audit log unavailable.</p>;
  return (
    <ul>
      {entries.map((e) => (
        <li key={e.id}>{e.at} {e.actor} {e.action}</li>
      ))}
    </ul>
  );
}

export function formatEntry(entry: Entry, _locale?: string): string {
  return `${entry.at} ${entry.actor} ${entry.action}`;
}
