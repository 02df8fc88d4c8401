import { useEffect, useState } from "react";
import { apiGet } from "../api/client";

export interface Session {
  user: string;
  roles: string[];
}

export function useSession(): { session: Session | null; loading: boolean; error: unknown } {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    apiGet<Session>("/session", ctrl.signal)
      .then(setSession)
      .catch((e) => {
        if ((e as Error).name !== "AbortError") setError(e);
      })
      .finally(() => setLoading(false));
    return () => ctrl.abort();
  }, []);

  return { session, loading, error };
}
